import PlanKit
/// Why the plan's history cannot be read: one sentence each, exit 2 (CONTRACT §12).
public enum GitHistoryError: UserFacingError, Equatable, CustomStringConvertible {
    public var sentence: String { description }

    case noGit
    case notARepository(path: String)
    case untracked(path: String)
    case gitFailed(command: String, message: String)

    public var description: String {
        switch self {
        case .noGit:
            "history reads the plan's commits with git, and no git was found on PATH; install git or add it to PATH."
        case .notARepository(let path):
            "\(path) is not in a git repository, so it has no history to read; run plantrack history inside the repository that holds the plan."
        case .untracked(let path):
            "\(path) is not tracked by git, so it has no history yet; commit it (git add and git commit) first."
        case .gitFailed(let command, let message):
            "git \(command) failed: \(message)"
        }
    }

    public var exitCode: Int32 { 2 }
}
