/// One structural problem of a plan, with the line it is on.
public struct LintFinding: Sendable, Equatable {
    public enum Severity: String, Sendable { case error, warning }

    public var line: Int
    public var severity: Severity
    /// A stable name for scripts: `duplicate-id`, `done-parent-open-children`, …
    public var rule: String
    public var message: String
}
