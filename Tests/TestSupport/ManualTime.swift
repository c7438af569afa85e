import Foundation
import Synchronization

/// A wall clock that moves only when a test says so.
public final class ManualTime: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: 1_780_000_000))

    public init() {}

    public var now: Date { current.withLock { $0 } }

    public func advance(seconds: Double) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}
