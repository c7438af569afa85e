import Foundation
import KubeAPI
import KubeClient
import Logging
import ServiceLifecycle

/// Records `v1` Events about objects, for `kubectl describe`. Callers emit on transitions; the
/// recorder also drops a repeat of the same reason and message for the same object within
/// `repeatWindow`, so a retry loop never floods the API. Recording never fails a reconcile.
///
/// Run as a `Service`, it sends events in the background, as client-go's broadcaster does: a
/// reconcile hands its event over and goes on instead of waiting for the API server (one round
/// trip less on every create or update). At most ``capacity`` events wait; beyond that new ones
/// are dropped with a log line. Graceful shutdown sends what waits, then events are sent as they
/// come. Not running (a reconciler driven by hand), it sends each event before returning.
public actor EventRecorder: Service {
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

    /// How many events may wait to be sent.
    public static let capacity = 4096
    /// How many events are sent at once.
    static let concurrentSends = 4
    /// Events to send; those before `sent` are sent already.
    private var waiting: [(namespace: String, event: JSONValue)] = []
    private var sent = 0
    private var sender: Sender = .notRunning
    private var wake: CheckedContinuation<Void, Never>?
    private var dropped = 0

    /// Whether events are sent in the background (the recorder runs and is not shutting down).
    var isSending: Bool {
        if case .running = sender { true } else { false }
    }

    private enum Sender {
        /// Each event is sent before `record` returns.
        case notRunning
        case running
        /// Shutting down: send what waits, then stop.
        case draining
    }

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
        // Secret values the process knows never reach an event (``Redactor``).
        let message = Redactor.shared.scrub(message)
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
        switch sender {
        case .notRunning:
            await send(event, namespace: namespace)
        case .running, .draining:
            guard waiting.count - sent < Self.capacity else {
                dropped += 1
                if dropped == 1 || dropped.isMultiple(of: 1000) {
                    logger.warning("events dropped: the API server is not keeping up", metadata: ["dropped": "\(dropped)", "reason": "\(reason)"])
                }
                return
            }
            waiting.append((namespace, event))
            wake?.resume()
            wake = nil
        }
    }

    /// Sends waiting events, ``concurrentSends`` at a time, until graceful shutdown (then what
    /// waits is sent first) or cancellation.
    public func run() async throws {
        sender = .running
        await withTaskCancellationHandler {
            await withGracefulShutdownHandler {
                while let batch = await nextBatch() {
                    await withDiscardingTaskGroup { group in
                        for (namespace, event) in batch {
                            group.addTask { await self.send(event, namespace: namespace) }
                        }
                    }
                }
            } onGracefulShutdown: {
                Task { await self.drain() }
            }
        } onCancel: {
            Task { await self.drain() }
        }
        sender = .notRunning
    }

    /// The next events to send; `nil` once draining and nothing waits.
    private func nextBatch() async -> [(namespace: String, event: JSONValue)]? {
        while sent == waiting.count {
            if case .draining = sender { return nil }
            if Task.isCancelled { return nil }
            await withCheckedContinuation { wake = $0 }
        }
        let batch = Array(waiting[sent..<min(sent + Self.concurrentSends, waiting.count)])
        sent += batch.count
        // Sent events leave the buffer in one move once they are half of it: O(1) per event.
        if sent == waiting.count {
            waiting.removeAll(keepingCapacity: true)
            sent = 0
        } else if sent * 2 >= waiting.count {
            waiting.removeFirst(sent)
            sent = 0
        }
        return batch
    }

    private func drain() {
        sender = .draining
        wake?.resume()
        wake = nil
    }

    private nonisolated func send(_ event: JSONValue, namespace: String) async {
        do {
            _ = try await client.resources(ResourceType(group: "", version: "v1", plural: "events", namespaced: true), namespace: namespace).create(event)
        } catch {
            logger.debug("event not recorded", metadata: ["reason": "\(event["reason"]?.stringValue ?? "")", "error": "\(error)"])
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
