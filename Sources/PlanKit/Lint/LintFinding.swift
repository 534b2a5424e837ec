/// One structural problem of a plan, with the line it is on.
public struct LintFinding: Sendable, Equatable {
    public enum Severity: String, Sendable { case error, warning }

    /// The file the line is in when it is not the plan: a serverless file of the project
    /// (`services/users/serverless.yml`, relative to the project, or as shown to the user).
    public var file: String?
    public var line: Int
    public var severity: Severity
    /// A stable name for scripts: `duplicate-id`, `done-parent-open-children`, …
    public var rule: String
    public var message: String

    public init(file: String? = nil, line: Int, severity: Severity, rule: String, message: String) {
        self.file = file
        self.line = line
        self.severity = severity
        self.rule = rule
        self.message = message
    }
}
