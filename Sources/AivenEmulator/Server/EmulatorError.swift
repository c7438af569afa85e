import KubeAPI

/// A failed emulated call, answered in Aiven's error shape:
/// `{"errors":[{"message":…,"status":…}],"message":…}`.
struct EmulatorError: Error, Sendable, Hashable {
    var status: Int
    var message: String
    var errorCode: String?

    init(_ status: Int, _ message: String, errorCode: String? = nil) {
        self.status = status
        self.message = message
        self.errorCode = errorCode
    }

    /// The response body.
    var body: JSONValue {
        var item: [String: JSONValue] = ["message": .string(message), "status": .integer(Int64(status))]
        if let errorCode { item["error_code"] = .string(errorCode) }
        return ["errors": [.object(item)], "message": .string(message)]
    }

    static func invalid(_ message: String) -> EmulatorError { EmulatorError(400, message) }

    static func serviceNotFound(_ name: String) -> EmulatorError {
        EmulatorError(404, "Service \(name) does not exist", errorCode: "service_does_not_exist")
    }

    static let invalidToken = EmulatorError(401, "Invalid token")

    static let controlAPIRefused = EmulatorError(
        403, "The emulator's control API (/_emulator/) only answers clients on the loopback interface", errorCode: "permission_denied")

    static let terminationProtected = EmulatorError(
        403, "Service is protected against termination and shutdown. Remove termination protection first.")

    /// `Invalid input for <path>: <problem>` (or `Invalid input: <problem>` at the top).
    static func invalidInput(_ problem: SchemaProblem) -> EmulatorError {
        invalid(problem.path.isEmpty ? "Invalid input: \(problem.message)" : "Invalid input for \(problem.path): \(problem.message)")
    }
}
