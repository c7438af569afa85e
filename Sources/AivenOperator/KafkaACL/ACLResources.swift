import AivenClient
import AivenResources
import KubeAPI

/// `KafkaACL`: an Aiven ACL entry (permission, topic pattern, username pattern).
public typealias KafkaACLKind = ACLKind<KafkaACL>
/// `KafkaNativeACL`: a Kafka-native ACL entry; its spec is immutable.
public typealias KafkaNativeACLKind = ACLKind<KafkaNativeACL>
/// `KafkaSchemaRegistryACL`: a Schema Registry ACL entry; its fields are immutable.
public typealias KafkaSchemaRegistryACLKind = ACLKind<KafkaSchemaRegistryACL>

extension KafkaACL: ACLResource {
    public static let controllerName = "kafkaacl"
    public static let noun = "Kafka ACL"
    public var entry: KafkaACLEntry { KafkaACLEntry(permission: spec.permission, topic: spec.topic, username: spec.username) }
}

extension KafkaNativeACL: ACLResource {
    public static let controllerName = "kafkanativeacl"
    public static let noun = "Kafka-native ACL"
    public var entry: KafkaNativeACLEntry {
        KafkaNativeACLEntry(
            principal: spec.principal, host: spec.host ?? "*", operation: spec.operation, permissionType: spec.permissionType,
            patternType: spec.patternType, resourceName: spec.resourceName, resourceType: spec.resourceType)
    }
}

extension KafkaSchemaRegistryACL: ACLResource {
    public static let controllerName = "kafkaschemaregistryacl"
    public static let noun = "Schema Registry ACL"
    public var entry: SchemaRegistryACLEntry { SchemaRegistryACLEntry(permission: spec.permission, resource: spec.resource, username: spec.username) }
}

extension KafkaACLSpec: ACLSpec {}
extension KafkaNativeACLSpec: ACLSpec {}
extension KafkaSchemaRegistryACLSpec: ACLSpec {}

extension ACLStatus: ACLEntryStatus {
    public var entryID: String? {
        get { id }
        set { id = newValue }
    }
}

extension KafkaSchemaRegistryACLStatus: ACLEntryStatus, PlainStatus {
    public init() { self.init(aclId: nil) }

    public var entryID: String? {
        get { aclId }
        set { aclId = newValue }
    }
}
