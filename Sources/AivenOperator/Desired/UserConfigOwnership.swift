import AivenResources
import KubeAPI

/// Which `user_config` options the operator owns, and how an owned option compares with what
/// Aiven reports.
///
/// Aiven fills in defaults the spec never set (`ip_filter`), may return options nobody here set,
/// and never returns secret (`_secure`) options. So only the options the operator owns count:
/// those in the spec, plus those it applied before (``AppliedUserConfig/options``) and the spec
/// has since dropped, which are reset to Aiven's documented default once. Secret options are
/// compared by a fingerprint of what was applied, never with what Aiven returns.
public struct UserConfigOwnership: Sendable, Hashable {
    /// The spec's user_config (secrets included), normalized.
    public let desired: [String: JSONValue]
    /// What the operator applied last time, from the status (`nil`: nothing recorded yet).
    public let applied: AppliedUserConfig?
    /// The fingerprint of `desired`'s secret options; `nil` when it has none.
    public let secretsHash: String?
    /// Top-level options read from elsewhere than the spec (`migration`, from a Secret): sent and
    /// compared while they are in `desired`, never recorded as owned.
    public let sourced: Set<String>

    /// - Parameters:
    ///   - salt: mixed into the secrets' fingerprint (the resource's uid), so equal secrets of two
    ///     resources do not show equal hashes.
    ///   - sourced: see ``sourced``.
    public init(desired: [String: JSONValue], applied: AppliedUserConfig?, salt: String, sourced: Set<String> = []) {
        self.desired = desired
        self.applied = applied
        self.sourced = sourced
        let secrets = Self.secretPaths(in: desired).compactMap { path in Self.value(at: path, in: desired).map { (path, $0) } }
        secretsHash = secrets.isEmpty ? nil : Self.fingerprint(.object(Dictionary(uniqueKeysWithValues: secrets)), salt: salt)
    }

    /// The values of the spec's secret options (``secretLeaves``), for the ``Redactor``: Aiven's
    /// refusal of a request may quote them.
    public var secretValues: [String] {
        Self.secretLeaves.sorted().compactMap { Self.value(at: $0, in: desired)?.stringValue }
    }

    /// The record to keep in the status once `desired` is applied.
    public var record: AppliedUserConfig {
        AppliedUserConfig(options: Self.leaves(desired.filter { !sourced.contains($0.key) }).keys.sorted(), secretsHash: secretsHash)
    }

    /// The owned options that differ on Aiven, as `user_config.…` changes. Values are shown without
    /// secrets; a changed secret is one change of its top-level option with both sides `(secret)`.
    ///
    /// - Parameter tagged: the object carries this resource's owner tag. Without a record (the
    ///   pass after a create writes the first one), its secrets are the ones this resource's create
    ///   sent; an object without the tag (adoption) gets the spec's secrets once.
    public func changes(observed: [String: JSONValue], tagged: Bool) -> [FieldChange] {
        let wanted = Self.leaves(desired)
        var owned = Set(wanted.keys)
        for path in applied?.options ?? [] where Self.reset[path] != nil { owned.insert(path) }
        var changes: [FieldChange] = []
        for path in owned.sorted() where !Self.secretLeaves.contains(path) && !Self.createOnly.contains(path) {
            let new = (wanted[path] ?? Self.reset[path]).map(Self.withoutSecrets)
            let old = Self.value(at: path, in: observed).map(Self.withoutSecrets)
            if new != old {
                changes.append(FieldChange(path: "user_config.\(path)", old: old, new: new))
            }
        }
        let appliedSecrets = applied.map(\.secretsHash) ?? (tagged ? secretsHash : nil)
        if secretsHash != appliedSecrets, secretsHash != nil {
            for path in Self.secretPaths(in: desired) where !changes.contains(where: { $0.path == "user_config.\(path)" }) {
                changes.append(FieldChange(path: "user_config.\(path)", old: .string("(secret)"), new: .string("(secret, changed)")))
            }
        }
        return changes
    }

    /// Options applied before that the spec has dropped and Aiven cannot reset (no documented
    /// default, see ``reset``): they keep their value on Aiven and are no longer managed, which
    /// the resource says (a Warning event, its condition) instead of leaving it unnoticed.
    public var keptOnAiven: [String] {
        let wanted = Self.leaves(desired)
        return (applied?.options ?? []).filter { wanted[$0] == nil && Self.reset[$0] == nil }.sorted()
    }

