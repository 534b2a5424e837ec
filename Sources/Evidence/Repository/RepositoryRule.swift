import Foundation

/// A claim about the repository's files (CONTRACT §6 `text:` and `yaml:` under `checks:`):
/// a glob under the project and what must hold in the files it matches.
public struct RepositoryRule: Sendable, Hashable {
    /// What is asked of each matched file.
    public enum Test: Sendable, Hashable {
        /// `present: TEXT`: the file holds TEXT.
        case present(String)
        /// `absent: TEXT`: the file does not hold TEXT.
        case absent(String)
        /// `pattern: REGEX`: a line-spanning regular expression matches somewhere.
        case pattern(String)
        /// `no_pattern: REGEX`: it matches nowhere.
        case noPattern(String)
        /// `path:` alone: the YAML path exists.
        case yamlExists(path: String)
        /// `path:` + `contains: V`: a list (or mapping keys) at the path holds V.
        case yamlContains(path: String, value: String)
        /// `path:` + `equals: V`: every value at the path is V.
        case yamlEquals(path: String, value: String)
        /// `path:` + `absent: true`: nothing is at the path.
        case yamlAbsent(path: String)
        /// Built in: every service of a compose file has `dependsOn` or is depended on.
        case deploymentOrder
        /// Built in: the glob matches at least one file.
        case fileExists
        /// Built in: no file the glob matches lies outside `folder` (names in `except` aside).
        case noFileOutside(folder: String, except: [String])
    }

    /// A glob relative to the project: `*`, `**`, `?`, `[...]`.
    public var glob: String
    public var test: Test
    /// `any: true`: the rule holds when it holds in at least one matched file.
    public var any: Bool

    public init(glob: String, test: Test, any: Bool = false) {
        self.glob = glob
        self.test = test
        self.any = any
    }

    /// `text` or `yaml`: the evidence kind this rule shows as.
    public var kind: EvidenceKind {
        switch test {
        case .present, .absent, .pattern, .noPattern: return .text
        case .yamlExists, .yamlContains, .yamlEquals, .yamlAbsent, .deploymentOrder: return .yaml
        case .fileExists, .noFileOutside: return .file
        }
    }

    /// The rule in a few words, as verify and the dashboard name it:
    /// `services/**/serverless.yml absent "${cf:"`.
    public var summary: String {
        let scope = any ? " (any)" : ""
        switch test {
        case .present(let text): return "\(glob) present \"\(text)\"\(scope)"
        case .absent(let text): return "\(glob) absent \"\(text)\"\(scope)"
        case .pattern(let regex): return "\(glob) pattern /\(regex)/\(scope)"
        case .noPattern(let regex): return "\(glob) no_pattern /\(regex)/\(scope)"
        case .yamlExists(let path): return "\(glob) \(path)\(scope)"
        case .yamlContains(let path, let value): return "\(glob) \(path) contains \(value)\(scope)"
        case .yamlEquals(let path, let value): return "\(glob) \(path) = \(value)\(scope)"
        case .yamlAbsent(let path): return "\(glob) \(path) absent\(scope)"
        case .deploymentOrder: return "\(glob) every service has dependsOn or is depended on"
        case .fileExists: return "\(glob) at least one"
        case .noFileOutside(let folder, _): return "\(glob) none outside \(folder)/"
        }
    }

    /// The rule as an expectation of an item; `source` says where it came from.
    func expectation(source: String) -> ExpectedEvidence {
        ExpectedEvidence(kind: kind, name: summary, source: source, rule: self)
    }
}
