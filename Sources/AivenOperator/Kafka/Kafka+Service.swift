import AivenClient
import AivenResources
import KubeAPI

extension KafkaSpec: ServiceFields {}

/// `Kafka`: one Aiven for Apache Kafka service per resource.
public typealias KafkaKind = ServiceKind<Kafka>

extension Kafka: ConnectionSecretResource {
    public static let serviceType = "kafka"

    /// Unless `spec.connInfoSecretTargetDisabled`.
    public var publishesConnectionSecret: Bool { spec.connInfoSecretTargetDisabled != true }

    /// The connection Secret as the reference operator writes it: `connInfoSecretTarget.name`
    /// (default: the resource's name); `HOST`, `PORT`, `USERNAME`, `PASSWORD`, `ACCESS_CERT`,
    /// `ACCESS_KEY` and `CA_CERT` both with the prefix (default `KAFKA_`) and without (the
    /// reference keeps the bare names for older consumers), `URI` bare; and, prefixed, the
    /// endpoints of the SASL listener, schema registry, Kafka Connect and REST when the service
    /// has them. Host and port are `service_uri_params`; user and password `avnadmin`'s; the
    /// access certificate and key `connection_info`'s.
    public func connectionSecret(service: AivenService, projectCA: String) -> ConnectionSecret? {
        guard publishesConnectionSecret else { return nil }
        let target = spec.connInfoSecretTarget
        let prefix = target?.prefix ?? "KAFKA_"
        let user = service.users?.first { $0.username == "avnadmin" } ?? service.users?.first
        let connection = service.connectionInfo ?? [:]
        let common: [(String, String?)] = [
            ("HOST", service.serviceURIParams?["host"]),
            ("PORT", service.serviceURIParams?["port"]),
            ("USERNAME", user?.username),
            ("PASSWORD", user?.password),
            ("ACCESS_CERT", connection["kafka_access_cert"]?.stringValue ?? user?.accessCert),
            ("ACCESS_KEY", connection["kafka_access_key"]?.stringValue ?? user?.accessKey),
            ("CA_CERT", projectCA),
        ]
        var data: [String: String] = [:]
        for (key, value) in common {
            guard let value else { continue }
            data[prefix + key] = value
            data[key] = value
        }
        if let uri = service.serviceURI { data["URI"] = uri }
        data.merge(service.endpointKeys(prefix: prefix, ["SASL", "SCHEMA_REGISTRY", "CONNECT", "REST"])) { _, endpoint in endpoint }
        return ConnectionSecret(
            name: target?.name ?? metadata.name ?? "",
            data: data,
            labels: target?.labels ?? [:],
            annotations: target?.annotations ?? [:]
        )
    }
}
