#!/usr/bin/env python3
"""Benchmark of aiven-operator: N KafkaConnect resources from creation to Ready.

One command:  python3 bench/run.py --count 1000     (or --count 10000; repeatable)
(Python 3.11 standard library only; builds the release binary into .build-release, as .ci/run
does, unless --no-build; prints a markdown table at the end.)

Per N, two phases, each on freshly started servers (release build, loopback):

1. operator: `aiven-operator apiserver --state-dir` + `aiven-operator emulator --provision-delay 0
   --state-file` (durable state, as `dev` runs them) + `aiven-operator run`. Once the operator is ready (/readyz), the clock starts and the harness
   POSTs N KafkaConnect objects straight to LocalKube (HTTP keep-alive, a few threads); a watch
   on kafkaconnects stops the clock when every object has Ready=True and state RUNNING.
   Then: the operator's peak RSS (VmHWM), Aiven requests and Kubernetes writes per resource
   (diff of /_emulator/requests and /_localkube/requests, minus the harness's own N creates),
   and one idle resync: after convergence, wait until every resource has been re-read from
   Aiven once (the resync interval), and count the writes and Aiven requests made meanwhile.
   Then the restart: the operator is stopped (SIGTERM) and started again with all N Ready; for
   one resync interval the harness samples the Aiven GETs (first 5 s, busiest 5 s, per fifth of
   the interval) and counts the Kubernetes writes (goal 0), and times start → /readyz.
2. floor: fresh servers, no operator. A minimal client (threads, one keep-alive connection per
   server per thread, concurrency = --max-concurrent-reconciles) sends, per resource, the same
   requests by route that phase 1 saw (the N creates and everything the operator wrote to
   Kubernetes or asked Aiven), in the operator's order. The ratio converge/floor is the figure
   that holds across machines.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import queue
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "bench-token"
PROJECT = "bench-project"
NAMESPACE = "default"
GROUP_PATH = "/apis/aiven.io/v1alpha1"
KC_COLLECTION = f"{GROUP_PATH}/namespaces/{NAMESPACE}/kafkaconnects"
WRITE_VERBS = ("POST", "PUT", "PATCH", "DELETE")


# ---------------------------------------------------------------- processes


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Proc:
    """A child process whose stdout/stderr go to a log file; waits for a line matching a regex."""

    def __init__(self, name: str, argv: list[str], workdir: Path, env: dict | None = None):
        self.name = name
        self.log_path = workdir / f"{name}.log"
        self.log = open(self.log_path, "wb")
        self.popen = subprocess.Popen(argv, stdout=self.log, stderr=subprocess.STDOUT, env=env)

    def wait_for(self, pattern: str, timeout: float = 30) -> re.Match:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            m = re.search(pattern, self.log_path.read_text(errors="replace"))
            if m:
                return m
            if self.popen.poll() is not None:
                break
            time.sleep(0.05)
        raise RuntimeError(f"{self.name}: no /{pattern}/ in its output:\n{self.log_path.read_text(errors='replace')[-3000:]}")

    def peak_rss_kb(self) -> int:
        status = Path(f"/proc/{self.popen.pid}/status").read_text()
        return int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1))

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.popen.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self):
        if self.popen.poll() is None:
            self.popen.terminate()
            try:
                self.popen.wait(10)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait()
        self.log.close()


class Servers:
    """LocalKube and the emulator, started fresh in `workdir`."""

    def __init__(self, binary: str, workdir: Path):
        shutil.rmtree(workdir, ignore_errors=True)  # LocalKube keeps objects in its state dir
        workdir.mkdir(parents=True)
        self.procs: list[Proc] = []
        try:
            self._start(binary, workdir)
        except BaseException:
            self.stop()
            raise

    def _start(self, binary: str, workdir: Path):
        self.kube = Proc("apiserver", [binary, "apiserver", "--port", "0", "--state-dir", str(workdir / "kube")], workdir)
        self.procs.append(self.kube)
        # As `dev` runs them: both servers keep durable state (LocalKube's journal in --state-dir,
        # the emulator's in --state-file), so every acknowledged write is fsynced.
        self.emulator = Proc("emulator", [binary, "emulator", "--port", "0", "--provision-delay", "0", "--token", TOKEN,
                                          "--state-file", str(workdir / "aiven-state.json")], workdir)
        self.procs.append(self.emulator)
        # Hummingbird logs the bound port on stderr (stdout is block-buffered into the log file).
        port = r"listening on (?:http://)?127\.0\.0\.1:(\d+)"
        self.kube_port = int(self.kube.wait_for(port).group(1))
        self.aiven_port = int(self.emulator.wait_for(port).group(1))
        self.kubeconfig = workdir / "kube" / "kubeconfig"
        deadline = time.monotonic() + 10
        while not self.kubeconfig.exists() and time.monotonic() < deadline:
            time.sleep(0.05)

    def stop(self):
        for p in reversed(self.procs):
            p.stop()


# ---------------------------------------------------------------- HTTP


class Client:
    """One keep-alive connection; reconnects once on a dropped connection."""

    def __init__(self, port: int, headers: dict | None = None):
        self.port = port
        self.headers = {"Content-Type": "application/json", "Accept": "application/json", **(headers or {})}
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def request(self, method: str, path: str, body=None, content_type: str | None = None) -> tuple[int, dict | None]:
        data = None if body is None else json.dumps(body).encode()
        headers = dict(self.headers)
        if content_type:
            headers["Content-Type"] = content_type
        for attempt in (0, 1):
            try:
                self.conn.request(method, path, body=data, headers=headers)
                resp = self.conn.getresponse()
                raw = resp.read()
                break
            except (http.client.HTTPException, ConnectionError):
                self.conn.close()
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
                if attempt:
                    raise
        try:
            return resp.status, json.loads(raw) if raw else None
        except ValueError:
            return resp.status, None

    def close(self):
        self.conn.close()


def kube_client(servers: Servers) -> Client:
    return Client(servers.kube_port)


def aiven_client(servers: Servers) -> Client:
    return Client(servers.aiven_port, {"Authorization": f"aivenv1 {TOKEN}"})


def request_counts(servers: Servers) -> tuple[Counter, Counter]:
    """(LocalKube by route, emulator by route), as `METHOD template` → count."""
    k, a = kube_client(servers), aiven_client(servers)
    try:
        _, kube = k.request("GET", "/_localkube/requests")
        _, aiven = a.request("GET", "/_emulator/requests")
    finally:
        k.close()
        a.close()
    return Counter(kube["by_route"]), Counter(aiven["by_route"])


def kafka_connect(i: int) -> dict:
    return {
        "apiVersion": "aiven.io/v1alpha1",
        "kind": "KafkaConnect",
        "metadata": {"name": f"bench-{i:05d}", "namespace": NAMESPACE},
        "spec": {
            "project": PROJECT,
            "cloudName": "google-europe-west1",
            "plan": "business-4",
            "tags": {"env": "bench"},
            "userConfig": {"kafka_connect": {"consumer_isolation_level": "read_committed"}},
        },
    }


def parallel(count: int, threads: int, work):
    """Runs work(i, state) for i in range(count) on `threads` threads; state is per thread."""
    jobs: queue.Queue = queue.Queue()
    for i in range(count):
        jobs.put(i)
    errors: list[BaseException] = []

    def worker():
        state: dict = {}
        try:
            while True:
                try:
                    i = jobs.get_nowait()
                except queue.Empty:
                    return
                work(i, state)
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)
        finally:
            for c in state.values():
                if isinstance(c, Client):
                    c.close()

    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    if errors:
        raise errors[0]


def create_all(servers: Servers, n: int, threads: int):
    def work(i, state):
        c = state.setdefault("kube", kube_client(servers))
        status, body = c.request("POST", KC_COLLECTION, kafka_connect(i))
        if status != 201:
            raise RuntimeError(f"create bench-{i}: {status} {body}")

    parallel(n, threads, work)


def is_ready(obj: dict) -> bool:
    status = obj.get("status") or {}
    ready = any(c.get("type") == "Ready" and c.get("status") == "True" for c in status.get("conditions") or [])
    return ready and status.get("state") == "RUNNING"


class KafkaConnectWatch(threading.Thread):
    """Watches kafkaconnects from now on; records when `n` names are in `matched`, which
    `count(event_type, obj)` grows (True), shrinks (False) or leaves alone (None) per event."""

    def __init__(self, servers: Servers, n: int, count):
        super().__init__(daemon=True)
        self.servers, self.n, self.count = servers, n, count
        self.matched: set[str] = set()
        self.done = threading.Event()
        self.done_at: float | None = None
        c = kube_client(servers)
        _, listing = c.request("GET", KC_COLLECTION)
        c.close()
        self.rv = listing["metadata"]["resourceVersion"]

    def run(self):
        conn = http.client.HTTPConnection("127.0.0.1", self.servers.kube_port, timeout=None)
        conn.request("GET", f"{KC_COLLECTION}?watch=true&resourceVersion={self.rv}&timeoutSeconds=3600")
        resp = conn.getresponse()
        while not self.done.is_set():
            line = resp.readline()
            if not line:
                break
            event = json.loads(line)
            obj = event.get("object") or {}
            name = (obj.get("metadata") or {}).get("name")
            verdict = self.count(event.get("type"), obj) if name else None
            if verdict is None:
                continue
            (self.matched.add if verdict else self.matched.discard)(name)
            if len(self.matched) >= self.n:
                self.done_at = time.monotonic()
                self.done.set()
        conn.close()


def ready_watch(servers: Servers, n: int) -> KafkaConnectWatch:
    """Done when `n` kafkaconnects are Ready and RUNNING."""
    return KafkaConnectWatch(servers, n, lambda kind, obj: is_ready(obj) if kind in ("ADDED", "MODIFIED") else None)


def gone_watch(servers: Servers, n: int) -> KafkaConnectWatch:
    """Done when `n` kafkaconnects have been deleted (DELETED events)."""
    return KafkaConnectWatch(servers, n, lambda kind, obj: True if kind == "DELETED" else None)


def delete_all(servers: Servers, n: int, threads: int):
    def work(i, state):
        c = state.setdefault("kube", kube_client(servers))
        status, body = c.request("DELETE", f"{KC_COLLECTION}/bench-{i:05d}")
        if status not in (200, 202):
            raise RuntimeError(f"delete bench-{i}: {status} {body}")

    parallel(n, threads, work)


def wait_http_ok(port: int, path: str, timeout: float = 60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            c = Client(port)
            status, _ = c.request("GET", path)
            c.close()
            if status == 200:
                return
        except (OSError, http.client.HTTPException):
            pass
        time.sleep(0.05)
    raise RuntimeError(f"127.0.0.1:{port}{path} never answered 200")


def diff(after: Counter, before: Counter) -> Counter:
    return Counter({k: after[k] - before[k] for k in after if after[k] - before[k] > 0})


def writes(c: Counter) -> Counter:
    return Counter({k: v for k, v in c.items() if k.split(" ", 1)[0] in WRITE_VERBS})


# ---------------------------------------------------------------- phase 1: the operator


def start_operator(binary: str, servers: Servers, workdir: Path, args, name: str = "operator") -> Proc:
    """Starts `aiven-operator run` and returns once it answers /readyz (`ready_seconds` set)."""
    metrics, health = free_port(), free_port()
    env = {**os.environ, "DEFAULT_AIVEN_TOKEN": TOKEN}
    env.pop("KUBECONFIG", None)
    started = time.monotonic()
    op = Proc(name, [
        binary, "run", "--kubeconfig", str(servers.kubeconfig),
        "--aiven-api-url", f"http://127.0.0.1:{servers.aiven_port}",
        "--metrics-bind-address", f"127.0.0.1:{metrics}",
        "--health-probe-bind-address", f"127.0.0.1:{health}",
        "--max-concurrent-reconciles", str(args.concurrency),
        "--resync-interval", str(args.resync_interval),
        "--log-level", args.log_level,
        *args.operator_arg,
    ], workdir, env)
    servers.procs.append(op)
    wait_http_ok(health, "/readyz", timeout=300)
    op.started_at = started
    op.ready_seconds = time.monotonic() - started
    return op


def start_profilers(servers: Servers, op: Proc, workdir: Path, args) -> list:
    """With --perf DIR: `perf record -g` on the operator, LocalKube and the emulator while converging."""
    if not args.perf:
        return []
    out = Path(args.perf)
    out.mkdir(parents=True, exist_ok=True)
    profilers = []
    for proc in (op, servers.kube, servers.emulator):
        data = out / f"{workdir.name}-{proc.name}.data"
        profilers.append(subprocess.Popen(["perf", "record", "-F", "499", "-g", "-p", str(proc.popen.pid), "-o", str(data)],
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    time.sleep(0.5)
    return profilers


def stop_profilers(profilers: list):
    for profiler in profilers:
        profiler.send_signal(subprocess.signal.SIGINT)
    for profiler in profilers:
        try:
            profiler.wait(30)
        except subprocess.TimeoutExpired:
            profiler.kill()


def run_restart_phase(binary: str, servers: Servers, op: Proc, workdir: Path, n: int, args) -> dict:
    """The operator stopped (SIGTERM) and started again with all N Ready: its Kubernetes writes
    (goal 0) and how its Aiven reads spread over the resync interval (goal: no burst of N)."""
    op.stop()
    servers.procs.remove(op)
    kube0, aiven0 = request_counts(servers)
    op = start_operator(binary, servers, workdir, args, name="operator-restarted")
    ready = op.ready_seconds
    cpu0 = op.cpu_seconds()
    # Sample the Aiven GET count every 0.5 s for one resync interval (+10 % jitter, +5 s).
    samples: list[tuple[float, int]] = []
    deadline = op.started_at + args.resync_interval * 1.1 + 5
    while True:
        _, aiven_now = request_counts(servers)
        t = time.monotonic() - op.started_at
        samples.append((t, aiven_now[AIVEN_GET] - aiven0[AIVEN_GET]))
        if time.monotonic() >= deadline:
            break
        time.sleep(0.5)
    kube1, aiven1 = request_counts(servers)

    def gets_by(t: float) -> int:
        return max((c for (ts, c) in samples if ts <= t), default=0)

    # The busiest 5 s window (window ends at each sample).
    busiest = max((c - gets_by(t - 5) for (t, c) in samples), default=0)
    total = samples[-1][1] if samples else 0
    all_read = next((t for (t, c) in samples if c >= n), None)
    fifths = [gets_by(args.resync_interval * k / 5) - gets_by(args.resync_interval * (k - 1) / 5) for k in range(1, 6)]
    kube_writes = writes(diff(kube1, kube0))
    result = {
        "restart_operator": op,
        "restart_ready_seconds": ready,
        "restart_kube_writes": sum(kube_writes.values()),
        "restart_kube_writes_by_route": dict(kube_writes),
        "restart_aiven_gets_first_5s": gets_by(5.0),
        "restart_aiven_gets_busiest_5s": busiest,
        "restart_aiven_gets_uniform_5s": n * 5 / args.resync_interval,
        "restart_aiven_gets_total": total,
        "restart_aiven_gets_by_fifth_of_interval": fifths,
        "restart_all_read_seconds": all_read,
        "restart_aiven_by_route": dict(diff(aiven1, aiven0)),
        "restart_operator_cpu_seconds": op.cpu_seconds() - cpu0,
        "restart_peak_rss_mb": op.peak_rss_kb() / 1024,
    }
    return result


def run_operator_phase(binary: str, workdir: Path, n: int, args) -> dict:
    servers = Servers(binary, workdir)
    op = None
    try:
        op = start_operator(binary, servers, workdir, args)
        kube0, aiven0 = request_counts(servers)
        profilers = start_profilers(servers, op, workdir, args)
        watch = ready_watch(servers, n)
        watch.start()
        cpu0 = op.cpu_seconds()
        start = time.monotonic()
        create_all(servers, n, args.create_threads)
        created = time.monotonic() - start
        if not watch.done.wait(args.timeout):
            raise RuntimeError(f"only {len(watch.matched)}/{n} Ready after {args.timeout}s; see {workdir}/operator.log")
        converge = watch.done_at - start
        converge_cpu = op.cpu_seconds() - cpu0
        stop_profilers(profilers)
        kube1, aiven1 = request_counts(servers)
        rss_converged = op.peak_rss_kb()

        # Settling: a resource that was not yet RUNNING when created is polled again
        # (OperatorConfiguration.pollInterval, 5 s) even if it became Ready meanwhile. Those
        # requests are counted separately: from Ready until the operator is idle.
        time.sleep(args.settle)
        kube2, aiven2 = request_counts(servers)

        # One idle resync: every resource re-read from Aiven once (one resync interval after its
        # last reconcile); counts what that costs. Needs resync interval > converge + settle.
        resync_start = time.monotonic()
        get_route = "GET /v1/project/{project}/service/{service_name}"
        deadline = resync_start + args.resync_interval * 1.1 + 15  # resyncs are jittered ±10 %
        while time.monotonic() < deadline:
            time.sleep(0.5)
            _, aiven_now = request_counts(servers)
            if aiven_now[get_route] - aiven2[get_route] >= n:
                break
        time.sleep(1.0)
        kube3, aiven3 = request_counts(servers)
        resync_elapsed = time.monotonic() - resync_start

        kube_conv, aiven_conv = diff(kube1, kube0), diff(aiven1, aiven0)
        kube_settle, aiven_settle = diff(kube2, kube1), diff(aiven2, aiven1)
        kube_resync, aiven_resync = diff(kube3, kube2), diff(aiven3, aiven2)
        op_kube_writes = writes(kube_conv)
        op_kube_writes[KUBE_CREATE] -= n
        op_kube_writes = +op_kube_writes  # the harness's own creates removed

        c = kube_client(servers)
        _, sample = c.request("GET", f"{KC_COLLECTION}/bench-00000")
        c.close()
        peak_rss_mb = op.peak_rss_kb() / 1024
        restart = {}
        if not args.no_restart:
            print(f"N={n}: restart phase (one resync interval, {args.resync_interval:.0f} s) …", flush=True)
            restart = run_restart_phase(binary, servers, op, workdir, n, args)
            op = restart.pop("restart_operator")
        deletion = {}
        if not args.no_delete:
            print(f"N={n}: delete phase …", flush=True)
            deletion = run_delete_phase(servers, op, n, args)
        return {
            **restart,
            **deletion,
            "n": n,
            "create_seconds": created,
            "converge_seconds": converge,
            "operator_cpu_seconds": converge_cpu,
            "peak_rss_mb": peak_rss_mb,
            "peak_rss_mb_converged": rss_converged / 1024,
            "aiven_by_route": dict(aiven_conv),
            "kube_writes_by_route": dict(op_kube_writes),
            "kube_reads_by_route": {k: v for k, v in kube_conv.items() if k.startswith("GET ")},
            "aiven_per_resource": sum(aiven_conv.values()) / n,
            "kube_writes_per_resource": sum(op_kube_writes.values()) / n,
            # Writes to the KafkaConnects themselves (finalizer, status), i.e. without core-group
            # writes, which for this operator are only Events.
            "kube_object_writes_per_resource": sum(v for k, v in op_kube_writes.items() if " /apis/" in k) / n,
            "settle_aiven_by_route": dict(aiven_settle),
            "settle_kube_writes_by_route": dict(writes(kube_settle)),
            "aiven_per_resource_until_idle": (sum(aiven_conv.values()) + sum(aiven_settle.values())) / n,
            "kube_writes_per_resource_until_idle": (sum(op_kube_writes.values()) + sum(writes(kube_settle).values())) / n,
            "resync_seconds": resync_elapsed,
            "resync_kube_writes": sum(writes(kube_resync).values()),
            "resync_kube_writes_by_route": dict(writes(kube_resync)),
            "resync_aiven_requests": sum(aiven_resync.values()),
            "resync_aiven_by_route": dict(aiven_resync),
            "sample_status": sample.get("status"),
        }
    finally:
        servers.stop()


def run_delete_phase(servers: Servers, op: Proc, n: int, args) -> dict:
    """All N Ready resources deleted at once (DELETE, 4 threads): the time until every object is
    gone from LocalKube (finalizer released once Aiven answers 404), the operator's CPU, and its
    Aiven requests and Kubernetes writes per resource (the harness's own N DELETEs removed)."""
    kube0, aiven0 = request_counts(servers)
    watch = gone_watch(servers, n)
    watch.start()
    cpu0 = op.cpu_seconds()
    start = time.monotonic()
    delete_all(servers, n, args.create_threads)
    if not watch.done.wait(args.timeout):
        raise RuntimeError(f"only {len(watch.matched)}/{n} deleted after {args.timeout}s")
    elapsed = watch.done_at - start
    cpu = op.cpu_seconds() - cpu0
    kube1, aiven1 = request_counts(servers)
    kube_writes = writes(diff(kube1, kube0))
    kube_writes[KUBE_DELETE] -= n
    kube_writes = +kube_writes
    aiven = diff(aiven1, aiven0)
    c = aiven_client(servers)
    _, services = c.request("GET", f"/v1/project/{PROJECT}/service")
    c.close()
    left = len((services or {}).get("services") or [])
    if left:
        raise RuntimeError(f"{left} services left on Aiven after all {n} resources were deleted")
    return {
        "delete_seconds": elapsed,
        "delete_operator_cpu_seconds": cpu,
        "delete_aiven_by_route": dict(aiven),
        "delete_kube_writes_by_route": dict(kube_writes),
        "delete_aiven_per_resource": sum(aiven.values()) / n,
        "delete_kube_writes_per_resource": sum(kube_writes.values()) / n,
    }


# ---------------------------------------------------------------- phase 2: the floor


def per_resource_plan(by_route: Counter, n: int) -> list[list[str]]:
    """Splits route counts over n resources: plan[i] is the list of routes resource i gets."""
    plan: list[list[str]] = [[] for _ in range(n)]
    for route, count in sorted(by_route.items()):
        base, extra = divmod(count, n)
        for i in range(n):
            plan[i].extend([route] * (base + (1 if i < extra else 0)))
    return plan


KUBE_CREATE = "POST /apis/{group}/{version}/namespaces/{namespace}/{resource}"
KUBE_PATCH = "PATCH /apis/{group}/{version}/namespaces/{namespace}/{resource}/{name}"
KUBE_STATUS = "PUT /apis/{group}/{version}/namespaces/{namespace}/{resource}/{name}/status"
KUBE_EVENT = "POST /api/{version}/namespaces/{namespace}/{resource}"
KUBE_DELETE = "DELETE /apis/{group}/{version}/namespaces/{namespace}/{resource}/{name}"
AIVEN_GET = "GET /v1/project/{project}/service/{service_name}"
AIVEN_CREATE = "POST /v1/project/{project}/service"
AIVEN_UPDATE = "PUT /v1/project/{project}/service/{service_name}"
AIVEN_TAGS = "PUT /v1/project/{project}/service/{service_name}/tags"

# The order the operator sends them in, per resource (a read before the create only when the
# operator made more than one read per resource: see run_floor_phase).
ORDER = [KUBE_CREATE, KUBE_PATCH, AIVEN_CREATE, AIVEN_GET, AIVEN_UPDATE, AIVEN_TAGS, KUBE_STATUS, KUBE_EVENT]


def run_floor_phase(binary: str, workdir: Path, n: int, result: dict, args) -> dict:
    servers = Servers(binary, workdir)
    try:
        kube_routes = Counter(result["kube_writes_by_route"])
        kube_routes[KUBE_CREATE] += n
        aiven_routes = Counter(result["aiven_by_route"])
        unknown = [r for r in list(kube_routes) + list(aiven_routes) if r not in ORDER]
        kube_plan = per_resource_plan(kube_routes, n)
        aiven_plan = per_resource_plan(aiven_routes, n)
        status_template = result["sample_status"] or {}

        def work(i, state):
            kube = state.setdefault("kube", kube_client(servers))
            aiven = state.setdefault("aiven", aiven_client(servers))
            name = f"bench-{i:05d}"
            obj = kafka_connect(i)
            routes = kube_plan[i] + aiven_plan[i]
            # The create first, then the reads (the operator creates without a read when nothing
            # of the resource can be on Aiven). Two reads or more: the first one before the create
            # (a 404), as an operator that reads first sends it.
            routes.sort(key=lambda r: ORDER.index(r) if r in ORDER else len(ORDER))
            if AIVEN_CREATE in routes and routes.count(AIVEN_GET) > 1:
                routes.remove(AIVEN_GET)
                routes.insert(routes.index(AIVEN_CREATE), AIVEN_GET)
            for route in routes:
                if route == KUBE_CREATE:
                    status, obj = kube.request("POST", KC_COLLECTION, obj)
                elif route == KUBE_PATCH:
                    patch = {"metadata": {"finalizers": ["controllers.aiven.io/finalizer"], "resourceVersion": obj["metadata"]["resourceVersion"]}}
                    status, obj = kube.request("PATCH", f"{KC_COLLECTION}/{name}", patch, "application/merge-patch+json")
                elif route == KUBE_STATUS:
                    obj["status"] = status_template
                    status, obj = kube.request("PUT", f"{KC_COLLECTION}/{name}/status", obj)
                elif route == KUBE_EVENT:
                    event = {
                        "apiVersion": "v1", "kind": "Event",
                        "metadata": {"name": f"{name}.{time.time_ns():x}"},  # as the operator's recorder names them
                        "involvedObject": {"apiVersion": "aiven.io/v1alpha1", "kind": "KafkaConnect", "name": name,
                                           "namespace": NAMESPACE, "uid": obj["metadata"]["uid"]},
                        "reason": "Created", "message": f"Created Aiven service {PROJECT}/{name} (plan business-4)",
                        "type": "Normal", "source": {"component": "aiven-operator"}, "count": 1,
                    }
                    status, _ = kube.request("POST", f"/api/v1/namespaces/{NAMESPACE}/events", event)
                elif route == AIVEN_GET:
                    status, _ = aiven.request("GET", f"/v1/project/{PROJECT}/service/{name}")
                elif route == AIVEN_CREATE:
                    status, _ = aiven.request("POST", f"/v1/project/{PROJECT}/service", {
                        "service_name": name, "service_type": "kafka_connect", "plan": "business-4",
                        "cloud": "google-europe-west1", "tags": {"env": "bench"},
                        "user_config": {"kafka_connect": {"consumer_isolation_level": "read_committed"}},
                    })
                elif route == AIVEN_UPDATE:
                    status, _ = aiven.request("PUT", f"/v1/project/{PROJECT}/service/{name}", {"plan": "business-4"})
                elif route == AIVEN_TAGS:
                    status, _ = aiven.request("PUT", f"/v1/project/{PROJECT}/service/{name}/tags", {"tags": {"env": "bench"}})
                else:  # a route this harness does not know: a cheap read on the same server
                    target = kube if route.split(" ", 1)[1].startswith("/api") else aiven
                    status, _ = target.request("GET", "/version" if target is kube else f"/v1/project/{PROJECT}/service/{name}")
                if status >= 500 or (status >= 400 and route not in (AIVEN_GET,)):
                    raise RuntimeError(f"floor {route} for {name}: {status}")

        total = sum(kube_routes.values()) + sum(aiven_routes.values())
        cpu0 = time.process_time()
        start = time.monotonic()
        parallel(n, args.concurrency, work)
        elapsed = time.monotonic() - start
        return {
            "floor_seconds": elapsed, "floor_requests": total, "floor_unknown_routes": unknown,
            # The client's own CPU: near `floor_seconds` means the Python client, not the servers,
            # set the floor (then the ratio flatters the operator).
            "floor_client_cpu_seconds": time.process_time() - cpu0,
            "floor_server_cpu_seconds": servers.kube.cpu_seconds() + servers.emulator.cpu_seconds(),
        }
    finally:
        servers.stop()


# ---------------------------------------------------------------- idle cost per kind

IDLE_ROUTES = {
    # Which kind an idle pass's Aiven request is for, by route.
    "Kafka (a service)": ("GET /v1/project/{project}/service/{service_name}",),
    "KafkaTopic": ("GET /v1/project/{project}/service/{service_name}/topic/{topic_name}",),
    "KafkaConnector": ("GET /v1/project/{project}/service/{service_name}/connectors",
                       "GET /v1/project/{project}/service/{service_name}/connectors/{connector_name}/status"),
}
# The operator's defaults (`aiven-operator run --help`): what a user gets per hour.
DEFAULT_RESYNC, DEFAULT_CONNECTOR_INTERVAL = 600.0, 60.0


def run_idle_phase(binary: str, workdir: Path, args) -> dict:
    """Aiven requests per resource per hour while idle, per kind: one Kafka service (with Kafka
    Connect), M topics and M connectors on it, all Ready; then the Aiven requests of one idle
    interval (short intervals, so the phase is quick) by route, per resource and pass, scaled to
    the operator's defaults (resync 600 s; connectors' status every 60 s)."""
    m, interval = args.idle_count, args.idle_interval
    servers = Servers(binary, workdir)
    op = None
    try:
        run_args = argparse.Namespace(**{**vars(args), "resync_interval": interval,
                                         "operator_arg": [*args.operator_arg, f"--connector-status-interval={interval}"]})
        op = start_operator(binary, servers, workdir, run_args)
        kube = kube_client(servers)
        base = f"{GROUP_PATH}/namespaces/{NAMESPACE}"
        spec = {"project": PROJECT}

        def post(plural: str, name: str, more: dict):
            status, body = kube.request("POST", f"{base}/{plural}", {
                "apiVersion": "aiven.io/v1alpha1", "kind": more.pop("kind"), "metadata": {"name": name, "namespace": NAMESPACE},
                "spec": {**spec, **more}})
            if status != 201:
                raise RuntimeError(f"idle phase: create {plural}/{name}: {status} {body}")

        post("kafkas", "bench-kafka", {"kind": "Kafka", "cloudName": "google-europe-west1", "plan": "business-4",
                                       "userConfig": {"kafka_connect": True}})
        for i in range(m):
            post("kafkatopics", f"topic-{i:03d}", {"kind": "KafkaTopic", "serviceName": "bench-kafka", "replication": 2, "partitions": 1})
            post("kafkaconnectors", f"sink-{i:03d}", {
                "kind": "KafkaConnector", "serviceName": "bench-kafka", "connectorClass": "io.aiven.connect.jdbc.JdbcSinkConnector",
                "userConfig": {"topics": f"topic-{i:03d}", "connection.url": "jdbc:postgresql://pg.internal:5432/defaultdb"}})

        def all_ready() -> bool:
            for plural, want in (("kafkas", 1), ("kafkatopics", m), ("kafkaconnectors", m)):
                _, listing = kube.request("GET", f"{base}/{plural}")
                items = (listing or {}).get("items") or []
                ready = [o for o in items if any(c.get("type") == "Ready" and c.get("status") == "True"
                                                 for c in (o.get("status") or {}).get("conditions") or [])]
                if len(ready) < want:
                    return False
            return True

        deadline = time.monotonic() + max(120.0, interval * 3)
        while not all_ready():
            if time.monotonic() > deadline:
                raise RuntimeError(f"idle phase: not all Ready after {deadline}s; see {workdir}")
            time.sleep(1)
        kube.close()
        # Past the passes that made them Ready, then two whole intervals (+10 % jitter).
        time.sleep(interval * 0.5)
        kube0, aiven0 = request_counts(servers)
        window = interval * 2
        time.sleep(window)
        kube1, aiven1 = request_counts(servers)
        aiven = diff(aiven1, aiven0)
        counts = {"Kafka (a service)": 1, "KafkaTopic": m, "KafkaConnector": m}
        per_kind = {}
        for kind, routes in IDLE_ROUTES.items():
            requests = sum(aiven[r] for r in routes)
            per_pass = requests / counts[kind] / (window / interval)
            default = DEFAULT_CONNECTOR_INTERVAL if kind == "KafkaConnector" else DEFAULT_RESYNC
            per_kind[kind] = {"requests_per_resource_per_pass": per_pass, "default_interval_seconds": default,
                              "requests_per_resource_per_hour_at_defaults": per_pass * 3600 / default}
        return {"idle_interval_seconds": interval, "idle_window_seconds": window, "idle_count": m,
                "idle_aiven_by_route": dict(aiven), "idle_kube_writes": sum(writes(diff(kube1, kube0)).values()),
                "idle_per_kind": per_kind}
    finally:
        servers.stop()


def idle_table(idle: dict) -> str:
    out = ["| kind | Aiven requests / resource / idle pass | default interval, s | requests / resource / hour at the defaults |",
           "|---|---:|---:|---:|"]
    for kind, row in idle["idle_per_kind"].items():
        out.append(f"| {kind} | {row['requests_per_resource_per_pass']:.2f} | {row['default_interval_seconds']:.0f} | "
                   f"{row['requests_per_resource_per_hour_at_defaults']:.1f} |")
    out.append("")
    out.append(f"Measured with {idle['idle_count']} topics and {idle['idle_count']} connectors on one Kafka service, every interval "
               f"{idle['idle_interval_seconds']:.0f} s, over {idle['idle_window_seconds']:.0f} s; Kubernetes writes meanwhile: "
               f"{idle['idle_kube_writes']}.")
    return "\n".join(out)


# ---------------------------------------------------------------- main


def machine() -> dict:
    mem_kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
    cpu = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu.group(1).strip() if cpu else platform.processor(),
        "memory_gb": round(mem_kb / 1024 / 1024, 1),
        "loadavg_at_start": os.getloadavg(),
        "kernel": platform.release(),
    }


