/// How many task items are in each state.
public struct StateCounts: Sendable, Equatable {
    public var todo = 0, done = 0, progress = 0, aborted = 0, cancelled = 0, other = 0

    public init() {}

    public init<S: Sequence>(states: S) where S.Element == ItemState {
        for state in states { add(state) }
    }

    public var total: Int { todo + done + progress + aborted + cancelled + other }

    public mutating func add(_ state: ItemState) {
        switch state {
        case .todo: todo += 1
        case .done: done += 1
        case .progress: progress += 1
        case .aborted: aborted += 1
        case .cancelled: cancelled += 1
        case .other: other += 1
        }
    }

    public subscript(state: ItemState) -> Int {
        switch state {
        case .todo: todo
        case .done: done
        case .progress: progress
        case .aborted: aborted
        case .cancelled: cancelled
        case .other: other
        }
    }

    /// CONTRACT §3: Not Started while nothing is done or in progress, Completed when
    /// every task is settled, else In Progress.
    public var derivedStatus: String {
        // The rules are tried in the contract's order: a plan whose tasks are all
        // aborted has started nothing.
        if done == 0 && progress == 0 { return "Not Started" }
        if done + aborted + cancelled == total { return "Completed" }
        return "In Progress"
    }

    /// The values `derivedStatus` can take.
    public static let derivedStatuses: Set<String> = ["Not Started", "In Progress", "Completed"]

    /// A Status PlanTrack may rewrite (CONTRACT §4): a derived value, or nothing. Any
    /// other value (`Blocked — waiting on sign-off`) is the author's.
    public static func isDerived(status value: String) -> Bool {
        derivedStatuses.contains(value) || value.allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// Done, aborted or cancelled: what progress bars fill.
    public var settled: Int { done + aborted + cancelled }

    /// Share of settled work, 0...1, for progress bars.
    public var fractionSettled: Double {
        total == 0 ? 0 : Double(done + aborted + cancelled) / Double(total)
    }
}
