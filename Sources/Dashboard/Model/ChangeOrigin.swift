/// Why a write was asked for, so its success lands on the right history stack.
/// The change itself is PlanKit's `StateChange`; what it did, PlanKit's `EditOutcome`.
public enum ChangeOrigin: Sendable, Equatable { case user, undo, redo }
