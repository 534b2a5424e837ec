import Dashboard
import Synchronization

/// Where background work (probes) leaves its results for the run loop, which takes
/// them between keypresses: the loop never waits for a probe.
final class Inbox: Sendable {
    private let pending = Mutex<[Action]>([])

    func post(_ action: Action) { pending.withLock { $0.append(action) } }

    func takeAll() -> [Action] {
        pending.withLock { actions in
            defer { actions.removeAll() }
            return actions
        }
    }
}
