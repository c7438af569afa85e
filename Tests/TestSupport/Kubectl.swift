import Foundation
import KubeAPI

/// The installed `kubectl` pointed at one cluster: its kubeconfig, a private `HOME` and every
/// call under `timeout`, as the end-to-end and fault environments drive it.
public struct Kubectl: Sendable {
    /// A `kubectl` call that was expected to succeed and did not.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public let kubeconfig: String
    public let home: String

    public init(kubeconfig: String, home: String) {
        self.kubeconfig = kubeconfig
        self.home = home
    }

    /// Runs `kubectl arguments`, feeding `stdin`; the caller judges the exit status.
    @discardableResult
    public func callAsFunction(_ arguments: [String], stdin: String? = nil) async throws -> CommandOutput {
        try await CommandRunner.kubectl(arguments, kubeconfig: kubeconfig, home: home, stdin: stdin)
    }

    /// Runs `kubectl arguments`, which must exit 0.
    @discardableResult
    public func must(_ arguments: [String], stdin: String? = nil) async throws -> CommandOutput {
        let result = try await self(arguments, stdin: stdin)
        guard result.status == 0 else {
            throw Failure(description: "kubectl \(arguments.joined(separator: " ")) failed: \(result.stderr)")
        }
        return result
    }

    /// The object as JSON (`nil` when it does not exist).
    public func get(_ resource: String, _ name: String, namespace: String = "default") async throws -> JSONValue? {
        let result = try await self(["get", resource, name, "-n", namespace, "-o", "json"])
        guard result.status == 0 else {
            if result.stderr.contains("NotFound") { return nil }
            throw Failure(description: "kubectl get failed: \(result.stderr)")
        }
        return try JSONParser().parse(result.stdout)
    }

    /// The status condition of `type` of a KafkaConnect (`nil` when it or the condition is missing).
    public func condition(_ name: String, _ type: String, namespace: String = "default") async throws -> JSONValue? {
        try await get("kafkaconnect", name, namespace: namespace)?["status"]?["conditions"]?.arrayValue?.first { $0["type"]?.stringValue == type }
    }
}
