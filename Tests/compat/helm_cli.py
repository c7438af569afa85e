"""`helm` as the README and docs/migrating.md use it, on Helm 4's own engine (PyPI helm-python-sdk,
which embeds Helm's Go library), so tests can run the documented commands as written.

    helm install RELEASE CHART [-n NS] [--create-namespace] [--set K=V]... [-f FILE]... [--timeout 5m]
    helm upgrade RELEASE CHART [--install] [-n NS] [--create-namespace] [--set K=V]... [-f FILE]...
                 [--reuse-values] [--timeout 5m]
    helm uninstall RELEASE [-n NS]
    helm list [-n NS | -A]

The cluster is $KUBECONFIG's. Any other command or flag is refused (exit 2), so a documented
command this engine would not run as written fails the test instead of being half-run.
"""
import argparse
import json
import sys

import helm_python as helm


def parser():
    top = argparse.ArgumentParser(prog="helm", exit_on_error=False)
    commands = top.add_subparsers(dest="command", required=True)
    for name in ("install", "upgrade"):
        command = commands.add_parser(name, exit_on_error=False)
        command.add_argument("release")
        command.add_argument("chart")
        command.add_argument("-n", "--namespace", default="default")
        command.add_argument("--create-namespace", action="store_true")
        command.add_argument("--set", action="append", default=[])
        command.add_argument("-f", "--values", action="append", default=[])
        command.add_argument("--timeout", default="5m")
        if name == "upgrade":
            command.add_argument("-i", "--install", action="store_true")
            command.add_argument("--reuse-values", action="store_true")
    uninstall = commands.add_parser("uninstall", exit_on_error=False)
    uninstall.add_argument("release")
    uninstall.add_argument("-n", "--namespace", default="default")
    listing = commands.add_parser("list", exit_on_error=False)
    listing.add_argument("-n", "--namespace", default="default")
    listing.add_argument("-A", "--all-namespaces", action="store_true")
    return top


def merged(base, extra):
    """Helm's merge of values: maps deeply, everything else replaced."""
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            merged(base[key], value)
        else:
            base[key] = value
    return base


def values_of(arguments):
    values = {}
    for path in arguments.values:
        with open(path, encoding="utf-8") as file:
            merged(values, helm.values_from_yaml(file.read()))
    for expression in arguments.set:
        merged(values, helm.parse_set_string(expression))
    return values


def seconds(duration):
    units = {"s": 1, "m": 60, "h": 3600}
    return int(duration[:-1]) * units[duration[-1]] if duration[-1] in units else int(duration)


def run(arguments):
    config = helm.Config(namespace=arguments.namespace)
    if arguments.command in ("install", "upgrade"):
        values = values_of(arguments)
        options = {"namespace": arguments.namespace, "timeout": seconds(arguments.timeout)}
        upgrade = arguments.command == "upgrade"
        exists = upgrade and any(r["name"] == arguments.release for r in config.list(all_states=True) or [])
        if upgrade and (exists or not arguments.install):
            release = config.upgrade(arguments.chart, arguments.release, values, reuse_values=arguments.reuse_values or None, **options)
        else:
            release = config.install(arguments.chart, arguments.release, values, create_namespace=arguments.create_namespace, **options)
        print(f"Release \"{arguments.release}\" has been {'upgraded' if exists else 'installed'}. Happy Helming!")
        print(f"NAME: {release['name']}\nNAMESPACE: {release['namespace']}\nSTATUS: {release['status']}\nREVISION: {release['revision']}")
    elif arguments.command == "uninstall":
        config.uninstall(arguments.release)
        print(f"release \"{arguments.release}\" uninstalled")
    else:
        releases = config.list(all_states=True, all_namespaces=arguments.all_namespaces) or []
        print("NAME\tNAMESPACE\tREVISION\tSTATUS\tCHART\tAPP VERSION")
        for release in releases:
            print(f"{release['name']}\t{release['namespace']}\t{release['revision']}\t{release['status']}\t{release['chart_name']}-{release['chart_version']}\t{release['app_version']}")
    return 0


def main(argv):
    try:
        arguments = parser().parse_args(argv)
    except (argparse.ArgumentError, SystemExit) as error:
        print(f"Error: helm {' '.join(argv)}: {error}", file=sys.stderr)
        return 2
    try:
        return run(arguments)
    except helm.HelmError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
