import Foundation
import KubeAPI

/// A KafkaConnector's `spec.userConfig` with its `{{ fromSecret "NAME" "KEY" }}` placeholders, as
/// the reference operator documents them: each is replaced by key `KEY` of Secret `NAME` in the
/// resource's namespace. A value may mix text and placeholders
/// (`jdbc:postgresql://{{ fromSecret "pg" "PGHOST" }}:5432/db`).
///
/// Resolved values are secrets: they go to Aiven and nowhere else. Errors name the config key, the
/// Secret and its key, never a value.
struct ConnectorConfigTemplate: Sendable, Hashable {
    /// One placeholder: the Secret and the key it reads.
    struct SecretKey: Sendable, Hashable {
        var secret: String
        var key: String
    }

    /// A config value cut into literal text and placeholders.
    enum Part: Sendable, Hashable {
        case text(String)
        case secret(SecretKey)
    }

    /// Why a config cannot be resolved.
    enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
        /// `{{ … }}` that is not a `fromSecret "NAME" "KEY"` call.
        case malformed(configKey: String)
        /// The Secret does not exist (yet).
        case missingSecret(configKey: String, secret: String)
        /// The Secret exists without the key.
        case missingKey(configKey: String, secret: String, key: String)

        var description: String {
            switch self {
            case .malformed(let configKey):
                "spec.userConfig[\(configKey)]: a {{ … }} template must be {{ fromSecret \"NAME\" \"KEY\" }}"
            case .missingSecret(let configKey, let secret):
                "Secret \(secret), read by spec.userConfig[\(configKey)], does not exist yet"
            case .missingKey(let configKey, let secret, let key):
                "Secret \(secret) has no key \(key), read by spec.userConfig[\(configKey)]"
            }
        }
    }

    /// The config with its placeholders resolved. Its values are never printed: `description`
    /// names only the keys.
    struct Resolved: Sendable, Hashable, CustomStringConvertible {
        /// What goes to Aiven.
        var config: [String: String]
        /// The config keys whose values come (partly) from Secrets.
        var secretKeys: Set<String>
        /// The `resourceVersion` of every Secret read, by name: changes when a Secret does.
        var secretVersions: [String: String]

        var description: String { "connector config (keys \(config.keys.sorted().joined(separator: ", ")))" }

        /// `text` with every value read from a Secret replaced by `(redacted)`: the process's one
        /// ``Redactor``, which learnt them when they were resolved.
        func scrub(_ text: String) -> String {
            Redactor.shared.scrub(text)
        }
    }

    /// Each config key's parts.
    let parts: [String: [Part]]

    init(_ config: [String: String]) throws(Problem) {
        var parts: [String: [Part]] = [:]
        for (key, value) in config {
            parts[key] = try Self.parse(value, configKey: key)
        }
        self.parts = parts
    }

    /// Every Secret the config reads, sorted.
    var secrets: [String] {
        Set(parts.values.flatMap { $0.compactMap { part in if case .secret(let reference) = part { reference.secret } else { nil } } }).sorted()
    }

    /// The Secrets a spec's config reads; empty when the config is malformed (nothing to watch).
    static func secrets(in config: [String: String]) -> [String] {
        (try? ConnectorConfigTemplate(config))?.secrets ?? []
    }

    /// The config with every placeholder replaced; `lookup` returns a Secret (`nil` when it does
    /// not exist).
    func resolve(_ lookup: (String) async throws -> Secret?) async throws -> Resolved {
        var secrets: [String: Secret?] = [:]
        var resolved = Resolved(config: [:], secretKeys: [], secretVersions: [:])
        for (configKey, valueParts) in parts.sorted(by: { $0.key < $1.key }) {
            var value = ""
            for part in valueParts {
                switch part {
                case .text(let text):
                    value += text
                case .secret(let reference):
                    if secrets[reference.secret] == nil { secrets[reference.secret] = .some(try await lookup(reference.secret)) }
                    guard let secret = secrets[reference.secret] ?? nil else {
                        throw Problem.missingSecret(configKey: configKey, secret: reference.secret)
                    }
                    guard let secretValue = Self.value(of: reference.key, in: secret) else {
                        throw Problem.missingKey(configKey: configKey, secret: reference.secret, key: reference.key)
                    }
                    value += secretValue
                    resolved.secretKeys.insert(configKey)
                    Redactor.shared.register(secretValue)
                    resolved.secretVersions[reference.secret] = secret.metadata.resourceVersion ?? ""
                }
            }
            resolved.config[configKey] = value
        }
        return resolved
    }

    /// A key of a Secret: `data` (base64) or `stringData`.
    private static func value(of key: String, in secret: Secret) -> String? {
        secret.data?[key].flatMap { Data(base64Encoded: $0) }.map { String(decoding: $0, as: UTF8.self) } ?? secret.stringData?[key]
    }

    private static func parse(_ value: String, configKey: String) throws(Problem) -> [Part] {
        var parts: [Part] = []
        var rest = value[...]
        while let open = rest.range(of: "{{") {
            if open.lowerBound > rest.startIndex { parts.append(.text(String(rest[..<open.lowerBound]))) }
            guard let close = rest[open.upperBound...].range(of: "}}") else { throw .malformed(configKey: configKey) }
            guard let reference = call(rest[open.upperBound..<close.lowerBound]) else { throw .malformed(configKey: configKey) }
            parts.append(.secret(reference))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { parts.append(.text(String(rest))) }
        return parts
    }

    /// `fromSecret "NAME" "KEY"` (whitespace around it and between the words is free).
    private static func call(_ text: Substring) -> SecretKey? {
        var words: [String] = []
        var scanner = text.drop { $0.isWhitespace }
        guard scanner.hasPrefix("fromSecret") else { return nil }
        scanner = scanner.dropFirst("fromSecret".count)
        guard scanner.first?.isWhitespace == true else { return nil }
        while true {
            scanner = scanner.drop { $0.isWhitespace }
            guard let first = scanner.first else { break }
            guard first == "\"" else { return nil }
            let body = scanner.dropFirst()
            guard let end = body.firstIndex(of: "\"") else { return nil }
            words.append(String(body[..<end]))
            scanner = body[body.index(after: end)...]
        }
        guard words.count == 2, !words[0].isEmpty, !words[1].isEmpty else { return nil }
        return SecretKey(secret: words[0], key: words[1])
    }
}
