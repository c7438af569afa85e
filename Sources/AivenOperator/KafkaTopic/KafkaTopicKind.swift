import AivenClient
import AivenResources
import KubeAPI

/// `KafkaTopic`: one topic of an Aiven for Apache Kafka service per resource, named
/// `spec.topicName` or, without one, `metadata.name`.
///
/// A topic has no owner tag: its identity is its service and name, so an existing topic of that
/// name is the resource's (the reference operator takes it over too, and a create whose answer
/// was lost is recovered). Two resources naming one topic are told apart by ``Claims``: the
/// first claimant manages it, the others change nothing and never delete it. It is created once its service exists and is `RUNNING`; partitions
/// can grow but never shrink (a shrink is refused before anything is sent); the config options
/// the spec sets and the tags are kept as the spec says (drift policy as for services).
/// `spec.termination_protection` is Kubernetes-side: it keeps the resource, and the topic, until
/// it is turned off.
public struct KafkaTopicKind: ClaimingKind {
    public static let controllerName = "kafkatopic"
    public static let noun = "Kafka topic"

    /// The topic the spec asks for.
    public struct Desired: Sendable, Hashable {
        public var project: String
        public var service: String
        public var topic: String
        public var partitions: Int
        public var replication: Int
        /// The options the spec sets, by Aiven's snake_case names (`retention_ms`).
        public var config: [String: JSONValue]
        /// The tags, sorted by key.
        public var tags: [KafkaTopicTag]

        /// The create request.
        var createRequest: KafkaTopicRequest {
            KafkaTopicRequest(topicName: topic, partitions: partitions, replication: replication, config: config, tags: tags)
        }
    }

    public init() {}

    /// The topic's name on Aiven.
    static func topicName(of resource: KafkaTopic) -> String {
        resource.spec.topicName ?? resource.metadata.name ?? ""
    }

    public func describe(_ resource: KafkaTopic) -> String {
        "\(resource.spec.project)/\(resource.spec.serviceName)/\(Self.topicName(of: resource))"
    }

    public func desired(for resource: KafkaTopic, dependencies: Dependencies) async throws -> Desired {
        let spec = resource.spec
        let config: [String: JSONValue]
        do {
            config = try spec.config.map { try JSONValue.encoding($0).objectValue ?? [:] } ?? [:]
        } catch {
            throw InvalidSpec("spec.config cannot be encoded: \(error)")
        }
        return Desired(
            project: spec.project,
            service: spec.serviceName,
            topic: Self.topicName(of: resource),
            partitions: spec.partitions,
            replication: spec.replication,
            config: config,
            tags: Self.tags(spec.tags)
        )
    }

    static func tags(_ tags: [KafkaTopicSpec.Tags]?) -> [KafkaTopicTag] {
        (tags ?? []).map { KafkaTopicTag(key: $0.key, value: $0.value ?? "") }.sorted { ($0.key, $0.value) < ($1.key, $1.value) }
    }

    public func observe(_ resource: KafkaTopic, client: AivenClient) async throws(AivenError) -> KafkaTopicInfo? {
        do {
            return try await client.getKafkaTopic(project: resource.spec.project, service: resource.spec.serviceName, topic: Self.topicName(of: resource))
        } catch .notFound {
            // No such topic, or no such service: either way there is no topic.
            return nil
        }
    }

    public func claim(of resource: KafkaTopic) -> String? {
        describe(resource)
    }

    public func ownership(of observed: KafkaTopicInfo, resource: KafkaTopic, everManaged: Bool) -> Ownership {
        .ours
    }

    public func changes(desired: Desired, observed: KafkaTopicInfo) -> [FieldChange] {
        var changes: [FieldChange] = []
        if observed.partitions != desired.partitions {
            changes.append(FieldChange(path: "partitions", old: .integer(Int64(observed.partitions)), new: .integer(Int64(desired.partitions))))
        }
        if observed.replication != desired.replication {
            changes.append(FieldChange(path: "replication", old: .integer(Int64(observed.replication)), new: .integer(Int64(desired.replication))))
        }
        // Only the options the spec sets: the others are Kafka's defaults, and Aiven's to choose.
        for key in desired.config.keys.sorted() where !Self.sameValue(observed.config[key], desired.config[key]) {
            changes.append(FieldChange(path: "config.\(key)", old: observed.config[key], new: desired.config[key]))
        }
        let observedTags = observed.tags.sorted { ($0.key, $0.value) < ($1.key, $1.value) }
        if observedTags != desired.tags {
            changes.append(FieldChange(path: "tags", old: Self.json(observedTags), new: Self.json(desired.tags)))
        }
        return changes
    }

