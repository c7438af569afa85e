import KubeAPI

extension EmulatorStore {
    /// `GET …/tags`.
    func tags(project: String, name: String) throws(EmulatorError) -> JSONValue {
        try read(project) { (state, _) throws(EmulatorError) in
            guard let service = state.services[name] else { throw .serviceNotFound(name) }
            return ["tags": .object(service.tags.mapValues(JSONValue.string))]
        }
    }

    /// `PUT …/tags` replaces the tags; `PATCH …/tags` merges them, a `null` value removing a key.
    func changeTags(project: String, name: String, body: JSONValue, replace: Bool) async throws(EmulatorError) -> JSONValue {
        if let problem = AivenSchemaValidator(schema: RequestSchemas.tagsReplace).firstProblem(in: body) {
            throw EmulatorError.invalidInput(problem)
        }
        let members = body["tags"]?.objectValue ?? [:]
        let removed = replace ? [] : members.filter { $0.value.isNull }.map(\.key)
        let set = try ServiceRequestValidator.tags(.object(members.filter { replace || !$0.value.isNull })) ?? [:]
        return try await mutate(project) { (state, time) throws(EmulatorError) in
            guard var service = state.service(name, at: time, timings) else { throw .serviceNotFound(name) }
            if replace {
                service.tags = set
            } else {
                service.tags.merge(set) { _, new in new }
                for key in removed { service.tags[key] = nil }
            }
            service.updateTime = time
            state.put(service)
            return ["message": "tags updated"]
        }
    }
}
