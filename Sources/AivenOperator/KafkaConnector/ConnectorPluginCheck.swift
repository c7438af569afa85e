import AivenClient

/// Whether a connector config can be created on a service, from what the service offers
/// (`available-connectors`) and the plugin's options (`…/connector-plugins/{class}/configuration`):
/// the class must be offered and every required option (no default value) given; a sink must
/// read from `topics` or `topics.regex` (Kafka Connect's `SinkConnectorConfig` rule). Pure:
/// ``KafkaConnectorKind`` reads the two answers, `plan` and the reconciler refuse with its message.
enum ConnectorPluginCheck {
    /// What is wrong with `config` for `connectorClass`, as a sentence naming the field; `nil`
    /// when nothing is. `options` is `nil` when the class is not offered.
    static func problem(connectorClass: String, config: Set<String>, service: String, available: [KafkaConnectorPlugin], options: [KafkaConnectorConfigOption]?) -> String? {
        guard let plugin = available.first(where: { $0.className == connectorClass }) else {
            let offered = available.map(\.className).sorted()
            let guess = closest(to: connectorClass, among: offered).map { " Did you mean \($0)?" } ?? ""
            return "spec.connectorClass: \(connectorClass) is not a connector class service \(service) offers (available-connectors).\(guess)"
        }
        let missing = (options ?? []).filter { $0.required && !config.contains($0.name) }.map(\.name).sorted()
        if !missing.isEmpty {
            let names = missing.map { "spec.userConfig[\($0)]" }.joined(separator: ", ")
            return "\(names): required by \(plugin.title ?? connectorClass) (\(connectorClass)), which has no default for \(missing.count == 1 ? "it" : "them")"
        }
        if plugin.type == "sink", !config.contains("topics"), !config.contains("topics.regex") {
            return "spec.userConfig[topics]: a sink connector (\(connectorClass)) must read from topics or topics.regex; set one of them"
        }
        return nil
    }

    /// The offered class nearest to `name` (edit distance at most a third of its length), for a
    /// misspelling.
    static func closest(to name: String, among offered: [String]) -> String? {
        let scored = offered.map { ($0, distance(name.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, name.count / 3) else { return nil }
        return best.0
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.utf8)
        let b = Array(b.utf8)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
