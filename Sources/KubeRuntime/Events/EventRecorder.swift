import Foundation
import KubeAPI
import KubeClient
import Logging

/// Records `v1` Events about objects, for `kubectl describe`. Callers emit on transitions; the
/// recorder also drops a repeat of the same reason and message for the same object within
/// `repeatWindow`, so a retry loop never floods the API. Recording never fails a reconcile.
public actor EventRecorder {
    /// `Normal` or `Warning`.
    public enum EventType: String, Sendable {
        case normal = "Normal"
        case warning = "Warning"
    }

    private let client: KubeClient
    private let component: String
    private let repeatWindow: Duration
    private let logger: Logger
    private var recent: [String: ContinuousClock.Instant] = [:]
    /// When `recent` was last pruned: at most once per tenth of the window, so recording stays
    /// O(1) however many objects had events (pruning on every event was O(N) each).
    private var prunedAt = ContinuousClock.now

    public init(client: KubeClient, component: String, repeatWindow: Duration = .seconds(600), logger: Logger) {
        self.client = client
        self.component = component
        self.repeatWindow = repeatWindow
        self.logger = logger
    }

    /// Records an event about `object`.
    public func record<R: KubeResource>(_ type: EventType, reason: String, message: String, about object: R) async {
        await record(type, reason: reason, message: message, involving: [
            "apiVersion": .string(R.apiVersion),
            "kind": .string(R.kind),
            "name": .string(object.metadata.name ?? ""),
            "namespace": .string(object.metadata.namespace ?? "default"),
            "uid": .string(object.metadata.uid ?? ""),
            "resourceVersion": .string(object.metadata.resourceVersion ?? ""),
        ])
    }

    /// Records an event about an object that could not be decoded.
    public func record(_ type: EventType, reason: String, message: String, about object: UndecodableObject) async {
        await record(type, reason: reason, message: message, involving: [
            "apiVersion": .string(object.apiVersion),
            "kind": .string(object.kind),
            "name": .string(object.name),
            "namespace": .string(object.namespace ?? "default"),
            "uid": .string(object.uid ?? ""),
            "resourceVersion": .string(object.resourceVersion ?? ""),
        ])
    }

    private func record(_ type: EventType, reason: String, message: String, involving involvedObject: JSONValue) async {
        let uid = involvedObject["uid"]?.stringValue ?? ""
        let fingerprint = "\(uid)\u{0}\(reason)\u{0}\(message)"
        let now = ContinuousClock.now
        if let last = recent[fingerprint], now - last < repeatWindow { return }
        recent[fingerprint] = now
        if now - prunedAt >= repeatWindow / 10 {
            recent = recent.filter { now - $0.value < repeatWindow }
            prunedAt = now
        }
        let namespace = involvedObject["namespace"]?.stringValue ?? "default"
        let timestamp = MetaTime.now()
        let event: JSONValue = [
            "apiVersion": "v1",
            "kind": "Event",
            // Named like client-go's recorder: `<object>.<hex nanoseconds>` (a generateName ending
            // in "." is not a valid name prefix).
            "metadata": ["name": .string(eventName(for: involvedObject["name"]?.stringValue ?? "object"))],
            "involvedObject": involvedObject,
            "reason": .string(reason),
            "message": .string(message),
            "type": .string(type.rawValue),
            "source": ["component": .string(component)],
            "reportingComponent": .string(component),
            "firstTimestamp": .string(timestamp),
            "lastTimestamp": .string(timestamp),
            "count": 1,
        ]
        do {
            _ = try await client.resources(ResourceType(group: "", version: "v1", plural: "events", namespaced: true), namespace: namespace).create(event)
        } catch {
            logger.debug("event not recorded", metadata: ["reason": "\(reason)", "error": "\(error)"])
        }
    }

    private var lastNanoseconds: UInt64 = 0

    /// `<object>.<hex nanoseconds since 1970>`, unique within this recorder.
    private func eventName(for object: String) -> String {
        let now = UInt64(max(0, Date().timeIntervalSince1970 * 1e9))
        lastNanoseconds = max(now, lastNanoseconds + 1)
        return "\(object).\(String(lastNanoseconds, radix: 16))"
    }
}
