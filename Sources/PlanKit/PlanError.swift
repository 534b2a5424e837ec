/// Everything that can go wrong with a plan, each with the sentence a user reads and
/// the exit code CONTRACT §2 gives it.
public enum PlanError: UserFacingError, Equatable, CustomStringConvertible {
    case missing(path: String)
    case notAFile(path: String)
    case unreadable(path: String, reason: String)
    case notText(path: String, line: Int, reason: String)
    case unwritable(path: String, reason: String)
    /// A file was made at the path while a new one was being written there: it is kept.
    case appeared(path: String)
    case unknownItem(path: String, reference: String)
    case badReference(reference: String)
    case ambiguousReference(path: String, reference: String, lines: [Int])
    case unknownState(String)
    case itemGone(path: String, reference: String)
    case bytesMoved(path: String, line: Int)
    case notARegularFile(path: String)
    case tooLarge(path: String, size: Int, limit: Int)
    case unsettled(path: String)
    case readOnly(path: String)
    case locked(path: String)
    case keepsChanging(path: String)
    case ambiguousAfterEdit(path: String, reference: String, lines: [Int])
    case changedOnDisk(path: String, reference: String, detail: String)
    case unusableMark(mark: String, reason: String)
    case needsAFile

    public var description: String {
        switch self {
        case .missing(let path):
            "\(path): no such plan file; pass --plan FILE or create it."
        case .notAFile(let path):
            "\(path) is a directory, not a plan file; pass --plan with the markdown file inside it."
        case .unreadable(let path, let reason):
            "\(path) cannot be read: \(reason)."
        case .notText(let path, let line, let reason):
            "\(path), line \(line): \(reason); a plan must be UTF-8 text."
        case .unwritable(let path, let reason):
            "\(path) cannot be written (\(reason)); the plan was left as it was."
        case .appeared(let path):
            "\(path) cannot be written: something appeared there meanwhile and was kept as it is; nothing was written."
        case .unknownItem(let path, let reference):
            "\(path) has no task item \(reference); ids are as written after TODO (2.5), or L<line> for items without one."
        case .ambiguousReference(let path, let reference, let lines):
            "\(path): \(reference) names lines \(Self.list(lines.map(String.init))): use \(Self.list(lines.map { "L\($0)" }, or: true))."
        case .badReference(let reference):
            "'\(reference)' is not an item reference: use the id after TODO (like 2.5 or 2.5a) or L<line> (like L48)."
        case .unknownState(let state):
            "'\(state)' is not a state: use todo, done, progress, aborted, cancelled, or a single mark character."
        case .itemGone(let path, let reference):
            "\(path) changed on disk and item \(reference) can no longer be found in it; nothing was written."
        case .bytesMoved(let path, let line):
            "\(path), line \(line): the mark is not where the plan said it was; nothing was written."
        case .notARegularFile(let path):
            "\(path) is not a regular file; a plan must be a regular file (not a device, pipe or socket)."
        case .tooLarge(let path, let size, let limit):
            "\(path) is \(size >> 20) MiB; PlanTrack reads plans up to \(limit >> 20) MiB."
        case .unsettled(let path):
            "\(path) kept changing while it was read (another program is saving it); nothing was written."
        case .readOnly(let path):
            "\(path) is read-only; nothing written."
        case .locked(let path):
            "\(path) is being written by another plantrack process that has not finished; nothing was written."
        case .keepsChanging(let path):
            "\(path) changed on disk each time the change was about to be written; nothing was written."
        case .ambiguousAfterEdit(let path, let reference, let lines):
            "\(path) changed on disk and \(reference) now matches lines \(Self.list(lines.map(String.init))); nothing was written."
        case .changedOnDisk(let path, let reference, let detail):
            "\(path): \(reference) changed on disk (\(detail)); nothing was written."
        case .unusableMark(let mark, let reason):
            "'\(mark)' cannot be a mark: \(reason); a raw mark is one character (one code point) such as ? or ~."
        case .needsAFile:
            "mark writes the plan back, so it needs a file: pass --plan FILE, not --plan -."
        }
    }

    public var sentence: String { description }

    private static func list(_ words: [String], or: Bool = false) -> String {
        guard words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + (or ? " or " : " and ") + words[words.count - 1]
    }

    /// 2 for bad input or usage, 3 for file I/O.
    public var exitCode: Int32 {
        switch self {
        case .missing, .notAFile, .unreadable, .unwritable, .appeared, .itemGone, .bytesMoved, .notARegularFile, .tooLarge,
             .unsettled, .readOnly, .locked, .keepsChanging, .ambiguousAfterEdit, .changedOnDisk: 3
        case .notText, .unknownItem, .badReference, .ambiguousReference, .unknownState, .unusableMark, .needsAFile: 2
        }
    }
}
