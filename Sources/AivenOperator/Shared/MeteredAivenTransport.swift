import AivenClient
import Metrics

/// Counts every Aiven API call by method, route template and status
/// (`aiven_api_requests_total{method="GET",route="/v1/project/{project}/service/{service}",status="200"}`).
struct MeteredAivenTransport: AivenTransport {
    let base: any AivenTransport

    func send(_ request: AivenRequest, timeout: Duration) async throws(AivenError) -> AivenResponse {
        let route = Self.route(request.path)
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

    /// The path with names and ids replaced by placeholders, so the metric has few label values.
    static func route(_ path: String) -> String {
        let pathOnly = path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? path
        var segments = pathOnly.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let placeholders = ["project": "{project}", "service": "{service}", "vpcs": "{vpc}", "integration": "{integration}"]
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
