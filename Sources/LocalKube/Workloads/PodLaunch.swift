import Foundation
import KubeAPI

/// What one replica of a Deployment runs, prepared from its pod template as a kubelet prepares a
/// container: the executable the image maps to, the arguments (`command` after its first word,
/// else the image's entrypoint arguments; then `args`; with `$(VAR)` references expanded), the environment (`env` with `valueFrom`
/// Secret, ConfigMap and field references, `envFrom`), the probes, the declared ports and the
/// termination grace period.
struct PodLaunch: Sendable {
    /// An HTTP probe with its schedule.
    struct ProbeRule: Sendable {
        var probe: HTTPProbe
        var initialDelay: Duration
        var period: Duration
        var failureThreshold: Int
    }

    /// Why a pod cannot start yet (kubelet: `CreateContainerConfigError`).
    struct ConfigError: Error, Sendable {
        var message: String
    }

    var executable: String
    var arguments: [String]
    var environment: [String: String]
    var serviceAccount: String
    var gracePeriod: Duration
    var readiness: ProbeRule?
    var liveness: ProbeRule?
    var ports: [Int]

    static let secrets = GroupResource(group: "", resource: "secrets")
    static let configMaps = GroupResource(group: "", resource: "configmaps")

    /// The container's ports, whether or not a pod would need them.
    static func ports(of container: JSONValue) -> [Int] {
        (container["ports"]?.arrayValue ?? []).compactMap { $0["containerPort"]?.integerValue.map(Int.init) }
    }

    static func resolve(
        template: JSONValue, container: JSONValue, entrypoint: [String], namespace: String, podName: String, store: ObjectStore
    ) async throws(ConfigError) -> PodLaunch {
        let podSpec = template["spec"] ?? [:]
        let serviceAccount = podSpec["serviceAccountName"]?.stringValue ?? podSpec["serviceAccount"]?.stringValue ?? "default"
        var environment: [String: String] = [:]
        for source in container["envFrom"]?.arrayValue ?? [] {
            let prefix = source["prefix"]?.stringValue ?? ""
            if let reference = source["secretRef"] {
                for (key, value) in try await data(Self.secrets, reference, namespace: namespace, store: store) { environment[prefix + key] = value }
            }
            if let reference = source["configMapRef"] {
                for (key, value) in try await data(Self.configMaps, reference, namespace: namespace, store: store) { environment[prefix + key] = value }
            }
        }
        for variable in container["env"]?.arrayValue ?? [] {
            guard let name = variable["name"]?.stringValue else { continue }
            if let value = variable["value"]?.stringValue {
                environment[name] = expand(value, environment)
            } else if let source = variable["valueFrom"] {
                if let value = try await value(from: source, namespace: namespace, podName: podName, serviceAccount: serviceAccount, template: template, store: store) {
                    environment[name] = value
                }
            } else {
                environment[name] = ""
            }
        }
        let command = container["command"]?.arrayValue.map { $0.compactMap(\.stringValue).dropFirst() } ?? entrypoint.dropFirst()
        let arguments = (command + (container["args"]?.arrayValue ?? []).compactMap(\.stringValue)).map { expand($0, environment) }
        let ports = Self.ports(of: container)
        func rule(_ probe: JSONValue?) -> ProbeRule? {
            guard let probe, let get = probe["httpGet"] else { return nil }
            let port: Int?
            if let number = get["port"]?.integerValue {
                port = Int(number)
            } else if let named = get["port"]?.stringValue {
                port = (container["ports"]?.arrayValue ?? []).first { $0["name"]?.stringValue == named }?["containerPort"]?.integerValue.map(Int.init) ?? Int(named)
            } else {
                port = nil
            }
            guard let port else { return nil }
            return ProbeRule(
                probe: HTTPProbe(port: port, path: get["path"]?.stringValue ?? "/", timeout: .seconds(probe["timeoutSeconds"]?.integerValue ?? 1)),
                initialDelay: .seconds(probe["initialDelaySeconds"]?.integerValue ?? 0),
                period: .seconds(max(probe["periodSeconds"]?.integerValue ?? 10, 1)),
                failureThreshold: Int(max(probe["failureThreshold"]?.integerValue ?? 3, 1))
            )
        }
        return PodLaunch(
            executable: entrypoint.first ?? "", arguments: Array(arguments), environment: environment, serviceAccount: serviceAccount,
            gracePeriod: .seconds(podSpec["terminationGracePeriodSeconds"]?.integerValue ?? 30),
            readiness: rule(container["readinessProbe"]), liveness: rule(container["livenessProbe"]), ports: ports
        )
    }

