import Foundation
import Yams

/// The YAML and JSON files serverless files include with `${file(path)}` and
/// `${file(path):a.b}`, each read once per discovery (a shared `serverless.common.yml`
/// of 200 services is parsed once). A path is relative to the file that names it.
///
/// A value that is nothing but one `${file(…)}` is replaced by what it names before
/// anything else is read, so that whole blocks (`custom: ${file(./custom.yml)}`,
/// `provider: ${file(../common.yml):provider}`) are seen by `${self:…}` and by the
/// reader. A file that cannot be read is never replaced by a default: the value stays
/// unknown, with the reason and the fix.
///
/// Shared by the stages of one run (`ProjectSources`): the cache is behind a lock.
final class IncludedFiles: @unchecked Sendable {
    /// `file(./x.yml):a.b` split into the path and the dotted address in it.
    struct Reference: Equatable {
        var path: String
        var address: String?

        /// `file(path)` or `file(path):a.b`; nil for any other source.
        init?(source: String) {
            guard source.hasPrefix("file("), let close = source.firstIndex(of: ")") else { return nil }
            let inside = source[source.index(source.startIndex, offsetBy: 5)..<close]
            path = VariableResolver.quotedLiteral(inside.trimmingCharacters(in: .whitespaces))
                ?? inside.trimmingCharacters(in: .whitespaces)
            let rest = source[source.index(after: close)...].trimmingCharacters(in: .whitespaces)
            guard rest.isEmpty || rest.hasPrefix(":") else { return nil }
            address = rest.isEmpty ? nil : String(rest.dropFirst()).trimmingCharacters(in: .whitespaces)
        }
    }

    private var parsed: [String: Result<Node, Unreadable>] = [:]
    private let lock = NSLock()
    /// Where files are read and parsed (once a run); nil reads them from disk here.
    weak var sources: ProjectSources?

    struct Unreadable: Error, Equatable {
        var reason: String
    }

    /// The node `reference` names, its own relative `${file(…)}` paths made absolute.
    /// - Parameter folder: the absolute folder of the file that names it; nil when unknown.
    func node(_ reference: Reference, from folder: String?) -> Result<Node, Unreadable> {
        let path: String
        if reference.path.hasPrefix("/") {
            path = reference.path
        } else if let folder {
            path = URL(fileURLWithPath: folder).appendingPathComponent(reference.path).standardizedFileURL.path
        } else {
            return .failure(Unreadable(reason: "its folder is not known"))
        }
        switch document(at: path) {
        case .failure(let problem): return .failure(problem)
        case .success(let root):
            guard let address = reference.address, !address.isEmpty else { return .success(root) }
            var node: Node? = root
            for key in address.split(separator: ".") {
                node = node?[String(key)]
            }
            guard let node else {
                return .failure(Unreadable(reason: "\(reference.path) has no \(address)"))
            }
            return .success(node)
        }
    }

    private func document(at path: String) -> Result<Node, Unreadable> {
        if let known = lock.withLock({ parsed[path] }) { return known }
        let result = read(path)
        lock.withLock { parsed[path] = result }
        return result
    }

    private func read(_ path: String) -> Result<Node, Unreadable> {
        let name = (path as NSString).lastPathComponent
        if [".js", ".ts", ".cjs", ".mjs"].contains(where: name.hasSuffix) {
            return .failure(Unreadable(reason: "\(name) is code, which is not run"))
        }
        let document: Result<Node?, ProjectSources.ParseFailure>
        if let sources {
            guard let known = sources.document(atPath: path) else { return .failure(Unreadable(reason: "\(path) cannot be read")) }
            document = known
        } else {
            guard let text = ProjectSources.disk(path) else { return .failure(Unreadable(reason: "\(path) cannot be read")) }
            document = ProjectSources.parsed(text)
        }
        switch document {
        case .failure: return .failure(Unreadable(reason: "\(name) is not valid YAML or JSON"))
        case .success(nil): return .failure(Unreadable(reason: "\(name) is empty"))
        case .success(let root?): return .success(Self.absolutePaths(in: root, folder: (path as NSString).deletingLastPathComponent))
        }
    }

    /// Replaces every value that is exactly one `${file(…)}` by the node it names,
    /// recursively, leaving values whose file cannot be read (or whose address holds
    /// variables `resolveAddress` cannot work out) as written.
    func expand(_ node: Node, folder: String?, resolveAddress: (String) -> String?, depth: Int = 0) -> Node {
        guard depth < 8 else { return node }
        switch node {
        case .scalar(let scalar):
            guard let source = Self.wholeFileVariable(scalar.string),
                  let resolved = source.contains("${") ? resolveAddress(source) : source,
                  let reference = Reference(source: resolved),
                  case .success(let included) = self.node(reference, from: folder) else { return node }
            return expand(included, folder: folder, resolveAddress: resolveAddress, depth: depth + 1)
        case .mapping(let mapping):
            let pairs = mapping.map { ($0.key, expand($0.value, folder: folder, resolveAddress: resolveAddress, depth: depth)) }
            return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark))
        case .sequence(let sequence):
            let nodes = sequence.map { expand($0, folder: folder, resolveAddress: resolveAddress, depth: depth) }
            return .sequence(Node.Sequence(nodes, sequence.tag, sequence.style, sequence.mark))
        case .alias:
            return node
        }
    }

    /// `${file(./x.yml):a}` → `file(./x.yml):a`, when the text is that one variable with no fallback.
    static func wholeFileVariable(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("${file("), trimmed.hasSuffix("}"),
              VariableResolver.matchingBrace(in: trimmed, from: trimmed.startIndex) == trimmed.index(before: trimmed.endIndex)
        else { return nil }
        let body = String(trimmed.dropFirst(2).dropLast())
        return VariableResolver.splitSources(body).count == 1 ? body : nil
    }

    /// An included file's own `${file(./y.yml)}` is relative to it: make such paths absolute
    /// before its values travel into the file that includes it.
    private static func absolutePaths(in node: Node, folder: String) -> Node {
        switch node {
        case .scalar(let scalar):
            guard scalar.string.contains("file(") else { return node }
            return .scalar(Node.Scalar(rebased(scalar.string, folder: folder), scalar.tag, scalar.style, scalar.mark))
        case .mapping(let mapping):
            return .mapping(Node.Mapping(mapping.map { ($0.key, absolutePaths(in: $0.value, folder: folder)) },
                                         mapping.tag, mapping.style, mapping.mark))
        case .sequence(let sequence):
            return .sequence(Node.Sequence(sequence.map { absolutePaths(in: $0, folder: folder) },
                                           sequence.tag, sequence.style, sequence.mark))
        case .alias:
            return node
        }
    }

    static func rebased(_ text: String, folder: String) -> String {
        var output = ""
        var rest = Substring(text)
        while let start = rest.range(of: "file(") {
            output += rest[..<start.upperBound]
            rest = rest[start.upperBound...]
            let leading = rest.prefix { $0 == " " || $0 == "'" || $0 == "\"" }
            output += leading
            rest = rest.dropFirst(leading.count)
            if !rest.hasPrefix("/") && !rest.hasPrefix("$") {
                output += folder + "/"
            }
        }
        return output + rest
    }
}
