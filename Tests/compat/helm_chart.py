"""Helm's own engine (PyPI helm-python-sdk, which embeds Helm's Go library) for the chart tests.

    python3 helm_chart.py lint CHART_DIR [VALUES_JSON]
        `helm lint --strict`: prints the findings, exits 1 on any warning or error.
    python3 helm_chart.py render CHART_DIR RELEASE NAMESPACE [VALUES_JSON]
        `helm template`: prints the rendered manifests (NOTES.txt excluded) as one YAML stream,
        templates in name order; exits 1 when rendering fails, with Helm's message.
    python3 helm_chart.py notes CHART_DIR RELEASE NAMESPACE [VALUES_JSON]
        The rendered NOTES.txt, as `helm install` prints it.
"""
import json
import sys

import helm_python as helm

WARNING = 2


def lint(chart, values):
    report = helm.lint(chart, values, strict=True, namespace="aiven-operator-system", kube_version="v1.31.0")
    for message in report["messages"]:
        print(f"[{message['severity']}] {message['path']}: {message['error']}")
    for error in report["errors"]:
        print(f"error: {error}")
    failed = report["errors"] or any(m["severity"] >= WARNING for m in report["messages"])
    return 1 if failed else 0


def render(chart, release, namespace, values):
    manifests = helm.Chart.load(chart).render(values, name=release, namespace=namespace, is_install=True)
    for path in sorted(manifests):
        if path.endswith("NOTES.txt") or not manifests[path].strip():
            continue
        print(f"---\n# Source: {path}\n{manifests[path].strip()}")
    return 0


def notes(chart, release, namespace, values):
    manifests = helm.Chart.load(chart).render(values, name=release, namespace=namespace, is_install=True)
    print(next((text for path, text in manifests.items() if path.endswith("NOTES.txt")), "").strip())
    return 0


def main(arguments):
    try:
        if arguments[0] == "lint":
            return lint(arguments[1], json.loads(arguments[2]) if len(arguments) > 2 else None)
        if arguments[0] == "render":
            values = json.loads(arguments[4]) if len(arguments) > 4 else None
            return render(arguments[1], arguments[2], arguments[3], values)
        if arguments[0] == "notes":
            values = json.loads(arguments[4]) if len(arguments) > 4 else None
            return notes(arguments[1], arguments[2], arguments[3], values)
    except helm.HelmError as error:
        print(error, file=sys.stderr)
        return 1
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