    /// Kafka reports every option as it stores it; a number may come back as a string
    /// (`"86400000"`), a ratio as a fraction of a different precision.
    private static func sameValue(_ observed: JSONValue?, _ desired: JSONValue?) -> Bool {
        guard let observed, let desired else { return observed == desired }
        if observed == desired { return true }
        return scalar(observed) == scalar(desired)
    }

    private static func scalar(_ value: JSONValue) -> String {
        switch value {
        case .string(let string): string
        case .number(let number) where number == number.rounded() && abs(number) < 1e15: String(Int64(number))
        default: value.jsonString
        }
    }

    private static func json(_ tags: [KafkaTopicTag]) -> JSONValue {
        .array(tags.map { .object(["key": .string($0.key), "value": .string($0.value)]) })
    }

    public func refusedChange(desired: Desired, observed: KafkaTopicInfo) -> String? {
        guard desired.partitions < observed.partitions else { return nil }
        return "spec.partitions is \(desired.partitions), but the topic has \(observed.partitions): Kafka can add partitions, never remove them. Nothing was changed; set spec.partitions to \(observed.partitions) or more."
    }

    /// Topics can only be made on an existing, running Kafka service: wait for it.
    public func createPrerequisite(_ desired: Desired, client: AivenClient) async throws(AivenError) -> Waiting? {
        try await client.waitingForRunning(desired.service, project: desired.project, label: "Kafka service", reason: "WaitingForService")
    }

    /// Aiven answers a create with a message only, and a new topic is `CONFIGURING` (its GET
    /// answers 501) for a while: the next pass reads it.
    public func create(_ desired: Desired, client: AivenClient) async throws(AivenError) -> KafkaTopicInfo {
        try await client.createKafkaTopic(project: desired.project, service: desired.service, desired.createRequest)
        return KafkaTopicInfo(
            topicName: desired.topic, partitions: desired.partitions, replication: desired.replication, state: "CONFIGURING",
            config: desired.config, topicConfig: desired.config, tags: desired.tags
        )
    }

    public func update(_ desired: Desired, observed: KafkaTopicInfo, client: AivenClient) async throws(AivenError) -> KafkaTopicInfo {
        let paths = Set(changes(desired: desired, observed: observed).map(\.path))
        var request = KafkaTopicRequest()
        if paths.contains("partitions") { request.partitions = desired.partitions }
        if paths.contains("replication") { request.replication = desired.replication }
        if paths.contains(where: { $0.hasPrefix("config.") }) { request.config = desired.config }
        if paths.contains("tags") { request.tags = desired.tags }
        try await client.updateKafkaTopic(project: desired.project, service: desired.service, topic: desired.topic, request)
        var updated = observed
        updated.partitions = desired.partitions
        updated.replication = desired.replication
        updated.config.merge(desired.config) { _, new in new }
        updated.tags = desired.tags
        return updated
    }

    public func delete(_ resource: KafkaTopic, client: AivenClient) async throws(AivenError) {
        try await client.deleteKafkaTopic(project: resource.spec.project, service: resource.spec.serviceName, topic: Self.topicName(of: resource))
    }

    public func health(of observed: KafkaTopicInfo, desired: Desired) -> Health {
        observed.state == "ACTIVE"
            ? Health(ready: true, reason: "Active", message: "Topic is ACTIVE")
            : Health(ready: false, reason: "Waiting", message: "Topic state is \(observed.state), waiting for ACTIVE")
    }

    public func record(_ observed: KafkaTopicInfo, in status: inout KafkaTopicStatus) {
        status.state = observed.state
    }

    public func createdMessage(_ desired: Desired, created: KafkaTopicInfo, resource: KafkaTopic) -> String {
        "Created Kafka topic \(describe(resource)) (\(desired.partitions) partitions, replication \(desired.replication))"
    }
}

extension KafkaTopic: ManagedResource {
    public var authSecretRef: SecretKeyReference? { spec.authSecretRef }
    public static let terminationProtection: TerminationProtection<KafkaTopic>? = TerminationProtection(field: "termination_protection") { $0.spec.terminationProtection }
}

/// Aiven refuses a second topic of a name on a service (`409 Topic … already exists`), and a
/// topic carries no owner tag: its name is its identity.
extension KafkaTopicKind: DeletableByIdentity {}
