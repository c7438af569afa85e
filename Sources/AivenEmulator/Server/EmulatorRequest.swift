import KubeAPI

/// What a route handler needs from a request: path parameters and the parsed JSON body.
struct EmulatorRequest: Sendable {
    var parameters: [String: String]
    /// The body, `nil` when empty.
    var body: JSONValue?
    /// The query parameters (`include_secrets`), decoded; the last of a repeated name.
    var query: [String: String] = [:]

    func parameter(_ name: String) -> String { parameters[name] ?? "" }

    /// The body, or a 400 when there is none.
    var requiredBody: JSONValue {
        get throws(EmulatorError) {
            guard let body else { throw EmulatorError.invalid("Invalid input: None is not of type 'object'") }
            return body
        }
    }
}
