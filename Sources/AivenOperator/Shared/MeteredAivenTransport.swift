import AivenClient
import Metrics

/// Counts every Aiven API call by method, route template and status
/// (`aiven_api_requests_total{method="GET",route="/v1/project/{project}/service/{service}",status="200"}`).
struct MeteredAivenTransport: AivenTransport {
    let base: any AivenTransport

    func send(_ request: AivenRequest, timeout: Duration) async throws(AivenError) -> AivenResponse {
        let route = request.route.map(Self.label) ?? Self.route(request.path)
        do {
            let response = try await base.send(request, timeout: timeout)
            count(request, route: route, status: String(response.status))
            return response
        } catch {
            count(request, route: route, status: "error")
            throw error
        }
    }

    private func count(_ request: AivenRequest, route: String, status: String) {
        Counter(label: "aiven_api_requests_total", dimensions: [("method", request.method.rawValue), ("route", route), ("status", status)]).increment()
    }

    /// A route template as the metric's label: `{service_name}` → `{service}`, `{topic_name}` →
    /// `{topic}`, so the label has one value per route, whatever the objects are called.
    /// (A scan, not a regex: a Swift regex literal is compiled again on every call, and this
    /// runs on every Aiven request.)
    static func label(_ template: String) -> String {
        guard template.contains("{") else { return template }
        var label = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            label += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else {
                rest = rest[open...]
                break
            }
            let name = rest[rest.index(after: open)..<close]
            var placeholder = name
            if name.allSatisfy({ $0 == "_" || ("a"..."z").contains($0) }) {
                for suffix in ["_name", "_id"] where name.count > suffix.count && name.hasSuffix(suffix) {
                    placeholder = name.dropLast(suffix.count)
                    break
                }
            }
            label += "{\(placeholder)}"
            rest = rest[rest.index(after: close)...]
        }
        return label + rest
    }

    /// A path without its template (a hand-made request) with every name and id replaced by a
    /// placeholder, as ``label(_:)`` would show it.
    static func route(_ path: String) -> String {
        let pathOnly = path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? path
        var segments = pathOnly.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let placeholders = [
            "project": "{project}", "service": "{service}", "vpcs": "{project_vpc}", "integration": "{integration}", "topic": "{topic}",
            "connectors": "{connector}", "user": "{user}", "acl": "{acl}",
        ]
        var index = 0
        while index + 1 < segments.count {
            if let placeholder = placeholders[segments[index]], !segments[index + 1].isEmpty {
                segments[index + 1] = placeholder
                index += 2
            } else {
                index += 1
            }
        }
        return segments.joined(separator: "/")
    }
}
