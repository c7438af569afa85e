import Foundation
import KubeAPI

extension EmulatorStore {
    /// `POST /v1/project/{project}/service/{service}/topic`.
    func createTopic(project: String, service: String, body: JSONValue) async throws(EmulatorError) -> JSONValue {
        try AivenSchemaValidator(schema: TopicSchemas.create).require(body)
        let name = body["topic_name"]?.stringValue ?? ""
        try TopicSchemas.checkName(name)
        return try await mutate(project) { (state, time) throws(EmulatorError) in
            let kafka = try Self.runningKafka(service, in: state, at: time, timings)
            guard state.topics[service]?[name] == nil else {
                throw EmulatorError(409, "Topic '\(name)' already exists", errorCode: "kafka_topic_already_exists")
            }
            var topic = EmulatedTopic(
                name: name, partitions: 1, replication: min(3, kafka.nodeCount), config: [:], tags: [], description: "",
                createTime: time, activeAt: time.addingTimeInterval(timings.topicDelay.timeInterval))
            try Self.apply(body, to: &topic, brokers: kafka.nodeCount)
            state.put(topic, service: service)
            return ["message": "created"]
        }
    }

    /// `GET /v1/project/{project}/service/{service}/topic`.
    func topics(project: String, service: String) throws(EmulatorError) -> JSONValue {
        try read(project) { (state, time) throws(EmulatorError) in
            _ = try Self.kafka(service, in: state, at: time, timings)
            return ["topics": .array(state.topics(of: service).map { $0.summaryJSON(at: time) })]
        }
    }

    /// `GET /v1/project/{project}/service/{service}/topic/{topic}`: while the topic is still
    /// `CONFIGURING`, Aiven answers 501 (clients retry).
    func topic(project: String, service: String, name: String) throws(EmulatorError) -> JSONValue {
        try read(project) { (state, time) throws(EmulatorError) in
            _ = try Self.kafka(service, in: state, at: time, timings)
            guard let topic = state.topics[service]?[name] else { throw Self.topicNotFound(name) }
            guard topic.state(at: time) == "ACTIVE" else {
                throw EmulatorError(501, "Failed to fetch Kafka topic: \(name)")
            }
            return ["topic": topic.json(at: time)]
        }
    }

    /// `PUT /v1/project/{project}/service/{service}/topic/{topic}`: sets what the body names;
    /// `config` options merge into the topic's, `tags` replace its tags.
    func updateTopic(project: String, service: String, name: String, body: JSONValue) async throws(EmulatorError) -> JSONValue {
        try AivenSchemaValidator(schema: TopicSchemas.update).require(body)
        return try await mutate(project) { (state, time) throws(EmulatorError) in
            let kafka = try Self.runningKafka(service, in: state, at: time, timings)
            guard var topic = state.topics[service]?[name] else { throw Self.topicNotFound(name) }
            if let partitions = body["partitions"]?.integerValue, partitions < topic.partitions {
                throw EmulatorError.invalid("Reducing partition count is not supported")
            }
            try Self.apply(body, to: &topic, brokers: kafka.nodeCount)
            state.put(topic, service: service)
            return ["message": "updated"]
        }
    }

    /// `DELETE /v1/project/{project}/service/{service}/topic/{topic}`.
    func deleteTopic(project: String, service: String, name: String) async throws(EmulatorError) -> JSONValue {
        try await mutate(project) { (state, time) throws(EmulatorError) in
            _ = try Self.kafka(service, in: state, at: time, timings)
            guard state.topics[service]?[name] != nil else { throw Self.topicNotFound(name) }
            state.removeTopic(service: service, name: name)
            return ["message": "deleted"]
        }
    }

    static func topicNotFound(_ name: String) -> EmulatorError {
        EmulatorError(404, "Topic '\(name)' does not exist", errorCode: "kafka_topic_not_found")
    }

    /// The `kafka` service named `name`.
    static func kafka(_ name: String, in state: EmulatedProject, at time: Date, _ timings: EmulatorTimings) throws(EmulatorError) -> EmulatedService {
        guard let service = state.service(name, at: time, timings) else { throw .serviceNotFound(name) }
        guard service.type.name == ServiceCatalog.kafka.name else {
            throw EmulatorError.invalid("Service \(name) is of type '\(service.type.name)': topics exist only on 'kafka' services")
        }
        return service
    }

