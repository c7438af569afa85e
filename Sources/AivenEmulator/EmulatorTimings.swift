/// How long the emulated Aiven takes for things that take time on the real one.
public struct EmulatorTimings: Sendable, Hashable {
    /// `REBUILDING` → `RUNNING` after create and power-on.
    public var provisionDelay: Duration
    /// `REBALANCING` → `RUNNING` after a plan, cloud or VPC change.
    public var rebalanceDelay: Duration
    /// `APPROVED` → `ACTIVE` for a new project VPC, and `DELETING` → gone after a delete.
    public var vpcDelay: Duration
    /// Time `RUNNING` before the first backup appears.
    public var backupAfter: Duration
    /// `CONFIGURING` → `ACTIVE` for a new Kafka topic (a `GET` of it answers 501 meanwhile).
    public var topicDelay: Duration

    /// Timings; by default everything takes a few seconds.
    public init(
        provisionDelay: Duration = .seconds(5),
        rebalanceDelay: Duration? = nil,
        vpcDelay: Duration? = nil,
        backupAfter: Duration = .seconds(5),
        topicDelay: Duration? = nil
    ) {
        self.provisionDelay = provisionDelay
        self.rebalanceDelay = rebalanceDelay ?? provisionDelay
        self.vpcDelay = vpcDelay ?? provisionDelay
        self.backupAfter = backupAfter
        self.topicDelay = topicDelay ?? min(provisionDelay, .seconds(1))
    }
}

extension Duration {
    /// Seconds as a `TimeInterval`.
    var timeInterval: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