RELEASE_BUILD = ["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "aiven-operator",
                 "--scratch-path", str(ROOT / ".build-release")]  # as .ci/run builds the release binary


def default_resync(n: int) -> float:
    """Longer than converging takes, so the idle resync is measured apart from convergence."""
    return 20 if n <= 100 else 40 if n <= 1000 else 180


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--count", type=int, action="append", help="number of resources (repeatable; default 1000)")
    p.add_argument("--concurrency", type=int, default=4, help="--max-concurrent-reconciles, and the floor client's threads")
    p.add_argument("--resync-interval", type=float, default=None, help="seconds (default: 20 for N<=100, 40 for N<=1000, else 180)")
    p.add_argument("--create-threads", type=int, default=4, help="threads POSTing the resources")
    p.add_argument("--timeout", type=float, default=None, help="seconds to wait for convergence (default: max(300, N/50))")
    p.add_argument("--settle", type=float, default=6, help="seconds after Ready counted as settling (> the 5 s poll interval)")
    p.add_argument("--no-restart", action="store_true", help="skip the restart phase (saves one resync interval)")
    p.add_argument("--no-floor", action="store_true", help="skip the raw-request floor phase")
    p.add_argument("--no-delete", action="store_true", help="skip the delete phase (all N deleted at the end of the operator phase)")
    p.add_argument("--idle", action="store_true", help="also measure the idle cost per kind (Aiven requests per resource per hour)")
    p.add_argument("--idle-count", type=int, default=20, help="topics and connectors in the idle phase")
    p.add_argument("--idle-interval", type=float, default=20, help="resync and connector status interval in the idle phase, s")
    p.add_argument("--log-level", default="warning", help="operator log level")
    p.add_argument("--operator-arg", action="append", default=[], metavar="ARG",
                   help="one more `aiven-operator run` argument (repeatable), e.g. --operator-arg=--no-reference-annotations")
    p.add_argument("--binary", help="aiven-operator binary (default: build release into .build-release and use it)")
    p.add_argument("--no-build", action="store_true", help="do not run swift build first")
    p.add_argument("--workdir", help="keep logs and state here (default: a temporary directory)")
    p.add_argument("--json", help="also write the results to this file")
    p.add_argument("--perf", metavar="DIR", help="perf record -g the three processes while converging, into DIR/*.data")
    args = p.parse_args()
    counts = args.count if args.count is not None else ([] if args.idle else [1000])

    binary = args.binary
    if not binary:
        if not args.no_build:
            subprocess.run(RELEASE_BUILD, cwd=ROOT, check=True)
        binary = subprocess.run(RELEASE_BUILD + ["--show-bin-path"], cwd=ROOT, check=True,
                                capture_output=True, text=True).stdout.strip() + "/aiven-operator"
    workroot = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="aiven-bench-"))
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    info = {"machine": machine(), "commit": commit, "concurrency": args.concurrency, "results": []}
    print(f"machine: {info['machine']}, commit {commit}", flush=True)
    for n in counts:
        resync = args.resync_interval or default_resync(n)
        timeout = args.timeout or max(300.0, n / 50)
        run_args = argparse.Namespace(**{**vars(args), "resync_interval": resync, "timeout": timeout})
        load_start = os.getloadavg()
        wall = time.monotonic()
        print(f"N={n}: operator phase (resync {resync:.0f}s) …", flush=True)
        result = run_operator_phase(binary, workroot / f"n{n}-operator", n, run_args)
        result["load_during_operator"] = os.getloadavg()[0]
        print(json.dumps({k: v for k, v in result.items() if k != "sample_status"}, indent=2), flush=True)
        if not args.no_floor:
            print(f"N={n}: floor phase …", flush=True)
            result.update(run_floor_phase(binary, workroot / f"n{n}-floor", n, result, run_args))
            result["ratio"] = result["converge_seconds"] / result["floor_seconds"]
        result["resync_interval"] = resync
        result["loadavg_at_start"] = load_start
        result["loadavg_at_end"] = os.getloadavg()
        result["bench_wall_seconds"] = time.monotonic() - wall
        result.pop("sample_status", None)
        info["results"].append(result)
        print(json.dumps(result, indent=2), flush=True)
    if args.idle:
        print("idle phase: cost per kind …", flush=True)
        info["idle"] = run_idle_phase(binary, workroot / "idle", args)
        print(json.dumps(info["idle"], indent=2), flush=True)
    print()
    if info["results"]:
        print(table(info))
    if args.idle:
        print()
        print(idle_table(info["idle"]))
    if args.json:
        Path(args.json).write_text(json.dumps(info, indent=2) + "\n")
    if not args.workdir:
        shutil.rmtree(workroot, ignore_errors=True)


