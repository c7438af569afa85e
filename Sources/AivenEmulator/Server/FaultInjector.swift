import KubeAPI

/// Failures injected through `POST /_emulator/faults`, consumed by matching requests.
///
/// A rule matches a method (or `*`) and a path: either the concrete path
/// (`/v1/project/p/service/s`), the route template (`/v1/project/{project}/service/{service_name}`)
/// or `*`. Each match uses up one of its `count` requests. Rules are tried in the order added.
actor FaultInjector {
    enum Action: Sendable, Hashable {
        /// Answer with this status and message in Aiven's error shape.
        case respond(status: Int, message: String, retryAfter: Int?)
        /// Wait, then handle the request normally.
        case hang(seconds: Double)
        /// Close the connection without an answer.
        case drop
    }

    private struct Rule: Sendable {
        var id: Int
        var method: String
        var path: String
        var remaining: Int
        var action: Action

        var json: JSONValue {
            var body: JSONValue = ["id": .integer(Int64(id)), "method": .string(method), "path": .string(path), "count": .integer(Int64(remaining))]
            switch action {
            case .respond(let status, let message, let retryAfter):
                body["status"] = .integer(Int64(status))
                body["message"] = .string(message)
                if let retryAfter { body["retry_after"] = .integer(Int64(retryAfter)) }
            case .hang(let seconds): body["hang_seconds"] = .number(seconds)
            case .drop: body["drop"] = true
            }
            return body
        }
    }

    private var rules: [Rule] = []
    private var nextID = 1

    /// Adds a rule from `{"method", "path", "count", and one of "status" (+ "message",
    /// "retry_after"), "hang_seconds", "drop": true}`. Input outside ``ControlSchemas/fault`` is a
    /// 400 and adds nothing.
    func add(_ body: JSONValue) throws(EmulatorError) -> JSONValue {
        try ControlSchemas.check(body, against: ControlSchemas.fault)
        let method = body["method"]?.stringValue?.uppercased() ?? "*"
        let path = body["path"]?.stringValue ?? "*"
        let count = body["count"]?.integerValue ?? 1
        let kinds = ["status", "hang_seconds", "drop"].filter { body[$0] != nil }
        guard kinds.count == 1 else {
            throw EmulatorError.invalid("Invalid input: a fault needs exactly one of 'status', 'hang_seconds' or 'drop'")
        }
        let action: Action
        if let status = body["status"]?.integerValue {
            let message = body["message"]?.stringValue ?? Self.defaultMessage(status: Int(status))
            action = .respond(status: Int(status), message: message, retryAfter: body["retry_after"]?.integerValue.map(Int.init))
        } else if let seconds = body["hang_seconds"]?.doubleValue {
            action = .hang(seconds: seconds)
        } else if body["drop"]?.boolValue == true {
            action = .drop
        } else {
            throw EmulatorError.invalid("Invalid input for drop: only true makes a fault")
        }
        let rule = Rule(id: nextID, method: method, path: path, remaining: Int(count), action: action)
        nextID += 1
        rules.append(rule)
        return rule.json
    }

    /// The action for a request, using up one match of the first rule that applies.
    func take(method: String, path: String, template: String) -> Action? {
        guard let index = rules.firstIndex(where: {
            ($0.method == "*" || $0.method == method) && ($0.path == "*" || $0.path == path || $0.path == template)
        }) else { return nil }
        let action = rules[index].action
        rules[index].remaining -= 1
        if rules[index].remaining == 0 { rules.remove(at: index) }
        return action
    }

    /// `{"faults": [...]}` with the remaining counts.
    var listing: JSONValue { ["faults": .array(rules.map(\.json))] }

    func clear() { rules = [] }

    static func defaultMessage(status: Int) -> String {
        switch status {
        case 429: "The user has sent too many requests in a given amount of time: Rate limit 120 exceeded - try again in 1s"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "Injected failure"
        }
    }
}
