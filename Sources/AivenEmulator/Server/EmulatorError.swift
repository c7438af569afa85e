import KubeAPI

/// A failed emulated call, answered in Aiven's error shape:
/// `{"errors":[{"message":…,"status":…}],"message":…}`. An integer `errorCode` (the schema
/// registry's own, `40401`) is also given at the top, where registry clients read it.
struct EmulatorError: Error, Sendable, Hashable {
    var status: Int
    var message: String
    var errorCode: JSONValue?

    init(_ status: Int, _ message: String, errorCode: JSONValue? = nil) {
        self.status = status
        self.message = message
        self.errorCode = errorCode
    }

    /// The response body.
    var body: JSONValue {
        var item: [String: JSONValue] = ["message": .string(message), "status": .integer(Int64(status))]
        if let errorCode { item["error_code"] = errorCode }
        var body: JSONValue = ["errors": [.object(item)], "message": .string(message)]
        if case .integer = errorCode { body["error_code"] = errorCode }
        return body
    }

    static func invalid(_ message: String) -> EmulatorError { EmulatorError(400, message) }

    static func serviceNotFound(_ name: String) -> EmulatorError {
        EmulatorError(404, "Service \(name) does not exist", errorCode: "service_does_not_exist")
    }

    static let invalidToken = EmulatorError(401, "Invalid token")

    /// What Aiven's front end answers a body over its limit.
    static func bodyTooLarge(limit: Int) -> EmulatorError { EmulatorError(413, "Request Entity Too Large (limit \(limit) bytes)") }

    /// A `{project}` that cannot be an Aiven project name (the reference CRDs' `^[a-zA-Z0-9_-]+$`,
    /// at most 63 characters), such as `..`.
    static func invalidProjectName(_ name: String) -> EmulatorError {
        EmulatorError(400, "Invalid project name '\(name)': use 1-63 letters, digits, '_' or '-'", errorCode: "invalid_project_name")
    }

    static func isValidProjectName(_ name: String) -> Bool {
        (1...63).contains(name.utf8.count) && name.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
    }

    static let controlAPIRefused = EmulatorError(
        403, "The emulator's control API (/_emulator/) only answers clients on the loopback interface", errorCode: "permission_denied")

    static let terminationProtected = EmulatorError(
        403, "Service is protected against termination and shutdown. Remove termination protection first.")

    /// `Invalid input for <path>: <problem>` (or `Invalid input: <problem>` at the top).
    static func invalidInput(_ problem: SchemaProblem) -> EmulatorError {
        invalid(problem.path.isEmpty ? "Invalid input: \(problem.message)" : "Invalid input for \(problem.path): \(problem.message)")
    }
}
