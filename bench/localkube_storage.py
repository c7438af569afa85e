#!/usr/bin/env python3
"""LocalKube storage under --state-dir: write throughput and restart time.

Starts `aiven-operator apiserver --state-dir DIR`, creates --count Leases (~0.8 KB each) from
--clients threads (each create acknowledged only once durable), kill -9s the server, restarts it
and times until it answers /readyz and until it answers a LIST of everything. Prints one JSON line.

    python3 bench/localkube_storage.py --binary .build/release/aiven-operator --count 10000
"""
import argparse, http.client, json, os, signal, socket, subprocess, sys, tempfile, threading, time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(binary, port, state):
    process = subprocess.Popen([binary, "apiserver", "--port", str(port), "--state-dir", state],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    started = time.monotonic()
    while True:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("GET", "/readyz")
            if connection.getresponse().status == 200:
                ready = time.monotonic() - started
                break
        except OSError:
            pass
        if process.poll() is not None:
            sys.exit(f"apiserver exited with {process.returncode}")
        time.sleep(0.01)
    while True:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("GET", "/apis/coordination.k8s.io/v1/namespaces/default/leases")
            response = connection.getresponse()
            body = response.read()
            if response.status == 200:
                return process, (ready, time.monotonic() - started), len(json.loads(body)["items"])
        except OSError:
            pass
        if process.poll() is not None:
            sys.exit(f"apiserver exited with {process.returncode}")
        time.sleep(0.01)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/debug/aiven-operator")
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--clients", type=int, default=8)
    arguments = parser.parse_args()
    state = tempfile.mkdtemp(prefix="localkube-storage-")
    port = free_port()
    process, _, _ = start(arguments.binary, port, state)
    latencies = []
    lock = threading.Lock()

    def client(index):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mine = []
        for number in range(index, arguments.count, arguments.clients):
            body = json.dumps({"metadata": {"name": f"lease-{number}", "labels": {"bench": "storage"}},
                               "spec": {"holderIdentity": "x" * 512}})
            began = time.monotonic()
            connection.request("POST", "/apis/coordination.k8s.io/v1/namespaces/default/leases", body,
                               {"Content-Type": "application/json"})
            response = connection.getresponse()
            response.read()
            assert response.status == 201, response.status
            mine.append(time.monotonic() - began)
        with lock:
            latencies.extend(mine)

    began = time.monotonic()
    threads = [threading.Thread(target=client, args=(index,)) for index in range(arguments.clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - began
    log_bytes = os.path.getsize(os.path.join(state, "objects.log"))
    process.send_signal(signal.SIGKILL)
    process.wait()
    process, restart, restored = start(arguments.binary, port, state)
    process.send_signal(signal.SIGTERM)
    process.wait()
    latencies.sort()
    print(json.dumps({
        "count": arguments.count, "clients": arguments.clients,
        "writes_per_second": round(arguments.count / elapsed),
        "p50_ms": round(latencies[len(latencies) // 2] * 1000, 2),
        "p99_ms": round(latencies[int(len(latencies) * 0.99)] * 1000, 2),
        "log_bytes_after_writes": log_bytes,
        "restart_to_ready_seconds": round(restart[0], 3), "restart_to_list_seconds": round(restart[1], 3),
        "objects_after_restart": restored,
    }))


if __name__ == "__main__":
    main()
