import Foundation

/// Evidence the config file asks for one plan item, besides what is discovered
/// (CONTRACT §6 `checks`). Names may hold `${stage}` / `${region}` and `*`.
public struct ItemChecks: Sendable, Equatable {
    public var stacks: [String]
    public var parameters: [String]
    /// Paths relative to the project folder.
    public var files: [String]
    /// `text:` and `yaml:` rules (CONTRACT §6), in the order written.
    public var rules: [RepositoryRule]
    /// `builtin: false` switches the built-in claims off for this item (docs/evidence.md).
    public var builtin: Bool

    public init(stacks: [String] = [], parameters: [String] = [], files: [String] = [],
                rules: [RepositoryRule] = [], builtin: Bool = true) {
        self.stacks = stacks
        self.parameters = parameters
        self.files = files
        self.rules = rules
        self.builtin = builtin
    }

    /// As expectations whose source is the config file; files are relative to the project.
    public var expectations: [ExpectedEvidence] {
        let source = ".plantrack.yml"
        let stackExpectations = stacks.map { ExpectedEvidence(kind: EvidenceKind.stack, name: $0, source: source) }
        let parameterExpectations = parameters.map { ExpectedEvidence(kind: EvidenceKind.parameter, name: $0, source: source) }
        let fileExpectations = files.map { ExpectedEvidence(kind: EvidenceKind.file, name: PlanText.normalise($0), source: source) }
        return stackExpectations + parameterExpectations + fileExpectations + rules.map { $0.expectation(source: source) }
    }

    /// The same checks with `${stage}` and `${region}` replaced.
    /// A nil region leaves `${region}` as written: the linker shows such a name as unknown.
    public func expanded(stage: String, region: String?) -> ItemChecks {
        let expand = { (name: String) in ConfigVariables.expand(name, stage: stage, region: region) }
        return ItemChecks(stacks: stacks.map(expand), parameters: parameters.map(expand), files: files.map(expand),
                          rules: rules, builtin: builtin)
    }
}

/// The two variables a config value may use. Expanded when the stage and region
/// are finally known (a command-line `--stage` wins over the file's `stage:`).
public enum ConfigVariables {
    public static func expand(_ text: String, stage: String, region: String?) -> String {
        let staged = text.replacingOccurrences(of: "${stage}", with: stage)
        return region.map { staged.replacingOccurrences(of: "${region}", with: $0) } ?? staged
    }
}