    /// The `kafka` service named `name`, which must be running to change its topics.
    static func runningKafka(_ name: String, in state: EmulatedProject, at time: Date, _ timings: EmulatorTimings) throws(EmulatorError) -> EmulatedService {
        let service = try kafka(name, in: state, at: time, timings)
        if service.phase == .poweroff {
            throw EmulatorError(409, "Database not powered on", errorCode: "not_powered")
        }
        guard service.isRunning else {
            throw EmulatorError(409, "Not enough brokers available: service \(name) is \(service.state)")
        }
        return service
    }

    /// Applies a create or update body's fields to `topic`. The top-level `min_insync_replicas`,
    /// `retention_bytes`, `retention_hours` and `cleanup_policy` (avn's) set the same options as
    /// `config`; a `null` leaves a field as it is.
    private static func apply(_ body: JSONValue, to topic: inout EmulatedTopic, brokers: Int) throws(EmulatorError) {
        if let partitions = body["partitions"]?.integerValue { topic.partitions = Int(partitions) }
        if let replication = body["replication"]?.integerValue {
            guard replication <= brokers else {
                throw EmulatorError.invalid("Replication factor: \(replication) larger than available brokers: \(brokers).")
            }
            topic.replication = Int(replication)
        }
        var config = topic.config
        for key in ["min_insync_replicas", "retention_bytes", "cleanup_policy"] {
            if let value = body[key], !value.isNull { config[key] = value }
        }
        if let hours = body["retention_hours"]?.integerValue {
            config["retention_ms"] = .integer(hours < 0 ? -1 : hours * 3_600_000)
        }
        for (key, value) in body["config"]?.objectValue ?? [:] { config[key] = value }
        if let minimum = config["min_insync_replicas"]?.integerValue, minimum > topic.replication {
            throw EmulatorError.invalid("min_insync_replicas (\(minimum)) cannot be greater than the replication factor (\(topic.replication))")
        }
        topic.config = config
        if let tags = body["tags"]?.arrayValue {
            topic.tags = tags.map { EmulatedTopic.Tag(key: $0["key"]?.stringValue ?? "", value: $0["value"]?.stringValue ?? "") }
        }
        if let description = body["topic_description"]?.stringValue { topic.description = description }
    }
}

extension EmulatedTopic {
    /// An option's effective value: the topic's own, else Kafka's default.
    func value(_ option: String) -> JSONValue { config[option] ?? TopicSchemas.defaults[option] ?? .null }

    private var retentionHours: JSONValue {
        let milliseconds = value("retention_ms").integerValue ?? -1
        return .integer(milliseconds < 0 ? -1 : milliseconds / 3_600_000)
    }

    private var tagsJSON: JSONValue { .array(tags.map { ["key": .string($0.key), "value": .string($0.value)] }) }

    /// An item of `GET …/topic`: partitions as a count.
    func summaryJSON(at now: Date) -> JSONValue {
        [
            "topic_name": .string(name), "partitions": .integer(Int64(partitions)), "replication": .integer(Int64(replication)),
            "min_insync_replicas": value("min_insync_replicas"), "retention_bytes": value("retention_bytes"),
            "retention_hours": retentionHours, "cleanup_policy": value("cleanup_policy"), "state": .string(state(at: now)),
            "tags": tagsJSON, "topic_description": .string(description), "owner_user_group_id": "",
            "remote_storage_enable": value("remote_storage_enable"),
        ]
    }

    /// `GET …/topic/{topic}`: partitions as a list, every option as `{value, source, synonyms}`.
    func json(at now: Date) -> JSONValue {
        var options: [String: JSONValue] = [:]
        for option in TopicSchemas.options {
            let own = config[option.name]
            options[option.name] = [
                "value": own ?? option.defaultValue, "source": own == nil ? "default_config" : "topic_config", "synonyms": [],
            ]
        }
        return [
            "topic_name": .string(name),
            "partitions": .array(
                (0..<partitions).map { index in
                    [
                        "partition": .integer(Int64(index)), "isr": .integer(Int64(replication)), "size": 0,
                        "earliest_offset": 0, "latest_offset": 0, "consumer_groups": [],
                    ]
                }),
            "replication": .integer(Int64(replication)), "min_insync_replicas": value("min_insync_replicas"),
            "retention_bytes": value("retention_bytes"), "retention_hours": retentionHours,
            "cleanup_policy": value("cleanup_policy"), "state": .string(state(at: now)), "tags": tagsJSON,
            "topic_description": .string(description), "owner_user_group_id": "", "config": .object(options),
        ]
    }
}
