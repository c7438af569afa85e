import AivenClient
import AivenResources
import KubeAPI

/// A resource standing for one ACL entry of a Kafka service (`KafkaACL`, `KafkaNativeACL`,
/// `KafkaSchemaRegistryACL`).
public protocol ACLResource: ManagedResource where Status: ACLEntryStatus {
    associatedtype Entry: ManagedACLEntry
    associatedtype Spec: ACLSpec
    /// The controller name (`kafkaacl`).
    static var controllerName: String { get }
    /// What the entry is called in messages (`Kafka ACL`).
    static var noun: String { get }
    var spec: Spec { get }
    /// The entry the spec describes.
    var entry: Entry { get }
}

/// The fields every ACL kind's spec has besides the entry's.
public protocol ACLSpec: Sendable {
    var project: String { get }
    var serviceName: String { get }
    var authSecretRef: SecretKeyReference? { get }
}

extension ACLResource {
    public var project: String { spec.project }
    /// The Kafka service the entry is on.
    public var serviceName: String { spec.serviceName }
    public var authSecretRef: SecretKeyReference? { spec.authSecretRef }
    /// Entries are not protected from deletion.
    public static var terminationProtection: TerminationProtection<Self>? { nil }
}

/// The status of an ACL kind: where it keeps the entry's id.
public protocol ACLEntryStatus: ManagedStatus {
    /// Aiven's id of the entry.
    var entryID: String? { get set }
}

/// An ACL entry type as the operator reads and writes it on Aiven.
public protocol ManagedACLEntry: ACLEntry {
    /// Every entry of the kind on the service.
    static func list(project: String, service: String, client: AivenClient) async throws(AivenError) -> [ACLEntryInfo<Self>]
    /// The entry with `id`, `nil` when there is none.
    static func entry(id: String, project: String, service: String, client: AivenClient) async throws(AivenError) -> ACLEntryInfo<Self>?
    /// Adds the entry; returns it with its id.
    func add(project: String, service: String, client: AivenClient) async throws(AivenError) -> ACLEntryInfo<Self>
    /// The entry's fields as the spec names them, in the spec's order.
    var fields: [(name: String, value: String)] { get }
}

extension ManagedACLEntry {
    public static func entry(id: String, project: String, service: String, client: AivenClient) async throws(AivenError) -> ACLEntryInfo<Self>? {
        try await list(project: project, service: service, client: client).first { $0.id == id }
    }
}

extension ManagedACLEntry where Self: ListedACLEntry {
    public static func list(project: String, service: String, client: AivenClient) async throws(AivenError) -> [ACLEntryInfo<Self>] {
        try await client.listACLs(project: project, service: service, of: Self.self)
    }

    public func add(project: String, service: String, client: AivenClient) async throws(AivenError) -> ACLEntryInfo<Self> {
        try await client.addACL(project: project, service: service, self)
    }
}

extension KafkaACLEntry: ManagedACLEntry {
    public var fields: [(name: String, value: String)] { [("permission", permission), ("topic", topic), ("username", username)] }
}

extension SchemaRegistryACLEntry: ManagedACLEntry {
    public var fields: [(name: String, value: String)] { [("permission", permission), ("resource", resource), ("username", username)] }
}

extension KafkaNativeACLEntry: ManagedACLEntry {
    public var fields: [(name: String, value: String)] {
        [
            ("principal", principal), ("host", host), ("operation", operation), ("permissionType", permissionType),
            ("patternType", patternType), ("resourceName", resourceName), ("resourceType", resourceType),
        ]
    }

    public static func list(project: String, service: String, client: AivenClient) async throws(AivenError) -> [KafkaNativeACLInfo] {
        try await client.listACLs(project: project, service: service, of: Self.self)
    }

    /// Read by id (`ServiceKafkaNativeAclGet`).
    public static func entry(id: String, project: String, service: String, client: AivenClient) async throws(AivenError) -> KafkaNativeACLInfo? {
        do {
            return try await client.getKafkaNativeACL(project: project, service: service, id: id)
        } catch .notFound {
            return nil
        }
    }

    public func add(project: String, service: String, client: AivenClient) async throws(AivenError) -> KafkaNativeACLInfo {
        try await client.addACL(project: project, service: service, self)
    }
}

