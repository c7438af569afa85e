extension AivenClient {
    private struct ACLList<Entry: ACLEntry>: Decodable { var acl: [ACLEntryInfo<Entry>] }
    private struct NativeACLList: Decodable {
        var kafkaACL: [KafkaNativeACLInfo]
        private enum CodingKeys: String, CodingKey { case kafkaACL = "kafka_acl" }
    }
    private struct NativeACLEnvelope: Decodable { var acl: KafkaNativeACLInfo }

    /// `POST …/acl` (`ServiceKafkaAclAdd`) or `POST …/kafka/schema-registry/acl`
    /// (`ServiceSchemaRegistryAclAdd`): adds `entry` and returns it with its id. Not retried after
    /// an ambiguous failure: list the entries and look for it.
    public func addACL<Entry: ListedACLEntry>(project: String, service: String, _ entry: Entry) async throws(AivenError) -> ACLEntryInfo<Entry> {
        let list = try await send(.post, AivenPath(Entry.route, project, service), body: entry, as: ACLList<Entry>.self).acl
        guard let added = list.last(where: { $0.entry == entry }) else {
            throw .invalidResponse(message: "POST \(Entry.route): the answer does not list the entry added")
        }
        return added
    }

    /// `POST …/kafka/acl` (`ServiceKafkaNativeAclAdd`): adds `entry` and returns it with its id.
    /// Not retried after an ambiguous failure: list the entries and look for it.
    public func addACL(project: String, service: String, _ entry: KafkaNativeACLEntry) async throws(AivenError) -> KafkaNativeACLInfo {
        try await send(.post, AivenPath(KafkaNativeACLEntry.route, project, service), body: entry, as: NativeACLEnvelope.self).acl
    }

    /// `GET …/acl` (`ServiceKafkaAclList`) or `GET …/kafka/schema-registry/acl`
    /// (`ServiceSchemaRegistryAclList`).
    public func listACLs<Entry: ListedACLEntry>(project: String, service: String, of kind: Entry.Type) async throws(AivenError) -> [ACLEntryInfo<Entry>] {
        try await send(.get, AivenPath(Entry.route, project, service), as: ACLList<Entry>.self).acl
    }

    /// `GET …/kafka/acl` (`ServiceKafkaNativeAclList`): the Kafka-native entries (`kafka_acl`).
    public func listACLs(project: String, service: String, of kind: KafkaNativeACLEntry.Type) async throws(AivenError) -> [KafkaNativeACLInfo] {
        try await send(.get, AivenPath(KafkaNativeACLEntry.route, project, service), as: NativeACLList.self).kafkaACL
    }

    /// `GET …/kafka/acl/{id}` (`ServiceKafkaNativeAclGet`); throws ``AivenError/notFound(message:)``
    /// when there is no such entry.
    public func getKafkaNativeACL(project: String, service: String, id: String) async throws(AivenError) -> KafkaNativeACLInfo {
        try await send(.get, AivenPath(KafkaNativeACLEntry.route + "/{acl_id}", project, service, id), as: NativeACLEnvelope.self).acl
    }

    /// `DELETE` of one entry of the kind (`ServiceKafkaAclDelete`, `ServiceKafkaNativeAclDelete`,
    /// `ServiceSchemaRegistryAclDelete`).
    public func deleteACL<Entry: ACLEntry>(project: String, service: String, of kind: Entry.Type, id: String) async throws(AivenError) {
        try await exchange(.delete, AivenPath(Entry.route + "/{acl_id}", project, service, id))
    }
}
