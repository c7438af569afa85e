import KubeAPI

/// How the emulator keeps and answers a service's `user_config`.
///
/// Chosen at start (`aiven-operator emulator --user-config-mode`, ``AivenEmulatorConfiguration/userConfigBehaviour``)
/// and switchable at run time (`PUT /_emulator/user-config-mode {"mode": "like-aiven"}`).
/// See `docs/emulator.md` for which parts of ``likeAiven`` are documented facts.
public enum UserConfigBehaviour: String, Sendable, Hashable, CaseIterable {
    /// Stored exactly as sent, replaced wholesale by every update, returned exactly as stored.
    case exactEcho = "exact-echo"
    /// As Aiven: the schema's defaults filled in on create (`ip_filter`: `["0.0.0.0/0", "::/0"]`),
    /// an update's `user_config` merged into the stored one (`null` removes an option), and
    /// secret (`_secure`) options never returned.
    case likeAiven = "like-aiven"

    /// The user_config to store for a new service of `type`.
    func created(_ requested: [String: JSONValue], type: ServiceCatalog.ServiceType) -> [String: JSONValue] {
        switch self {
        case .exactEcho: requested
        case .likeAiven: type.defaults.merging(requested.filter { !$0.value.isNull }) { _, requested in requested }
        }
    }

    /// The user_config to store after an update that sent `update`.
    func updated(_ stored: [String: JSONValue], with update: [String: JSONValue]) -> [String: JSONValue] {
        switch self {
        case .exactEcho: update
        case .likeAiven: Self.merge(update, into: stored)
        }
    }

    /// The user_config of a service of `type` as a response shows it.
    func visible(_ stored: [String: JSONValue], type: ServiceCatalog.ServiceType) -> [String: JSONValue] {
        switch self {
        case .exactEcho: stored
        case .likeAiven: Self.withoutSecrets(.object(stored), schema: type.userConfigSchema).objectValue ?? [:]
        }
    }

    /// Objects merge key by key (recursively); `null` removes a key; anything else replaces.
    static func merge(_ update: [String: JSONValue], into stored: [String: JSONValue]) -> [String: JSONValue] {
        var result = stored
        for (key, value) in update {
            switch (value, stored[key]) {
            case (.null, _):
                result[key] = nil
            case (.object(let members), .object(let existing)?):
                result[key] = .object(merge(members, into: existing))
            default:
                result[key] = value
            }
        }
        return result
    }

    /// `value` without the members its schema marks `_secure`.
    static func withoutSecrets(_ value: JSONValue, schema: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            guard let properties = schema["properties"]?.objectValue else { return value }
            var kept: [String: JSONValue] = [:]
            for (key, member) in members {
                guard let child = properties[key] else {
                    kept[key] = member
                    continue
                }
                if child["_secure"]?.boolValue == true { continue }
                kept[key] = withoutSecrets(member, schema: child)
            }
            return .object(kept)
        case .array(let items):
            guard let itemSchema = schema["items"] else { return value }
            return .array(items.map { withoutSecrets($0, schema: itemSchema) })
        default:
            return value
        }
    }
}
