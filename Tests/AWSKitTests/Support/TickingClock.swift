import Foundation

/// A clock that moves one second forward each time it is read, so two signatures
/// made in the same real second still carry different dates.
final class TickingClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(start: Date = Date()) { current = start }

    /// Jumps ahead, as a long dashboard session does between refreshes.
    func advance(_ seconds: TimeInterval) {
        lock.lock()
        defer { lock.unlock() }
        current = current.addingTimeInterval(seconds)
    }

    func read() -> Date {
        lock.lock()
        defer { lock.unlock() }
        current = current.addingTimeInterval(1)
        return current
    }
}
