import Foundation
import Yams

/// The serverless project's files as one run reads them: the walk, and every file discovery
/// reads (serverless files, the compose file, `.env` files, `${file(…)}` includes) read at most
/// once and parsed as YAML at most once, whatever the number of stages resolved from them.
/// Discovery is stage-independent up to variable resolution: `verify --stages`, `probe --stages`
/// and the dashboard's matrix read the project once and resolve it per stage, at once.
///
/// Safe to share between concurrent stages: the caches are behind a lock.
public final class ProjectSources: @unchecked Sendable {
    /// Reads one file's text by absolute path (nil when it cannot be read as UTF-8);
    /// tests pass their own to count what a run reads.
    public typealias Reader = @Sendable (String) -> String?

    public let project: String
    public let exclude: [String]
    let root: URL
    let walk: ProjectWalk
    /// The included files of every service, read once for all stages.
    let includes: IncludedFiles
    private let reader: Reader
    private let lock = NSLock()
    private var texts: [String: String?] = [:]
    private var documents: [String: Result<Node?, ParseFailure>] = [:]

    /// Why a text is not YAML, as Yams says it.
    struct ParseFailure: Error {
        var reason: String
    }

    /// Walks `project` now; files are read when discovery first asks for them.
    public init(project: String, exclude: [String] = [], reader: @escaping Reader = ProjectSources.disk) {
        self.project = project
        self.exclude = exclude
        self.reader = reader
        root = URL(fileURLWithPath: project).standardizedFileURL
        walk = ProjectWalk(root: root, exclude: exclude.map(ProjectGlob.init))
        includes = IncludedFiles()
        includes.sources = self
    }

    public static let disk: Reader = { path in try? String(contentsOfFile: path, encoding: .utf8) }

    /// Whether these are the sources a run with this project and `exclude:` would read.
    func serves(project: String, exclude: [String]) -> Bool {
        self.project == project && self.exclude == exclude
    }

    /// The file's text, read on first use; nil when it cannot be read as UTF-8.
    func text(atPath path: String) -> String? {
        lock.withLock { cachedText(path) }
    }

    /// The file as a YAML node tree (nil for an empty document), parsed on first use;
    /// nil as a whole when the file cannot be read. Stages asking at the same moment wait
    /// for one parse rather than each making its own.
    func document(atPath path: String) -> Result<Node?, ParseFailure>? {
        lock.withLock {
            if let known = documents[path] { return known }
            guard let text = cachedText(path) else { return nil }
            let parsed = Self.parsed(text)
            documents[path] = parsed
            return parsed
        }
    }

    /// The lock must be held.
    private func cachedText(_ path: String) -> String? {
        if let known = texts[path] { return known }
        let read = reader(path)
        texts[path] = read
        return read
    }

    /// One YAML text as a node tree. Implicit scalars are left untyped (`Resolver.basic`):
    /// discovery reads them as text, and typing each by regular expression was a tenth of a probe.
    static func parsed(_ text: String) -> Result<Node?, ParseFailure> {
        do { return .success(try Yams.compose(yaml: text, .basic, .default, .utf8)) } catch {
            return .failure(ParseFailure(reason: "\(error)"))
        }
    }

    /// The absolute path of a file given relative to the project root.
    func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }
}
