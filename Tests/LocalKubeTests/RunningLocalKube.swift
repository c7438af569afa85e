import AivenOperator
import AivenResources
import Foundation
import KubeAPI
import LocalKube
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A LocalKube started on a free loopback port with the project's CRDs, plus a raw HTTP helper,
/// so tests talk to it over the wire.
struct RunningLocalKube {
    /// One HTTP answer.
    struct Answer {
        var code: Int
        var body: JSONValue
        var headers: [String: String]
        var warnings: [String]
    }

    let kube: LocalKube
    let port: Int
    var isTLS = false
    var server: String { "\(isTLS ? "https" : "http")://127.0.0.1:\(port)" }

    static func start(
        stateDirectory: String? = nil, bearerToken: String? = nil, historyLimit: Int = 1000, tls: TLSMaterial? = nil,
        configure: (inout LocalKubeConfiguration) -> Void = { _ in }
    ) async throws -> RunningLocalKube {
        var configuration = LocalKubeConfiguration(
            stateDirectory: stateDirectory, definitions: Operator.definitions.map(\.definition), bearerToken: bearerToken, historyLimit: historyLimit,
            tls: tls
        )
        configure(&configuration)
        let kube = LocalKube(configuration: configuration)
        return RunningLocalKube(kube: kube, port: try await kube.start(), isTLS: tls != nil)
    }

    func stop() async {
        await kube.stop()
    }

    /// Sends a request and parses the JSON answer (`.null` for an empty or non-JSON body).
    @discardableResult
    func request(
        _ method: String, _ path: String, body: JSONValue? = nil, contentType: String = "application/json", accept: String = "application/json",
        rawBody: String? = nil, bytes: [UInt8]? = nil, token: String? = nil, headers extraHeaders: [String: String] = [:]
    ) async throws -> Answer {
        var request = URLRequest(url: URL(string: server + path)!)
        request.httpMethod = method
        for (name, value) in extraHeaders { request.setValue(value, forHTTPHeaderField: name) }
        request.setValue(accept, forHTTPHeaderField: "Accept")
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let payload = bytes ?? (rawBody ?? body?.jsonString).map({ Array($0.utf8) }) {
            request.setValue(contentType, forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(payload)
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            headers[String(describing: key).lowercased()] = String(describing: value)
        }
        let parsed = (try? JSONParser().parse(Array(data))) ?? .null
        let warnings = headers["warning"].map { Self.splitWarnings($0) } ?? []
        return Answer(code: http.statusCode, body: parsed, headers: headers, warnings: warnings)
    }

    /// URLSession folds repeated headers into one comma-separated value.
    private static func splitWarnings(_ value: String) -> [String] {
        value.components(separatedBy: ", 299 - ").map { $0.hasPrefix("299 - ") ? String($0.dropFirst(6)) : $0 }
    }

    /// A KafkaConnect manifest as JSON.
    static func kafkaConnect(_ name: String, plan: String = "business-4", extraSpec: [String: JSONValue] = [:]) -> JSONValue {
        var spec: [String: JSONValue] = ["project": "my-project", "cloudName": "google-europe-west1", "plan": .string(plan)]
        spec.merge(extraSpec) { _, new in new }
        return ["apiVersion": "aiven.io/v1alpha1", "kind": "KafkaConnect", "metadata": ["name": .string(name)], "spec": .object(spec)]
    }

    static let kafkaConnects = "/apis/aiven.io/v1alpha1/namespaces/default/kafkaconnects"
}
