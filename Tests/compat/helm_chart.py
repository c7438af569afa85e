"""Helm's own engine (PyPI helm-python-sdk, which embeds Helm's Go library) for the chart tests.

    python3 helm_chart.py lint CHART_DIR [VALUES_JSON]
        `helm lint --strict`: prints the findings, exits 1 on any warning or error.
    python3 helm_chart.py render CHART_DIR RELEASE NAMESPACE [VALUES_JSON]
        `helm template`: prints the rendered manifests (NOTES.txt excluded) as one YAML stream,
        templates in name order; exits 1 when rendering fails, with Helm's message.
    python3 helm_chart.py notes CHART_DIR RELEASE NAMESPACE [VALUES_JSON]
        The rendered NOTES.txt, as `helm install` prints it.
    python3 helm_chart.py release KUBECONFIG NAMESPACE RELEASE ACTION [ARGUMENTS]
        A release on the cluster of KUBECONFIG (release storage: Secrets, Helm's default):
        install CHART_DIR VALUES_JSON (`helm install --create-namespace`), upgrade CHART_DIR
        VALUES_JSON, rollback REVISION, uninstall, history. Prints the outcome as JSON: the
        release's revision and status (history: one per revision, oldest first).

render and notes take, last, `--kube-version V` and `--api-versions A,B` as `helm template` does:
the cluster the render is for (its version, and what its discovery serves beyond Helm's defaults).
"""
import json
import sys

import helm_python as helm
from helm_python import _native

WARNING = 2


def lint(chart, values):
    report = helm.lint(chart, values, strict=True, namespace="aiven-operator-system", kube_version="v1.31.0")
    for message in report["messages"]:
        print(f"[{message['severity']}] {message['path']}: {message['error']}")
    for error in report["errors"]:
        print(f"error: {error}")
    failed = report["errors"] or any(m["severity"] >= WARNING for m in report["messages"])
    return 1 if failed else 0


def rendered(chart, release, namespace, values, cluster):
    """`helm template`; Chart.render takes no capabilities, the library's render does."""
    options = {"name": release, "namespace": namespace, "is_install": True, **cluster}
    loaded = helm.Chart.load(chart)
    return json.loads(_native.call_string("helm_render", loaded._raw(), None if values is None else json.dumps(values), json.dumps(options)))


def render(chart, release, namespace, values, cluster):
    manifests = rendered(chart, release, namespace, values, cluster)
    for path in sorted(manifests):
        if path.endswith("NOTES.txt") or not manifests[path].strip():
            continue
        print(f"---\n# Source: {path}\n{manifests[path].strip()}")
    return 0


def notes(chart, release, namespace, values, cluster):
    manifests = rendered(chart, release, namespace, values, cluster)
    print(next((text for path, text in manifests.items() if path.endswith("NOTES.txt")), "").strip())
    return 0


def cluster_options(arguments):
    """Splits the trailing `--kube-version V` / `--api-versions A,B` off `arguments`."""
    cluster = {}
    while len(arguments) >= 2 and arguments[-2] in ("--kube-version", "--api-versions"):
        flag, value = arguments[-2:]
        arguments = arguments[:-2]
        cluster["kube_version" if flag == "--kube-version" else "api_versions"] = value if flag == "--kube-version" else value.split(",")
    return arguments, cluster


def release(kubeconfig, namespace, name, action, arguments):
    config = helm.Config(kubeconfig_path=kubeconfig, namespace=namespace)
    if action == "install":
        outcome = config.install(arguments[0], name, json.loads(arguments[1]), create_namespace=True, timeout=120)
    elif action == "upgrade":
        outcome = config.upgrade(arguments[0], name, json.loads(arguments[1]), timeout=120)
    elif action == "rollback":
        config.rollback(name, version=int(arguments[0]), timeout=120)
        outcome = config.status(name)
    elif action == "uninstall":
        outcome = config.uninstall(name, timeout=120)["release"]
    elif action == "history":
        print(json.dumps([{"revision": entry["revision"], "status": entry["status"]} for entry in config.history(name)]))
        return 0
    else:
        print(__doc__, file=sys.stderr)
        return 2
    print(json.dumps({"revision": outcome["revision"], "status": outcome["status"]}))
    return 0


def main(arguments):
    arguments, cluster = cluster_options(arguments)
    try:
        if arguments[0] == "lint":
            return lint(arguments[1], json.loads(arguments[2]) if len(arguments) > 2 else None)
        if arguments[0] in ("render", "notes"):
            values = json.loads(arguments[4]) if len(arguments) > 4 else None
            return (render if arguments[0] == "render" else notes)(arguments[1], arguments[2], arguments[3], values, cluster)
        if arguments[0] == "release":
            return release(arguments[1], arguments[2], arguments[3], arguments[4], arguments[5:])
    except helm.HelmError as error:
        print(error, file=sys.stderr)
        return 1
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
