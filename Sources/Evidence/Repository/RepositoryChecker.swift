import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Yams

/// What the repository checks found in one run: each rule's outcome, the files read and the
/// folders the globs looked in (the dashboard watches them all to re-judge when one changes).
public struct RepositoryAnswers: Sendable, Equatable {
    public struct Outcome: Sendable, Equatable {
        /// true: holds; false: fails; nil: could not be read (a link out of the project).
        public var ok: Bool?
        /// "holds in 3 files", "services/users/serverless.yml:42 still has ${cf:".
        public var detail: String
    }

    public var outcomes: [RepositoryRule: Outcome]
    /// Project-relative paths of every file a rule matched.
    public var files: [String]
    /// Project-relative paths of the folders the globs listed ("" for the project itself): a file
    /// that appears in one of them may be matched by a rule that matched nothing before.
    public var folders: [String]

    public init(outcomes: [RepositoryRule: Outcome] = [:], files: [String] = [], folders: [String] = []) {
        self.outcomes = outcomes
        self.files = files
        self.folders = folders
    }

    /// Absolute paths of the files read and the folders listed, under `project`: what a watcher
    /// looks at to notice a checked file that changes, goes or appears.
    public func watched(in project: String) -> [String] {
        let root = URL(fileURLWithPath: project)
        return files.map { root.appendingPathComponent($0).path }
            + folders.map { $0.isEmpty ? root.path : root.appendingPathComponent($0).path }
    }
}

/// Holds `text:` and `yaml:` rules against the project's files. Reads files, runs nothing.
public enum RepositoryChecker {
    public static func answers(_ rules: [RepositoryRule], project: String) -> RepositoryAnswers {
        let files = ProjectFiles(root: project)
        var answers = RepositoryAnswers()
        var seen = Set<String>()
        for rule in rules where answers.outcomes[rule] == nil {
            let matches = files.files(matching: ProjectGlob(rule.glob))
            for match in matches where seen.insert(match.path).inserted { answers.files.append(match.path) }
            answers.outcomes[rule] = outcome(rule, matches, files)
        }
        answers.folders = files.listedFolders
        return answers
    }

    /// One file's answer to a rule.
    enum FileOutcome {
        case holds
        case fails(String)
        case unknown(String)
    }

    static func outcome(_ rule: RepositoryRule, _ matches: [ProjectFiles.Match], _ files: ProjectFiles) -> RepositoryAnswers.Outcome {
        if case .noFileOutside(let folder, let except) = rule.test {
            let outside = matches.filter { !$0.path.hasPrefix(folder + "/") && !except.contains(($0.path as NSString).lastPathComponent) }
            return outside.first.map { .init(ok: false, detail: "\($0.path) is still outside \(folder)/") }
                ?? .init(ok: true, detail: "none outside \(folder)/")
        }
        guard !matches.isEmpty else { return .init(ok: false, detail: "no file matches \(rule.glob)") }
        if case .fileExists = rule.test {
            return .init(ok: true, detail: matches.count == 1 ? "\(matches[0].path) exists" : "\(matches.count) files")
        }
        var failures: [String] = []
        var unknowns: [String] = []
        var holding: [String] = []
        for match in matches {
            let result = match.refused.map { FileOutcome.unknown("\(match.path) is \($0)") } ?? check(rule.test, match.path, files)
            switch result {
            case .holds: holding.append(match.path)
            case .fails(let detail): failures.append(detail)
            case .unknown(let detail): unknowns.append(detail)
            }
            // All must hold: the first failure decides, later files need not be read.
            if !rule.any, !failures.isEmpty { break }
            if rule.any, !holding.isEmpty { break }
        }
        if rule.any {
            if let first = holding.first { return .init(ok: true, detail: "holds in \(first)") }
            if let first = unknowns.first { return .init(ok: nil, detail: first) }
            return .init(ok: false, detail: "holds in none of \(matches.count) file\(matches.count == 1 ? "" : "s"); \(failures[0])")
        }
        if let first = failures.first { return .init(ok: false, detail: first) }
        if let first = unknowns.first { return .init(ok: nil, detail: first) }
        return .init(ok: true, detail: holding.count == 1 ? "holds in \(holding[0])" : "holds in \(holding.count) files")
    }

