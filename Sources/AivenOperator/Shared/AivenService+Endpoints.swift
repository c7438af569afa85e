import AivenClient

extension AivenService {
    /// `<prefix><NAME>_HOST` and `<prefix><NAME>_PORT` of the service's primary, dynamic endpoint
    /// of each component in `names`: `SASL` (the SASL listener of Kafka), `SCHEMA_REGISTRY`,
    /// `CONNECT` and `REST`.
    func endpointKeys(prefix: String, _ names: Set<String>) -> [String: String] {
        var keys: [String: String] = [:]
        for component in components ?? [] where component.usage ?? "primary" == "primary" && component.route ?? "dynamic" == "dynamic" {
            let name: String? = switch component.component {
            case "kafka" where component.kafkaAuthenticationMethod == "sasl": "SASL"
            case "schema_registry": "SCHEMA_REGISTRY"
            case "kafka_connect": "CONNECT"
            case "kafka_rest": "REST"
            default: nil
            }
            guard let name, names.contains(name) else { continue }
            keys["\(prefix)\(name)_HOST"] = component.host
            keys["\(prefix)\(name)_PORT"] = String(component.port)
        }
        return keys
    }
}
