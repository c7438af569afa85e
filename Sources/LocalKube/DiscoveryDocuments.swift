import KubeAPI

/// The legacy (non-aggregated) discovery documents: `/version`, `/api`, `/apis`, `/api/v1` and
/// `/apis/{group}/{version}`. Served as plain `application/json`, which client-go accepts in place
/// of aggregated discovery.
enum DiscoveryDocuments {
    /// `/version`: minor 31, so kubectl's dispatcher picks a 1.31 binary.
    static let version: JSONValue = [
        "major": "1", "minor": "31", "gitVersion": "v1.31.0-localkube", "gitCommit": "0000000000000000000000000000000000000000",
        "gitTreeState": "clean", "buildDate": "2026-01-01T00:00:00Z", "goVersion": "go1.22.0", "compiler": "gc", "platform": "linux/amd64",
    ]

    static func coreVersions(serverAddress: String) -> JSONValue {
        [
            "kind": "APIVersions", "versions": ["v1"],
            "serverAddressByClientCIDRs": [["clientCIDR": "0.0.0.0/0", "serverAddress": .string(serverAddress)]],
        ]
    }

    static func groups(_ resources: [ServedResource]) -> JSONValue {
        var order: [String] = []
        var versions: [String: [String]] = [:]
        for resource in resources where !resource.group.isEmpty {
            if versions[resource.group] == nil { order.append(resource.group) }
            if !(versions[resource.group]?.contains(resource.version) ?? false) { versions[resource.group, default: []].append(resource.version) }
        }
        return [
            "kind": "APIGroupList", "apiVersion": "v1",
            "groups": .array(order.map { group in
                let entries = versions[group]!.map { version -> JSONValue in ["groupVersion": .string("\(group)/\(version)"), "version": .string(version)] }
                return ["name": .string(group), "versions": .array(entries), "preferredVersion": entries[0]]
            }),
        ]
    }

    /// `/api/v1` or `/apis/{group}/{version}`, or `nil` when nothing is served there.
    static func resourceList(_ resources: [ServedResource], group: String, version: String) -> JSONValue? {
        let served = resources.filter { $0.group == group && $0.version == version }
        guard !served.isEmpty else { return nil }
        var entries: [JSONValue] = []
        for resource in served {
            var entry: [String: JSONValue] = [
                "name": .string(resource.plural), "singularName": .string(resource.singular), "namespaced": .bool(resource.namespaced),
                "kind": .string(resource.kind),
                "verbs": .array(resource.verbs.map(JSONValue.string)),
            ]
            if !resource.shortNames.isEmpty { entry["shortNames"] = .array(resource.shortNames.map(JSONValue.string)) }
            if !resource.categories.isEmpty { entry["categories"] = .array(resource.categories.map(JSONValue.string)) }
            entries.append(.object(entry))
            if resource.statusSubresource {
                entries.append([
                    "name": .string("\(resource.plural)/status"), "singularName": "", "namespaced": .bool(resource.namespaced),
                    "kind": .string(resource.kind), "verbs": ["get", "patch", "update"],
                ])
            }
            if resource.scaleSubresource {
                entries.append([
                    "name": .string("\(resource.plural)/scale"), "singularName": "", "namespaced": .bool(resource.namespaced),
                    "group": "autoscaling", "version": "v1", "kind": "Scale", "verbs": ["get", "patch", "update"],
                ])
            }
            for subresource in resource.createSubresources {
                entries.append([
                    "name": .string("\(resource.plural)/\(subresource.name)"), "singularName": "", "namespaced": .bool(resource.namespaced),
                    "group": .string(subresource.group), "version": .string(subresource.version), "kind": .string(subresource.kind), "verbs": ["create"],
                ])
            }
        }
        return [
            "kind": "APIResourceList", "apiVersion": "v1",
            "groupVersion": .string(group.isEmpty ? version : "\(group)/\(version)"), "resources": .array(entries),
        ]
    }
}
