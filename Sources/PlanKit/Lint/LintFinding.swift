/// One structural problem of a plan, with the line it is on.
public struct LintFinding: Sendable, Equatable {
    public enum Severity: String, Sendable { case error, warning }

    public var line: Int
    public var severity: Severity
    /// A stable name for scripts: `duplicate-id`, `done-parent-open-children`, …
    public var rule: String
    public var message: String

    public init(line: Int, severity: Severity, rule: String, message: String) {
        self.line = line
        self.severity = severity
        self.rule = rule
        self.message = message
    }
}
