import KubeAPI

/// apps/v1 Deployment: the fields an operator install uses are validated as kube-apiserver does
/// (selector, template labels, containers, replicas) and the usual defaults are filled in.
enum DeploymentValidation {
    static func validate(_ object: inout JSONValue, old: JSONValue?) -> [FieldError] {
        var errors: [FieldError] = []
        var spec = object["spec"]?.objectValue ?? [:]
        let selector = spec["selector"]
        let matchLabels = selector?["matchLabels"]?.objectValue ?? [:]
        if selector == nil {
            errors.append(.required(FieldPath("spec", "selector")))
        } else if matchLabels.isEmpty, (selector?["matchExpressions"]?.arrayValue ?? []).isEmpty {
            errors.append(.invalid(FieldPath("spec", "selector"), selector ?? .null, "empty selector is invalid for deployment"))
        }
        let labels = spec["template"]?[path: ["metadata", "labels"]]?.objectValue ?? [:]
        if selector != nil, !matchLabels.allSatisfy({ labels[$0.key] == $0.value }) {
            errors.append(FieldError(
                .invalid, FieldPath("spec", "template", "metadata", "labels"), renderedValue: goMap(labels),
                detail: "`selector` does not match template `labels`"
            ))
        }
        if let replicas = spec["replicas"], (replicas.integerValue ?? -1) < 0 {
            errors.append(.invalid(FieldPath("spec", "replicas"), replicas, "must be greater than or equal to 0"))
        }
        let containers = spec["template"]?[path: ["spec", "containers"]]?.arrayValue ?? []
        let containersPath = FieldPath("spec", "template", "spec", "containers")
        if containers.isEmpty { errors.append(.required(containersPath)) }
        var names: Set<String> = []
        for (index, container) in containers.enumerated() {
            let path = containersPath.index(index)
            let name = container["name"]?.stringValue ?? ""
            if name.isEmpty {
                errors.append(.required(path.child("name")))
            } else if !names.insert(name).inserted {
                errors.append(FieldError(.duplicate, path.child("name"), renderedValue: GoFormat.quote(name), detail: ""))
            }
            if (container["image"]?.stringValue ?? "").isEmpty { errors.append(.required(path.child("image"))) }
            for (portIndex, port) in (container["ports"]?.arrayValue ?? []).enumerated() {
                let number = port["containerPort"]?.integerValue ?? 0
                if !(1...65535).contains(number) {
                    errors.append(.invalid(path.child("ports").index(portIndex).child("containerPort"), .integer(number), "must be between 1 and 65535, inclusive"))
                }
            }
        }
        if let old, let oldSelector = old[path: ["spec", "selector"]], selector != nil, oldSelector != selector {
            errors.append(.invalid(FieldPath("spec", "selector"), selector ?? .null, "field is immutable"))
        }
        if spec["replicas"] == nil { spec["replicas"] = 1 }
        if spec["revisionHistoryLimit"] == nil { spec["revisionHistoryLimit"] = 10 }
        if spec["progressDeadlineSeconds"] == nil { spec["progressDeadlineSeconds"] = 600 }
        if spec["strategy"] == nil {
            spec["strategy"] = ["type": "RollingUpdate", "rollingUpdate": ["maxUnavailable": "25%", "maxSurge": "25%"]]
        }
        object["spec"] = .object(spec)
        return errors
    }

    /// `map[string]string{"app":"x"}`, as Go prints a label map.
    private static func goMap(_ labels: [String: JSONValue]) -> String {
        let entries = labels.keys.sorted().map { "\(GoFormat.quote($0)):\(GoFormat.quote(labels[$0]?.stringValue ?? ""))" }
        return "map[string]string{\(entries.joined(separator: ", "))}"
    }
}