    static func check(_ test: RepositoryRule.Test, _ path: String, _ files: ProjectFiles) -> FileOutcome {
        switch test {
        case .present(let needle), .absent(let needle):
            guard case .bytes(let bytes) = files.bytes(path) else { return .unknown("\(path) cannot be read") }
            let offset = TextSearch.offset(of: needle, in: bytes)
            if case .present = test { return offset == nil ? .fails("\(path) has no \(needle)") : .holds }
            guard let offset else { return .holds }
            return .fails("\(path):\(TextSearch.line(at: offset, in: bytes)) still has \(needle)")
        case .pattern(let pattern), .noPattern(let pattern):
            var line: Int?
            if let literal = RegexLiteral.required(in: pattern), case .bytes(let bytes) = files.bytes(path),
               TextSearch.offset(of: literal, in: bytes) == nil {
                line = nil  // what every match must hold is not there: no match, the text need not be decoded
            } else {
                guard case .success(let text) = files.text(path) else { return .unknown("\(path) cannot be read") }
                line = TextSearch.firstMatchLine(pattern, in: text)
            }
            if case .pattern = test { return line == nil ? .fails("\(path) has no match for /\(pattern)/") : .holds }
            guard let line else { return .holds }
            return .fails("\(path):\(line) matches /\(pattern)/")
        case .fileExists, .noFileOutside:
            return .holds
        case .yamlExists, .yamlContains, .yamlEquals, .yamlAbsent, .deploymentOrder:
            switch files.yaml(path) {
            case .failure(let problem): return .unknown(problem.reason)
            case .success(let root): return YAMLClaim.check(test, root, path: path)
            }
        }
    }
}

/// Byte-level search: fast on large files, indifferent to CRLF, a BOM or invalid UTF-8.
enum TextSearch {
    static func offset(of needle: String, in bytes: [UInt8]) -> Int? {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty else { return 0 }
        guard pattern.count <= bytes.count else { return nil }
        // memchr finds each candidate first byte at memory speed; memcmp confirms the rest.
        return bytes.withUnsafeBytes { haystack -> Int? in
            pattern.withUnsafeBytes { wanted -> Int? in
                guard let base = haystack.baseAddress, let want = wanted.baseAddress else { return nil }
                let last = haystack.count - wanted.count
                var start = 0
                while start <= last {
                    guard let hit = memchr(base + start, Int32(pattern[0]), last - start + 1) else { return nil }
                    let offset = base.distance(to: UnsafeRawPointer(hit))
                    if memcmp(base + offset, want, wanted.count) == 0 { return offset }
                    start = offset + 1
                }
                return nil
            }
        }
    }

    /// The 1-based line of a byte offset.
    static func line(at offset: Int, in bytes: [UInt8]) -> Int {
        bytes.withUnsafeBytes { buffer -> Int in
            guard let base = buffer.baseAddress else { return 1 }
            var count = 1
            var start = 0
            while start < offset, let hit = memchr(base + start, 0x0A, offset - start) {
                count += 1
                start = base.distance(to: UnsafeRawPointer(hit)) + 1
            }
            return count
        }
    }

    /// The 1-based line where the pattern first matches (`^`/`$` at line ends), or nil.
    static func firstMatchLine(_ pattern: String, in text: String) -> Int? {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines]) else { return nil }
        let range = NSRange(text.startIndex..., in: text)
        guard let match = regex.firstMatch(in: text, range: range),
              let start = Range(match.range, in: text)?.lowerBound else { return nil }
        return text[..<start].utf8.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    }
}