    /// The user_config an update sends: the whole spec (secrets included; Aiven merges it into
    /// the stored options) but the options Aiven takes only at creation, plus the default of
    /// every owned option the spec dropped.
    public var updateUserConfig: [String: JSONValue] {
        var config = desired
        for path in Self.createOnly { Self.remove(at: path.split(separator: ".").map(String.init), in: &config) }
        let wanted = Self.leaves(desired)
        for path in applied?.options ?? [] where wanted[path] == nil {
            guard let value = Self.reset[path] else { continue }
            Self.set(value, at: path.split(separator: ".").map(String.init), in: &config)
        }
        return config
    }

    // MARK: Aiven's facts about kafka_connect user_config

    /// Options whose default Aiven's user-config schema documents: what a dropped option is reset
    /// to. An option without a documented default cannot be unset through Aiven's API (`null` is
    /// refused for non-nullable options), so once dropped from the spec it is left as it is.
    static let reset: [String: JSONValue] = [
        "ip_filter": .array([["network": "0.0.0.0/0"], ["network": "::/0"]]),
        "kafka_connect.prefer_ipv6_address_enable": .bool(false),
    ]

    /// Top-level options that hold `_secure` members somewhere below (Kafka Connect's, and a
    /// Kafka service's own Kafka Connect's).
    static let secretBearingKeys = ["secret_providers", "kafka_connect_secret_providers"]

    /// Options that are secrets themselves (`_secure` leaves: PostgreSQL's admin password and the
    /// password of the server it migrates from): compared by fingerprint only.
    static let secretLeaves: Set<String> = ["admin_password", "migration.password"]

    /// Options Aiven takes only when the service is created (`create_only`: PostgreSQL's admin
    /// user and the service it is forked or restored from; immutable in the CRD): never compared,
    /// never sent in an update.
    static let createOnly: Set<String> = [
        "admin_password", "admin_username", "pg_service_to_fork_from", "project_to_fork_from", "recovery_target_time", "service_to_fork_from",
    ]

    /// The secret-bearing options `config` sets that an update can apply: ``secretBearingKeys``
    /// and the ``secretLeaves`` that are not ``createOnly``.
    static func secretPaths(in config: [String: JSONValue]) -> [String] {
        let leaves = secretLeaves.subtracting(createOnly).sorted().filter { value(at: $0, in: config) != nil }
        return secretBearingKeys.filter { config[$0] != nil } + leaves
    }

    /// `_secure` members of each `secret_providers` entry, by provider.
    static let secretMembers: [String: Set<String>] = [
        "aws": ["secret_key"], "azure": ["secret"], "env": ["secrets"], "vault": ["token"],
    ]

    /// `value` (an option's value) without the members Aiven keeps secret.
    static func withoutSecrets(_ value: JSONValue) -> JSONValue {
        guard case .array(let providers) = value else { return value }
        return .array(providers.map { provider in
            guard case .object(var members) = provider else { return provider }
            for (kind, secret) in secretMembers {
                guard case .object(var settings)? = members[kind] else { continue }
                for key in secret { settings[key] = nil }
                members[kind] = .object(settings)
            }
            return .object(members)
        })
    }

    /// Every leaf of `config` by dotted path: objects are descended, arrays and scalars are leaves.
    static func leaves(_ config: [String: JSONValue], prefix: String = "") -> [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        for (key, value) in config {
            let path = prefix + key
            if case .object(let members) = value, !members.isEmpty {
                result.merge(leaves(members, prefix: path + ".")) { _, new in new }
            } else {
                result[path] = value
            }
        }
        return result
    }

    static func value(at path: String, in config: [String: JSONValue]) -> JSONValue? {
        var current: JSONValue = .object(config)
        for key in path.split(separator: ".") {
            guard let next = current.objectValue?[String(key)] else { return nil }
            current = next
        }
        return current
    }

    static func set(_ value: JSONValue, at path: [String], in config: inout [String: JSONValue]) {
        guard let first = path.first else { return }
        if path.count == 1 {
            config[first] = value
            return
        }
        var child = config[first]?.objectValue ?? [:]
        set(value, at: Array(path.dropFirst()), in: &child)
        config[first] = .object(child)
    }

    static func remove(at path: [String], in config: inout [String: JSONValue]) {
        guard let first = path.first else { return }
        if path.count == 1 {
            config[first] = nil
            return
        }
        guard var child = config[first]?.objectValue else { return }
        remove(at: Array(path.dropFirst()), in: &child)
        config[first] = .object(child)
    }

    static func fingerprint(_ value: JSONValue, salt: String) -> String {
        HMACSHA256.authenticationCode(for: Array(value.jsonString.utf8), key: Array(salt.utf8))
            .map { byte in String(byte, radix: 16).count == 1 ? "0" + String(byte, radix: 16) : String(byte, radix: 16) }
            .joined()
    }
}