    /// `$(NAME)` replaced by a variable defined before it (`$$(NAME)` stays literal), as kubelet
    /// expands `env` values, `command` and `args`.
    static func expand(_ text: String, _ environment: [String: String]) -> String {
        var result = ""
        var rest = Substring(text)
        while let dollar = rest.firstIndex(of: "$") {
            result += rest[..<dollar]
            let after = rest[rest.index(after: dollar)...]
            if after.hasPrefix("$(") {
                result += "$("
                rest = after.dropFirst(2)
            } else if after.hasPrefix("("), let close = after.firstIndex(of: ")"), let value = environment[String(after[after.index(after: after.startIndex)..<close])] {
                result += value
                rest = after[after.index(after: close)...]
            } else {
                result += "$"
                rest = after
            }
        }
        return result + rest
    }

    private static func value(
        from source: JSONValue, namespace: String, podName: String, serviceAccount: String, template: JSONValue, store: ObjectStore
    ) async throws(ConfigError) -> String? {
        for (resource, field) in [(Self.secrets, "secretKeyRef"), (Self.configMaps, "configMapKeyRef")] {
            guard let reference = source[field] else { continue }
            let key = reference["key"]?.stringValue ?? ""
            let values = try await data(resource, reference, namespace: namespace, store: store)
            if let value = values[key] { return value }
            if reference["optional"]?.boolValue == true { return nil }
            let kind = resource == Self.secrets ? "Secret" : "ConfigMap"
            throw ConfigError(message: "couldn't find key \(key) in \(kind) \(namespace)/\(reference["name"]?.stringValue ?? "")")
        }
        guard let path = source[path: ["fieldRef", "fieldPath"]]?.stringValue else { return nil }
        switch path {
        case "metadata.name": return podName
        case "metadata.namespace": return namespace
        case "spec.serviceAccountName": return serviceAccount
        case "spec.nodeName": return "localkube"
        case "status.podIP", "status.hostIP": return "127.0.0.1"
        default:
            if path.hasPrefix("metadata.labels['"), path.hasSuffix("']") {
                return template[path: ["metadata", "labels", String(path.dropFirst("metadata.labels['".count).dropLast(2))]]?.stringValue ?? ""
            }
            if path.hasPrefix("metadata.annotations['"), path.hasSuffix("']") {
                return template[path: ["metadata", "annotations", String(path.dropFirst("metadata.annotations['".count).dropLast(2))]]?.stringValue ?? ""
            }
            return nil
        }
    }

    /// The string values of a Secret (decoded) or ConfigMap; empty for a missing optional one.
    private static func data(_ resource: GroupResource, _ reference: JSONValue, namespace: String, store: ObjectStore) async throws(ConfigError) -> [String: String] {
        let name = reference["name"]?.stringValue ?? ""
        guard let object = await store.object(resource, namespace: namespace, name: name) else {
            if reference["optional"]?.boolValue == true { return [:] }
            throw ConfigError(message: "\(resource == Self.secrets ? "secret" : "configmap") \(GoFormat.quote(name)) not found")
        }
        var values: [String: String] = [:]
        for (key, value) in object["data"]?.objectValue ?? [:] {
            guard let text = value.stringValue else { continue }
            if resource == Self.secrets {
                values[key] = Data(base64Encoded: text).map { String(decoding: $0, as: UTF8.self) } ?? ""
            } else {
                values[key] = text
            }
        }
        return values
    }
}
