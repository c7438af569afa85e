import KubeAPI

/// The shapes of the control API's request bodies (`/_emulator/…`), in the dialect
/// ``AivenSchemaValidator`` reads. Every number is bounded, so no input can overflow a timer or
/// a counter; unknown keys are refused.
enum ControlSchemas {
    /// Longest injected hang, in seconds.
    static let maxHangSeconds = 3600
    /// Longest rate-limit window, in seconds (a day).
    static let maxWindowSeconds = 86_400

    static let fault: JSONValue = [
        "type": "object",
        "properties": [
            "method": ["type": "string", "min_length": 1, "max_length": 16, "pattern": "^([A-Za-z]+|\\*)$"],
            "path": ["type": "string", "min_length": 1, "max_length": 2048],
            "count": ["type": "integer", "minimum": 1, "maximum": 1_000_000],
            "status": ["type": "integer", "minimum": 400, "maximum": 599],
            "message": ["type": "string", "max_length": 4096],
            "retry_after": ["type": "integer", "minimum": 0, "maximum": .integer(Int64(maxWindowSeconds))],
            "hang_seconds": ["type": "number", "minimum": 0, "maximum": .integer(Int64(maxHangSeconds))],
            "drop": ["type": "boolean"],
        ],
    ]

    static let rateLimit: JSONValue = [
        "type": "object",
        "properties": [
            "requests": ["type": ["integer", "null"], "minimum": 1, "maximum": 1_000_000_000],
            "per_seconds": ["type": "number", "minimum": 0.001, "maximum": .integer(Int64(maxWindowSeconds))],
        ],
    ]

    static let consoleChange: JSONValue = [
        "type": "object",
        "properties": [
            "plan": ["type": "string", "min_length": 1, "max_length": 128],
            "cloud": ["type": "string", "min_length": 1, "max_length": 256],
            "user_config": ["type": "object"],
            "tags": ["type": "object"],
            "termination_protection": ["type": "boolean"],
            "state": ["type": "string", "enum": [["value": "RUNNING"], ["value": "POWEROFF"], ["value": "REBUILDING"], ["value": "REBALANCING"]]],
        ],
    ]

    static let userConfigMode: JSONValue = [
        "type": "object",
        "required": ["mode"],
        "properties": [
            "mode": ["type": "string", "enum": .array(UserConfigBehaviour.allCases.map { ["value": .string($0.rawValue)] })]
        ],
    ]

    static let connectorTaskFailure: JSONValue = [
        "type": "object",
        "properties": [
            "task": ["type": "integer", "minimum": 0, "maximum": 999],
            "trace": ["type": "string", "min_length": 1, "max_length": 65536],
            "class": ["type": "string", "enum": [["value": "credentials"], ["value": "configuration"], ["value": "transient"]]],
            "failing_restarts": ["type": "integer", "minimum": 0, "maximum": 1000],
        ],
    ]

    /// Checks `body` against `schema`: a 400 naming the first problem.
    static func check(_ body: JSONValue, against schema: JSONValue) throws(EmulatorError) {
        try AivenSchemaValidator(schema: schema).require(body)
    }
}
