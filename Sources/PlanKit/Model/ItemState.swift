/// What a task's mark means (CONTRACT §3). The mark itself is kept as written;
/// the state is only its reading.
public enum ItemState: String, Sendable, CaseIterable, Codable {
    case todo, done, progress, aborted, cancelled, other

    /// The state a raw mark character stands for.
    public init(mark: String) {
        switch mark {
        case " ": self = .todo
        case "x", "X": self = .done
        case "/": self = .progress
        case "!": self = .aborted
        case "-": self = .cancelled
        default: self = .other
        }
    }

    /// The mark written when a user asks for this state; nil for `other`, which has no
    /// canonical mark.
    public var canonicalMark: String? {
        switch self {
        case .todo: " "
        case .done: "x"
        case .progress: "/"
        case .aborted: "!"
        case .cancelled: "-"
        case .other: nil
        }
    }

    /// Aborted and cancelled items count as settled: they need no more work.
    public var isSettled: Bool { self == .done || self == .aborted || self == .cancelled }

    /// Aborted or cancelled: not going to be done, and neither are the steps under it.
    public var isSetAside: Bool { self == .aborted || self == .cancelled }
}
