import PlanKit
/// The kinds of evidence (CONTRACT §5 `evidence[].kind`).
public enum EvidenceKind: String, Sendable, Equatable, Hashable, Comparable {
    case stack
    case parameter
    case file
    /// A folder: evidence only for an item that claims to create or move it (issue 8 point 8).
    case folder
    /// A `text:` rule or a built-in claim about the files' text (Evidence/Repository).
    case text
    /// A `yaml:` rule or a built-in claim about a YAML file's keys.
    case yaml

    public static func < (lhs: EvidenceKind, rhs: EvidenceKind) -> Bool {
        let order: [EvidenceKind] = [.stack, .parameter, .file, .folder, .text, .yaml]
        return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
    }

    /// A file or folder of the repository, judged without AWS.
    public var isPath: Bool { self == .file || self == .folder }

    /// A stack or a parameter: asked of AWS, in a region.
    public var isAWS: Bool { self == .stack || self == .parameter }
}

/// One thing an item's claim implies should exist.
public struct ExpectedEvidence: Sendable, Equatable, Hashable {
    public var kind: EvidenceKind
    /// A stack name, a parameter name (either may hold `*`) or a path relative to the project.
    public var name: String
    /// Where the expectation comes from: ".plantrack.yml", "infra/s3/serverless.yml", "plan".
    public var source: String
    /// The region a stack or parameter is asked in; nil: the AWS settings' region.
    public var region: String?
    /// Why the name cannot be known (an unset `${env:…}`, an unknown region) and how to fix
    /// it; such evidence is shown as unknown and never asked.
    public var problem: String?
    /// For `text` and `yaml`: the rule the repository's files are held against.
    public var rule: RepositoryRule?
    /// For a stack another service reads (`${cf:stack.Output}`): the output that must exist.
    public var output: String?
    /// The service's `provider.profile`: asked with it unless a higher setting names a profile.
    public var profile: String?

    public init(kind: EvidenceKind, name: String, source: String, region: String? = nil, problem: String? = nil,
                rule: RepositoryRule? = nil, output: String? = nil) {
        self.rule = rule
        self.output = output
        self.kind = kind
        self.name = name
        self.source = source
        self.region = region
        self.problem = problem
    }
}

/// One item and everything its text, its parent and the config tie to it.
public struct ItemExpectations: Sendable, Equatable {
    public var item: PlanItem
    /// Everything the item's claim implies, names that cannot be known included (with `problem`).
    public var expectations: [ExpectedEvidence]
    /// What the claim leaves out on purpose, for the reader: "services/old/serverless.yml: outside
    /// serverless-compose.yml, not required".
    public var notes: [String]

    public init(item: PlanItem, expectations: [ExpectedEvidence], notes: [String] = []) {
        self.item = item
        self.expectations = expectations
        self.notes = notes
    }
}
