import Foundation

/// What a request path addresses, and the route template it is counted under in the request log.
enum APIRoute: Sendable, Equatable {
    /// A resource collection, object or subresource.
    struct ResourcePath: Sendable, Equatable {
        var group: String
        var version: String
        var resource: String
        var namespace: String?
        var name: String?
        var subresource: String?
    }

    case version
    case health(String)
    case coreVersions
    case groups
    case resourceList(group: String, version: String)
    case openAPIIndex
    case openAPIDocument(group: String, version: String)
    case openAPIVersion2
    case requestLog
    case resource(ResourcePath)
    case unknown

    /// `path` as sent, percent-encoded: each segment is decoded after splitting, so a name may
    /// hold an encoded `/` (`a%2Fb`).
    init(path: String) {
        let segments = path.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
        switch segments.first {
        case "version" where segments.count == 1: self = .version
        case "healthz", "readyz", "livez": self = segments.count == 1 ? .health(segments[0]) : .unknown
        case "_localkube" where segments == ["_localkube", "requests"]: self = .requestLog
        case "openapi":
            if segments == ["openapi", "v3"] {
                self = .openAPIIndex
            } else if segments.count == 4, segments[1] == "v3", segments[2] == "api" {
                self = .openAPIDocument(group: "", version: segments[3])
            } else if segments.count == 5, segments[1] == "v3", segments[2] == "apis" {
                self = .openAPIDocument(group: segments[3], version: segments[4])
            } else if segments.count == 2, segments[1] == "v2" {
                self = .openAPIVersion2
            } else {
                self = .unknown
            }
        case "api":
            if segments.count == 1 {
                self = .coreVersions
            } else {
                self = Self.resourceRoute(group: "", version: segments[1], rest: Array(segments.dropFirst(2)))
            }
        case "apis":
            if segments.count == 1 {
                self = .groups
            } else if segments.count >= 3 {
                self = Self.resourceRoute(group: segments[1], version: segments[2], rest: Array(segments.dropFirst(3)))
            } else {
                self = .unknown
            }
        default:
            self = .unknown
        }
    }

    private static func resourceRoute(group: String, version: String, rest: [String]) -> APIRoute {
        if rest.isEmpty { return .resourceList(group: group, version: version) }
        if rest[0] == "namespaces", rest.count >= 3, !(rest.count == 3 && ["status", "finalize"].contains(rest[2])) {
            guard rest.count <= 5 else { return .unknown }
            return .resource(ResourcePath(
                group: group, version: version, resource: rest[2], namespace: rest[1],
                name: rest.count > 3 ? rest[3] : nil, subresource: rest.count > 4 ? rest[4] : nil
            ))
        }
        guard rest.count <= 3 else { return .unknown }
        return .resource(ResourcePath(
            group: group, version: version, resource: rest[0], namespace: nil,
            name: rest.count > 1 ? rest[1] : nil, subresource: rest.count > 2 ? rest[2] : nil
        ))
    }

    /// `/apis/{group}/{version}/namespaces/{namespace}/{resource}/{name}/status` and friends.
    var template: String {
        switch self {
        case .version: "/version"
        case .health(let name): "/\(name)"
        case .coreVersions: "/api"
        case .groups: "/apis"
        case .resourceList(let group, _): group.isEmpty ? "/api/{version}" : "/apis/{group}/{version}"
        case .openAPIIndex: "/openapi/v3"
        case .openAPIDocument(let group, _): group.isEmpty ? "/openapi/v3/api/{version}" : "/openapi/v3/apis/{group}/{version}"
        case .openAPIVersion2: "/openapi/v2"
        case .requestLog: "/_localkube/requests"
        case .unknown: "unknown"
        case .resource(let path):
            (path.group.isEmpty ? "/api/{version}" : "/apis/{group}/{version}")
                + (path.namespace == nil ? "" : "/namespaces/{namespace}")
                + "/{resource}"
                + (path.name == nil ? "" : "/{name}")
                + (path.subresource.map { "/\($0)" } ?? "")
        }
    }
}
