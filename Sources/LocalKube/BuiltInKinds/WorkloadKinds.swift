import KubeAPI

/// ServiceAccount, ConfigMap, Service and Deployment: stored and validated, never run (no
/// tokens Secrets, no endpoints, no pods; a Deployment's `status` stays empty).
extension BuiltInKind {
    static let serviceAccount = BuiltInKind(
        fields: ["apiVersion", "kind", "metadata", "secrets", "imagePullSecrets", "automountServiceAccountToken"],
        columns: [column("Secrets") { .integer(Int64($0["secrets"]?.arrayValue?.count ?? 0)) }]
    )

    static let configMap = BuiltInKind(
        fields: ["apiVersion", "kind", "metadata", "data", "binaryData", "immutable"],
        columns: [column("Data") { .integer(Int64(($0["data"]?.objectValue?.count ?? 0) + ($0["binaryData"]?.objectValue?.count ?? 0))) }],
        validate: { object, old in
            var errors: [FieldError] = []
            for (key, value) in (object["data"]?.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) {
                if key.isEmpty || !key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-._".contains($0)) }) {
                    errors.append(.invalid(
                        FieldPath("data").key(key), .string(key),
                        "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"
                    ))
                }
                if value.stringValue == nil { errors.append(.invalid(FieldPath("data").key(key), value, "must be a string")) }
            }
            if old?["immutable"]?.boolValue == true, old?["data"] != object["data"] || old?["binaryData"] != object["binaryData"] {
                errors.append(.forbidden(FieldPath("data"), "field is immutable when `immutable` is set"))
            }
            return errors
        }
    )

    static let service = BuiltInKind(
        fields: ["apiVersion", "kind", "metadata", "spec", "status"],
        columns: [
            column("Type", path: ["spec", "type"]),
            column("Cluster-IP", path: ["spec", "clusterIP"]),
            column("External-IP") { _ in "<none>" },
            column("Port(s)") { object in
                let ports = (object[path: ["spec", "ports"]]?.arrayValue ?? []).map { port in
                    "\(port["port"]?.integerValue ?? 0)/\(port["protocol"]?.stringValue ?? "TCP")"
                }
                return .string(ports.isEmpty ? "<none>" : ports.joined(separator: ","))
            },
        ],
        validate: { object, old in
            var errors: [FieldError] = []
            var spec = object["spec"]?.objectValue ?? [:]
            let type = spec["type"]?.stringValue ?? "ClusterIP"
            spec["type"] = .string(type)
            if !["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"].contains(type) {
                errors.append(.notSupported(FieldPath("spec", "type"), .string(type), supported: ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"]))
            }
            var ports = spec["ports"]?.arrayValue ?? []
            if ports.isEmpty, type != "ExternalName", spec["clusterIP"]?.stringValue != "None" {
                errors.append(.required(FieldPath("spec", "ports")))
            }
            for index in ports.indices {
                let path = FieldPath("spec", "ports").index(index)
                let number = ports[index]["port"]?.integerValue ?? 0
                if !(1...65535).contains(number) {
                    errors.append(.invalid(path.child("port"), .integer(number), "must be between 1 and 65535, inclusive"))
                }
                if ports.count > 1, (ports[index]["name"]?.stringValue ?? "").isEmpty { errors.append(.required(path.child("name"))) }
                let proto = ports[index]["protocol"]?.stringValue ?? "TCP"
                if !["TCP", "UDP", "SCTP"].contains(proto) {
                    errors.append(.notSupported(path.child("protocol"), .string(proto), supported: ["SCTP", "TCP", "UDP"]))
                }
                ports[index]["protocol"] = .string(proto)
                if ports[index]["targetPort"] == nil { ports[index]["targetPort"] = .integer(number) }
            }
            if !ports.isEmpty { spec["ports"] = .array(ports) }
            if let previous = old?[path: ["spec", "clusterIP"]] {
                if let given = spec["clusterIP"], given != previous, given != .string("") {
                    errors.append(.invalid(FieldPath("spec", "clusterIP"), given, "field is immutable"))
                }
                spec["clusterIP"] = previous
            } else if spec["clusterIP"]?.stringValue == nil || spec["clusterIP"] == .string("") {
                spec["clusterIP"] = type == "ExternalName" ? nil : .string(ClusterIPAllocator.address(for: object))
            }
            if spec["sessionAffinity"] == nil { spec["sessionAffinity"] = "None" }
            object["spec"] = .object(spec)
            return errors
        }
    )

    static let deployment = BuiltInKind(
        fields: ["apiVersion", "kind", "metadata", "spec", "status"],
        columns: [
            column("Ready") { object in
                .string("\(object[path: ["status", "readyReplicas"]]?.integerValue ?? 0)/\(object[path: ["spec", "replicas"]]?.integerValue ?? 1)")
            },
            column("Up-to-date") { .integer($0[path: ["status", "updatedReplicas"]]?.integerValue ?? 0) },
            column("Available") { .integer($0[path: ["status", "availableReplicas"]]?.integerValue ?? 0) },
        ],
        validate: { object, old in DeploymentValidation.validate(&object, old: old) }
    )
}

/// ClusterIPs from 10.96.0.0/12 as a real cluster hands them out; derived from the object's uid
/// so a restart never changes them.
enum ClusterIPAllocator {
    static func address(for object: JSONValue) -> String {
        var hash: UInt32 = 2_166_136_261
        for byte in (object[path: ["metadata", "uid"]]?.stringValue ?? "").utf8 {
            hash = (hash ^ UInt32(byte)) &* 16_777_619
        }
        let offset = hash % (1 << 20 - 2) + 1
        return "10.\(96 + (offset >> 16))" + ".\((offset >> 8) & 0xFF).\(offset & 0xFF)"
    }
}
