#!/usr/bin/env python3
"""How fast `aiven-operator validate` reads and checks large manifests. Not a timed test: run by hand.

    python3 bench/validate.py                      # 1,000 and 10,000 documents (release build first)
    python3 bench/validate.py --count 10000 --no-build

Each case writes one file to a scratch directory, runs the release binary on it `--repeat` times and
prints the best wall time and the peak RSS (the children's ru_maxrss). Cases: N KafkaConnect
documents as multi-document YAML, the same as one JSON `List`, and hostile single documents
(a 40,000-element JSON array, a 3,000-level merge-key chain, a 50 MB flow sequence).
Standard library only.
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def kafka_connect(index):
    return {
        "apiVersion": "aiven.io/v1alpha1",
        "kind": "KafkaConnect",
        "metadata": {"name": f"kc-{index}", "namespace": "default", "labels": {"team": "data", "index": str(index)},
                     "annotations": {"example.com/owner": "platform"}},
        "spec": {
            "authSecretRef": {"name": "aiven-token", "key": "token"},
            "project": "my-project",
            "cloudName": "google-europe-west1",
            "plan": "business-4",
            "maintenanceWindowDow": "sunday",
            "maintenanceWindowTime": "03:00:00",
            "tags": {"env": "prod", "cost-center": "1234"},
            "userConfig": {"kafka_connect": {"consumer_max_poll_records": 500, "session_timeout_ms": 10000},
                           "ip_filter": [{"network": "10.0.0.0/8", "description": "internal"}]},
        },
    }


def yaml_document(value, indent=0):
    """A small YAML emitter for the manifest above (block style, strings quoted)."""
    pad = "  " * indent
    lines = []
    for key, item in value.items():
        if isinstance(item, dict):
            lines.append(f"{pad}{key}:")
            lines.append(yaml_document(item, indent + 1))
        elif isinstance(item, list):
            lines.append(f"{pad}{key}:")
            for element in item:
                body = yaml_document(element, indent + 2).lstrip()
                lines.append(f"{pad}  - {body}")
        else:
            lines.append(f"{pad}{key}: {json.dumps(item)}")
    return "\n".join(lines)


def cases(count):
    documents = [kafka_connect(i) for i in range(count)]
    yield f"{count} documents, YAML", ".yaml", "\n---\n".join(yaml_document(d) for d in documents) + "\n"
    yield f"{count} documents, JSON List", ".json", json.dumps({"apiVersion": "v1", "kind": "List", "items": documents})


def hostile():
    yield "40,000-element JSON array", ".json", "[" + ",".join(["1"] * 40_000) + "]"
    chain = "a0: &a0 {k0: v}\n" + "".join(f"a{i}: &a{i} {{<<: *a{i - 1}, k{i}: v}}\n" for i in range(1, 3000))
    yield "3,000-level merge-key chain", ".yaml", chain
    yield "50 MB flow sequence", ".yaml", "[" + "1," * 25_000_000 + "1]\n"


def run(binary, path, repeat):
    best = None
    for _ in range(repeat):
        started = time.monotonic()
        result = subprocess.run([binary, "validate", path], capture_output=True, text=True)
        elapsed = time.monotonic() - started
        best = elapsed if best is None else min(best, elapsed)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return best, peak_mb, result.returncode, (result.stderr or result.stdout).strip().splitlines()[-1:]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, action="append", help="documents per case (repeatable)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/aiven-operator"))
    args = parser.parse_args()
    if not args.no_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "aiven-operator"], cwd=ROOT, check=True)
    counts = args.count or [1000, 10000]
    with tempfile.TemporaryDirectory() as scratch:
        print(f"{'case':<34} {'exit':>4} {'best s':>8} {'peak RSS MB':>12}  last line")
        all_cases = [case for count in counts for case in cases(count)] + list(hostile())
        for name, extension, text in all_cases:
            path = os.path.join(scratch, "manifest" + extension)
            with open(path, "w") as handle:
                handle.write(text)
            # ru_maxrss of children is a high-water mark over all of them: run each case in a fresh
            # helper process so every figure is that case's own.
            measured = subprocess.run(
                [sys.executable, __file__, "--measure", args.binary, path, str(args.repeat)], capture_output=True, text=True
            )
            elapsed, peak, status, last = json.loads(measured.stdout)
            print(f"{name:<34} {status:>4} {elapsed:>8.3f} {peak:>12.1f}  {(last[0] if last else '')[:70]}")


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--measure":
        print(json.dumps(run(sys.argv[2], sys.argv[3], int(sys.argv[4]))))
    else:
        main()
