/// One access-control entry as Aiven lists it: the id Aiven gave it and what it grants. Aiven has
/// no update for any kind of ACL: an entry is added whole and deleted by id.
public struct ACLEntryInfo<Entry: ACLEntry>: Sendable, Hashable, Decodable {
    /// Aiven's id (`default` for the entry a new Kafka service carries).
    public var id: String
    /// What the entry grants (or denies).
    public var entry: Entry

    /// An entry; see the properties.
    public init(id: String, entry: Entry) {
        self.id = id
        self.entry = entry
    }

    private enum CodingKeys: String, CodingKey { case id }

    public init(from decoder: any Decoder) throws {
        id = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .id)
        entry = try Entry(from: decoder)
    }
}

/// What an ACL entry grants, as sent to add it and as listed back (without its id). Two entries
/// with equal values are the same entry.
public protocol ACLEntry: Sendable, Hashable, Codable {
    /// The route template of the kind's entries (`/v1/project/{project}/service/{service_name}/acl`).
    static var route: String { get }
}

/// Aiven's ACLs and Schema Registry ACLs, whose add and delete answer the kind's whole list.
public protocol ListedACLEntry: ACLEntry {}

/// An Aiven ACL entry for Kafka (`…/acl`): `permission` on topics matching `topic` for users
/// matching `username` (`*` and `?` are wildcards).
public struct KafkaACLEntry: ListedACLEntry {
    public static let route = "/v1/project/{project}/service/{service_name}/acl"

    /// `admin`, `read`, `readwrite` or `write`.
    public var permission: String
    public var topic: String
    public var username: String

    /// An entry; see the properties.
    public init(permission: String, topic: String, username: String) {
        self.permission = permission
        self.topic = topic
        self.username = username
    }
}

/// A Kafka-native ACL entry (`…/kafka/acl`).
public struct KafkaNativeACLEntry: ACLEntry {
    public static let route = "/v1/project/{project}/service/{service_name}/kafka/acl"

    /// `PrincipalType:name`, e.g. `User:alice`.
    public var principal: String
    /// The host, or `*` for all hosts.
    public var host: String
    /// `All`, `Alter`, `Create`, `Read`, `Write`, …
    public var operation: String
    /// `ALLOW` or `DENY`.
    public var permissionType: String
    /// `LITERAL` or `PREFIXED`.
    public var patternType: String
    public var resourceName: String
    /// `Cluster`, `DelegationToken`, `Group`, `Topic`, `TransactionalId` or `User`.
    public var resourceType: String

    private enum CodingKeys: String, CodingKey {
        case principal, host, operation, permissionType = "permission_type", patternType = "pattern_type"
        case resourceName = "resource_name", resourceType = "resource_type"
    }

    /// An entry; see the properties.
    public init(
        principal: String, host: String = "*", operation: String, permissionType: String, patternType: String, resourceName: String,
        resourceType: String
    ) {
        self.principal = principal
        self.host = host
        self.operation = operation
        self.permissionType = permissionType
        self.patternType = patternType
        self.resourceName = resourceName
        self.resourceType = resourceType
    }
}

/// A Schema Registry ACL entry (`…/kafka/schema-registry/acl`): `permission` on resources
/// matching `resource` (`Config:` or `Subject:<pattern>`) for users matching `username`.
public struct SchemaRegistryACLEntry: ListedACLEntry {
    public static let route = "/v1/project/{project}/service/{service_name}/kafka/schema-registry/acl"

    /// `schema_registry_read` or `schema_registry_write`.
    public var permission: String
    public var resource: String
    public var username: String

    /// An entry; see the properties.
    public init(permission: String, resource: String, username: String) {
        self.permission = permission
        self.resource = resource
        self.username = username
    }
}

/// An Aiven ACL entry for Kafka with its id.
public typealias KafkaACLInfo = ACLEntryInfo<KafkaACLEntry>
/// A Kafka-native ACL entry with its id.
public typealias KafkaNativeACLInfo = ACLEntryInfo<KafkaNativeACLEntry>
/// A Schema Registry ACL entry with its id.
public typealias SchemaRegistryACLInfo = ACLEntryInfo<SchemaRegistryACLEntry>
