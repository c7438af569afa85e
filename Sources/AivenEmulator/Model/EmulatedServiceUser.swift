import Foundation
import KubeAPI

/// A service user made through the API (`POST …/user`); `avnadmin` lives with its service
/// (``EmulatedService/credentials``) and is never one of these.
struct EmulatedServiceUser: Codable, Sendable {
    var username: String
    var credentials: ServiceCredentials
    var createTime: Date
    /// When the password was last set (creation or reset).
    var passwordUpdateTime: Date
}

/// An access-control entry on a Kafka service: an Aiven ACL (`permission`, `topic`, `username`), a
/// Kafka-native ACL (`principal`, `host`, `operation`, `permission_type`, `pattern_type`,
/// `resource_name`, `resource_type`) or a Schema Registry ACL (`permission`, `resource`,
/// `username`). Aiven gives each an id and has no update: an entry is added or deleted whole.
struct EmulatedACL: Codable, Sendable {
    enum Kind: String, Codable, Sendable {
        case aiven, native, schemaRegistry = "schema_registry"

        /// The id prefix Aiven's ids carry for the kind.
        var idPrefix: String {
            switch self {
            case .aiven: "acl"
            case .native: "ka"
            case .schemaRegistry: "acl"
            }
        }
    }

    var id: String
    var kind: Kind
    /// The entry's fields, by their API names.
    var fields: [String: String]
    var createTime: Date

    /// The entry as Aiven lists it: its id and fields.
    var json: JSONValue {
        var object = fields.mapValues(JSONValue.string)
        object["id"] = .string(id)
        return .object(object)
    }

    /// A new entry with a fresh id.
    static func make(_ kind: Kind, fields: [String: String], at time: Date) -> EmulatedACL {
        let hex = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        return EmulatedACL(id: kind.idPrefix + String(hex.prefix(kind == .native ? 14 : 11)), kind: kind, fields: fields, createTime: time)
    }

    /// The entries a new Kafka service starts with, as on Aiven: `avnadmin` may do anything on
    /// every topic, and write every schema and the registry's configuration.
    static func defaults(at time: Date) -> [EmulatedACL] {
        [
            EmulatedACL(id: "default", kind: .aiven, fields: ["permission": "admin", "topic": "*", "username": "avnadmin"], createTime: time),
            EmulatedACL(
                id: "default-sr-admin-config", kind: .schemaRegistry,
                fields: ["permission": "schema_registry_write", "resource": "Config:", "username": "avnadmin"], createTime: time),
            EmulatedACL(
                id: "default-sr-admin-subject", kind: .schemaRegistry,
                fields: ["permission": "schema_registry_write", "resource": "Subject:*", "username": "avnadmin"], createTime: time),
        ]
    }
}
