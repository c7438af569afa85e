import HTTPTypes
import Hummingbird
import KubeAPI

/// Building JSON responses.
enum APIResponses {
    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok, warnings: [String] = []) -> Response {
        var headers: HTTPFields = [.contentType: "application/json"]
        for warning in warnings {
            headers.append(HTTPField(name: .warning, value: "299 - \(GoFormat.quote(warning))"))
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: value.jsonBytes)))
    }

    static func error(_ error: APIError) -> Response {
        json(statusJSON(error.status), status: HTTPResponse.Status(code: error.code))
    }

    static func text(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// A `Status` as JSON, with the exact field set the apiserver writes.
    static func statusJSON(_ status: Status) -> JSONValue {
        var object: [String: JSONValue] = ["kind": "Status", "apiVersion": "v1", "metadata": [:]]
        if let token = status.metadata.continue { object["metadata"] = ["continue": .string(token)] }
        object["status"] = status.status.map(JSONValue.string)
        object["message"] = status.message.map(JSONValue.string)
        object["reason"] = status.reason.map(JSONValue.string)
        object["code"] = status.code.map { .integer(Int64($0)) }
        if let details = status.details {
            var detailObject: [String: JSONValue] = [:]
            detailObject["name"] = details.name.map(JSONValue.string)
            detailObject["group"] = details.group.map(JSONValue.string)
            detailObject["kind"] = details.kind.map(JSONValue.string)
            detailObject["uid"] = details.uid.map(JSONValue.string)
            detailObject["retryAfterSeconds"] = details.retryAfterSeconds.map { .integer(Int64($0)) }
            if let causes = details.causes {
                detailObject["causes"] = .array(causes.map { cause in
                    var entry: [String: JSONValue] = [:]
                    entry["reason"] = cause.reason.map(JSONValue.string)
                    entry["message"] = cause.message.map(JSONValue.string)
                    entry["field"] = cause.field.map(JSONValue.string)
                    return .object(entry)
                })
            }
            object["details"] = .object(detailObject)
        }
        return .object(object)
    }
}

extension HTTPField.Name {
    static let warning = HTTPField.Name("Warning")!
}
