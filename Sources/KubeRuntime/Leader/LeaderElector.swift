import Foundation
import KubeAPI
import KubeClient
import Logging
import Metrics

/// Leader election on a `coordination.k8s.io/v1` Lease, so that of several operator replicas
/// exactly one reconciles. The holder renews the lease every `retryPeriod`; a lease not renewed
/// for `leaseDuration` may be taken over. When renewal fails for `renewDeadline` the leader stops
/// its work at once (before another replica can take over) and ``run(whileLeading:)`` throws.
public struct LeaderElector: Sendable {
    public struct Configuration: Sendable {
        public var namespace: String
        public var name: String
        public var identity: String
        public var leaseDuration: Duration
        public var renewDeadline: Duration
        public var retryPeriod: Duration

        public init(
            namespace: String,
            name: String,
            identity: String,
            leaseDuration: Duration = .seconds(15),
            renewDeadline: Duration = .seconds(10),
            retryPeriod: Duration = .seconds(2)
        ) {
            self.namespace = namespace
            self.name = name
            self.identity = identity
            self.leaseDuration = leaseDuration
            self.renewDeadline = renewDeadline
            self.retryPeriod = retryPeriod
        }
    }

    /// Leadership was lost while leading.
    public struct LeadershipLost: Error, CustomStringConvertible {
        public var description: String { "leader election lost" }
    }

    let client: ResourceClient<Lease>
    let configuration: Configuration
    let logger: Logger

    /// controller-runtime's `leader_election_master_status{name}`: 1 while leading, else 0.
    let leading: Gauge

    public init(kube: KubeClient, configuration: Configuration, logger: Logger) {
        client = kube.resources(Lease.self, namespace: configuration.namespace)
        self.configuration = configuration
        self.logger = logger
        leading = Gauge(label: "leader_election_master_status", dimensions: [("name", configuration.name)])
        leading.record(0)
    }

    /// Waits to become leader, then runs `work` while renewing the lease. Returns when `work`
    /// returns and throws when it throws or is cancelled (a graceful shutdown), releasing the
    /// lease either way, so the next replica leads at once instead of after `leaseDuration`
    /// (controller-runtime's `LeaderElectionReleaseOnCancel`). Throws ``LeadershipLost`` when the
    /// lease cannot be renewed (then it is not ours to release).
    public func run(whileLeading work: @escaping @Sendable () async throws -> Void) async throws {
        while try await !tryAcquireOrRenew() {
            try await Task.sleep(for: configuration.retryPeriod)
        }
        logger.info("became leader", metadata: ["lease": "\(configuration.namespace)/\(configuration.name)", "identity": "\(configuration.identity)"])
        leading.record(1)
        defer { leading.record(0) }
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await work() }
                group.addTask { try await self.keepRenewing() }
                defer { group.cancelAll() }
                try await group.next()
            }
        } catch let lost as LeadershipLost {
            throw lost
        } catch {
            await releaseEvenIfCancelled()
            throw error
        }
        await releaseEvenIfCancelled()
    }

    /// ``release()`` in a task of its own: a cancelled caller (shutdown) still gets its write out.
    private func releaseEvenIfCancelled() async {
        await Task { await self.release() }.value
        logger.info("released the lease", metadata: ["lease": "\(configuration.namespace)/\(configuration.name)"])
    }

    private func keepRenewing() async throws {
        var lastRenewal = ContinuousClock.now
        while true {
            try await Task.sleep(for: configuration.retryPeriod)
            if (try? await tryAcquireOrRenew()) == true {
                lastRenewal = .now
            } else if ContinuousClock.now - lastRenewal >= configuration.renewDeadline {
                logger.error("lost leadership", metadata: ["lease": "\(configuration.namespace)/\(configuration.name)"])
                throw LeadershipLost()
            }
        }
    }

    /// Takes the lease if it is free, expired or already ours; `false` when another holder has it.
    func tryAcquireOrRenew() async throws -> Bool {
        let now = Date()
        let nowText = Self.microTime(now)
        let durationSeconds = Int(configuration.leaseDuration.components.seconds)
        guard let existing = try await currentLease() else {
            let lease = Lease(
                metadata: ObjectMeta(name: configuration.name, namespace: configuration.namespace),
                spec: Lease.Spec(holderIdentity: configuration.identity, leaseDurationSeconds: durationSeconds, acquireTime: nowText, renewTime: nowText, leaseTransitions: 0)
            )
            return try await succeeds { () throws(KubeError) in _ = try await client.create(lease) }
        }
        var spec = existing.spec ?? Lease.Spec()
        let holder = spec.holderIdentity ?? ""
        if holder != configuration.identity, !holder.isEmpty {
            let renewed = spec.renewTime.flatMap(MetaTime.date) ?? .distantPast
            let duration = TimeInterval(spec.leaseDurationSeconds ?? durationSeconds)
            guard renewed.addingTimeInterval(duration) < now else { return false }
        }
        if holder != configuration.identity {
            spec.acquireTime = nowText
            spec.leaseTransitions = (spec.leaseTransitions ?? 0) + 1
        }
        spec.holderIdentity = configuration.identity
        spec.leaseDurationSeconds = durationSeconds
        spec.renewTime = nowText
        var updated = existing
        updated.spec = spec
        return try await succeeds { () throws(KubeError) in _ = try await client.replace(updated) }
    }

    private func currentLease() async throws(KubeError) -> Lease? {
        do {
            return try await client.get(configuration.name)
        } catch {
            if case .notFound = error { return nil }
            throw error
        }
    }

    /// Runs a lease write; losing a race to another replica (409) is `false`, not an error.
    private func succeeds(_ write: () async throws(KubeError) -> Void) async throws(KubeError) -> Bool {
        do {
            try await write()
            return true
        } catch {
            switch error {
            case .conflict, .alreadyExists: return false
            default: throw error
            }
        }
    }

    /// Gives the lease up so another replica need not wait for it to expire.
    private func release() async {
        guard var lease = try? await client.get(configuration.name), lease.spec?.holderIdentity == configuration.identity else { return }
        lease.spec?.holderIdentity = ""
        lease.spec?.leaseDurationSeconds = 1
        _ = try? await client.replace(lease)
    }

    static func microTime(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