/// Every ACL kind: one entry of a Kafka service per resource.
///
/// Aiven gives each entry an id and has no update. The resource's entry is the one whose id its
/// status records, else an identical entry already there (taken over rather than duplicated; a
/// create whose answer was lost is recovered the same way). Entries carry no owner tag, so two
/// resources describing the same entry are told apart by ``Claims``. A changed spec (`KafkaACL`
/// only: the others are immutable) adds the new entry first, then deletes the old one, so access
/// never lapses. Entries are added once their service is `RUNNING`.
public struct ACLKind<Resource: ACLResource>: ClaimingKind {
    public static var controllerName: String { Resource.controllerName }
    public static var noun: String { Resource.noun }

    /// The entry the spec asks for, on its service.
    public struct Desired: Sendable, Hashable {
        public var project: String
        public var service: String
        public var entry: Resource.Entry
    }

    public init() {}

    public func describe(_ resource: Resource) -> String {
        "\(resource.project)/\(resource.serviceName)/" + resource.entry.fields.map { "\($0.name)=\($0.value)" }.joined(separator: ",")
    }

    public func desired(for resource: Resource, dependencies: Dependencies) async throws -> Desired {
        Desired(project: resource.project, service: resource.serviceName, entry: resource.entry)
    }

    /// The entry with the recorded id, else one identical to the spec's.
    public func observe(_ resource: Resource, client: AivenClient) async throws(AivenError) -> ACLEntryInfo<Resource.Entry>? {
        do {
            if let id = resource.status?.entryID,
                let recorded = try await Resource.Entry.entry(id: id, project: resource.project, service: resource.serviceName, client: client)
            {
                return recorded
            }
            let entries = try await Resource.Entry.list(project: resource.project, service: resource.serviceName, client: client)
            return entries.first { $0.entry == resource.entry }
        } catch .notFound {
            // No such service: no entry.
            return nil
        }
    }

    public func claim(of resource: Resource) -> String? {
        "\(Resource.kind)/" + describe(resource)
    }

    public func ownership(of observed: ACLEntryInfo<Resource.Entry>, resource: Resource, everManaged: Bool) -> Ownership {
        .ours
    }

    public func changes(desired: Desired, observed: ACLEntryInfo<Resource.Entry>) -> [FieldChange] {
        zip(observed.entry.fields, desired.entry.fields).compactMap { old, new in
            old.value == new.value ? nil : FieldChange(path: new.name, old: .string(old.value), new: .string(new.value))
        }
    }

    /// Entries can only be added on an existing, running Kafka service: wait for it.
    public func createPrerequisite(_ desired: Desired, client: AivenClient) async throws(AivenError) -> Waiting? {
        try await client.waitingForRunning(desired.service, project: desired.project, label: "Kafka service", reason: "WaitingForService")
    }

    public func create(_ desired: Desired, client: AivenClient) async throws(AivenError) -> ACLEntryInfo<Resource.Entry> {
        try await desired.entry.add(project: desired.project, service: desired.service, client: client)
    }

    /// The new entry first (an identical one already there is taken), then the old one goes.
    public func update(_ desired: Desired, observed: ACLEntryInfo<Resource.Entry>, client: AivenClient) async throws(AivenError) -> ACLEntryInfo<Resource.Entry> {
        let existing = try await Resource.Entry.list(project: desired.project, service: desired.service, client: client)
        let replacement: ACLEntryInfo<Resource.Entry>
        if let identical = existing.first(where: { $0.entry == desired.entry }) {
            replacement = identical
        } else {
            replacement = try await desired.entry.add(project: desired.project, service: desired.service, client: client)
        }
        if replacement.id != observed.id {
            do {
                try await client.deleteACL(project: desired.project, service: desired.service, of: Resource.Entry.self, id: observed.id)
            } catch .notFound {
                // Already gone.
            }
        }
        return replacement
    }

    public func delete(_ observed: ACLEntryInfo<Resource.Entry>, resource: Resource, client: AivenClient) async throws(AivenError) {
        try await client.deleteACL(project: resource.project, service: resource.serviceName, of: Resource.Entry.self, id: observed.id)
    }

    public func health(of observed: ACLEntryInfo<Resource.Entry>, desired: Desired) -> Health {
        Health(ready: true, reason: "Active", message: "\(Resource.noun) entry \(observed.id) exists")
    }

    public func record(_ observed: ACLEntryInfo<Resource.Entry>, in status: inout Resource.Status) {
        status.entryID = observed.id
        status.state = "RUNNING"
    }

    public func createdMessage(_ desired: Desired, created: ACLEntryInfo<Resource.Entry>, resource: Resource) -> String {
        "Created \(Resource.noun) \(describe(resource)) (id \(created.id))"
    }
}