def table(info: dict) -> str:
    """The results as a markdown table, ready to paste into bench/README.md."""
    big = any(r["n"] >= 10000 for r in info["results"])
    rows = [
        ("Ready (all N), s", "converge_seconds", "{:.2f}", "< 10 (N=1000), < 120 (N=10000)"),
        ("  of which creating the N objects, s", "create_seconds", "{:.2f}", ""),
        ("Raw-request floor, s", "floor_seconds", "{:.2f}", ""),
        ("  floor client CPU / server CPU, s", None, "{:.2f} / {:.2f}", ""),
        ("Converge / floor", "ratio", "{:.2f}", "<= 1.5"),
        ("Operator peak RSS (VmHWM), MB", "peak_rss_mb", "{:.1f}", "< 150 (N=10000)"),
        ("Operator CPU while converging, s", "operator_cpu_seconds", "{:.2f}", ""),
        ("Aiven requests / resource until all Ready", "aiven_per_resource", "{:.2f}", "<= 3"),
        ("Kubernetes writes / resource until all Ready", "kube_writes_per_resource", "{:.2f}", "<= 3"),
        ("  of which to the KafkaConnect (finalizer, status, reference annotations), not Events", "kube_object_writes_per_resource", "{:.2f}", ""),
        ("Aiven requests / resource incl. the 6 s after Ready", "aiven_per_resource_until_idle", "{:.2f}", ""),
        ("Kubernetes writes / resource incl. the 6 s after Ready", "kube_writes_per_resource_until_idle", "{:.2f}", ""),
        ("Writes in one idle resync (all N)", "resync_kube_writes", "{}", "0"),
        ("Aiven requests in that resync", "resync_aiven_requests", "{}", ""),
        ("Restart: operator start to /readyz, s", "restart_ready_seconds", "{:.2f}", ""),
        ("Restart: Kubernetes writes", "restart_kube_writes", "{}", "0"),
        ("Restart: Aiven GETs in the first 5 s", "restart_aiven_gets_first_5s", "{}", "no burst of N"),
        ("Restart: Aiven GETs in the busiest 5 s (uniform spread)", None, "{} ({:.0f})", ""),
        ("Restart: Aiven GETs per fifth of the resync interval", "restart_aiven_gets_by_fifth_of_interval", "{}", "even"),
        ("Restart: all N re-read after, s (resync interval)", None, "{} ({:.0f})", ""),
        ("Delete all N: until every object is gone, s", "delete_seconds", "{:.2f}", "< 12 (N=10000)"),
        ("  operator CPU while deleting, s", "delete_operator_cpu_seconds", "{:.2f}", ""),
        ("  Aiven requests / resource", "delete_aiven_per_resource", "{:.2f}", "<= 2"),
        ("  Kubernetes writes / resource (the harness's DELETE not counted)", "delete_kube_writes_per_resource", "{:.2f}", ""),
        ("Resync interval, s", "resync_interval", "{:.0f}", ""),
        ("Load average (1 min) at start / after operator phase", None, "{:.1f} / {:.1f}", ""),
    ]
    results = info["results"]
    out = ["| | " + " | ".join(f"N = {r['n']}" for r in results) + " | target |",
           "|---|" + "---:|" * len(results) + "---|"]
    for label, key, fmt, target in rows:
        values = []
        for r in results:
            if label.startswith("  floor client"):
                values.append(fmt.format(r.get("floor_client_cpu_seconds", 0), r.get("floor_server_cpu_seconds", 0)))
            elif label.startswith("Restart: Aiven GETs in the busiest"):
                values.append(fmt.format(r.get("restart_aiven_gets_busiest_5s", "–"), r.get("restart_aiven_gets_uniform_5s", 0)))
            elif label.startswith("Restart: all N"):
                t = r.get("restart_all_read_seconds")
                values.append(fmt.format("–" if t is None else f"{t:.0f}", r["resync_interval"]))
            elif label.startswith("Load average"):
                values.append(fmt.format(r["loadavg_at_start"][0], r.get("load_during_operator", 0)))
            elif key not in r:
                values.append("–")
            elif isinstance(r[key], list):
                values.append(" / ".join(str(v) for v in r[key]))
            else:
                values.append(fmt.format(r[key]))
        out.append(f"| {label} | " + " | ".join(values) + f" | {target} |")
    m = info["machine"]
    out.append("")
    out.append(f"Commit {info.get('commit', '?')}, {m['nproc']} cores ({m['cpu']}), {m['memory_gb']} GB, "
               f"load average at start {m['loadavg_at_start'][0]:.1f}; release build, --state-dir and --state-file.")
    return "\n".join(out)


if __name__ == "__main__":
    sys.exit(main())
