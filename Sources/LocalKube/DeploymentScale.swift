import KubeAPI

/// The `scale` subresource of a Deployment: an `autoscaling/v1` Scale whose `spec.replicas` is
/// the Deployment's, as `kubectl scale` and autoscalers read and write it.
enum DeploymentScale {
    /// The Scale of `deployment`: its identity, desired replicas (1 when unset), and the
    /// replicas its status counts with the selector that finds its pods.
    static func scale(of deployment: JSONValue) -> JSONValue {
        var metadata: [String: JSONValue] = [:]
        for field in ["name", "namespace", "uid", "resourceVersion", "creationTimestamp"] {
            metadata[field] = deployment[path: ["metadata", field]]
        }
        return [
            "kind": "Scale", "apiVersion": "autoscaling/v1", "metadata": .object(metadata),
            "spec": ["replicas": deployment[path: ["spec", "replicas"]] ?? 1],
            "status": [
                "replicas": deployment[path: ["status", "replicas"]] ?? 0,
                "selector": .string(selector(deployment[path: ["spec", "selector"]])),
            ],
        ]
    }

    /// `deployment` with the replicas `scale` asks for; kube-apiserver's 422 when they are
    /// missing or negative.
    static func scaled(_ deployment: JSONValue, to scale: JSONValue, name: String) throws(APIError) -> JSONValue {
        let replicas = scale[path: ["spec", "replicas"]]
        guard let count = replicas?.integerValue, count >= 0 else {
            let problem: FieldError = replicas == nil
                ? .required(FieldPath("spec", "replicas"))
                : .invalid(FieldPath("spec", "replicas"), replicas ?? .null, "must be greater than or equal to 0")
            throw APIError(Status.invalid(kind: "Scale", group: "autoscaling", name: name, errors: [problem]))
        }
        var object = deployment
        object["spec"]?["replicas"] = .integer(count)
        return object
    }

    /// A label selector in its string form (`app=web,tier in (a,b)`), keys in order, as
    /// `metav1.LabelSelectorAsSelector` prints it.
    static func selector(_ selector: JSONValue?) -> String {
        var requirements: [(key: String, text: String)] = (selector?["matchLabels"]?.objectValue ?? [:]).map { key, value in
            (key, "\(key)=\(value.stringValue ?? "")")
        }
        for expression in selector?["matchExpressions"]?.arrayValue ?? [] {
            let key = expression["key"]?.stringValue ?? ""
            let values = (expression["values"]?.arrayValue ?? []).compactMap(\.stringValue).sorted().joined(separator: ",")
            switch expression["operator"]?.stringValue {
            case "In": requirements.append((key, "\(key) in (\(values))"))
            case "NotIn": requirements.append((key, "\(key) notin (\(values))"))
            case "Exists": requirements.append((key, key))
            case "DoesNotExist": requirements.append((key, "!\(key)"))
            default: continue
            }
        }
        return requirements.sorted { $0.key < $1.key }.map(\.text).joined(separator: ",")
    }
}
