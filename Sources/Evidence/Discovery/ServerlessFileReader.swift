import Foundation
import Yams

/// Why a serverless file could not be read; the discovery reports it and goes on.
public struct DiscoveryProblem: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var message: String

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { "\(file): \(message)" }
}

/// Reads one serverless.yml into a `ServerlessService`.
///
/// CloudFormation short-form tags (`!Ref`, `!Sub`, `!GetAtt`, …) are kept as node
/// tags by Yams' composer, so the file parses whatever tags it uses; the few that
/// can make up a parameter name (`!Sub`, `!Join`, `!Ref AWS::Region`) are evaluated.
public enum ServerlessFileReader {
    /// - Parameters:
    ///   - folder: the file's absolute folder, against which `${file(…)}` paths are read.
    ///   - includes: the included files, shared by every service of one discovery.
    ///   - composeParams: `${param:X}` values the compose file gives this service.
    public static func read(text: String, file: String, stage: String?, region: String?,
                            environment: [String: String] = [:], folder absoluteFolder: String? = nil,
                            composeParams: [String: String] = [:], accountID: AccountID = .notAsked)
        throws(DiscoveryProblemError) -> ServerlessService {
        try read(text: text, file: file, stage: stage, region: region, environment: environment,
                 folder: absoluteFolder, includes: IncludedFiles(), composeParams: composeParams, accountID: accountID)
    }

    static func read(text: String, file: String, stage: String?, region: String?, environment: [String: String],
                     folder absoluteFolder: String?, includes: IncludedFiles, composeParams: [String: String],
                     accountID: AccountID = .notAsked)
        throws(DiscoveryProblemError) -> ServerlessService {
        try read(parsed: ProjectSources.parsed(text), text: text, file: file, stage: stage, region: region,
                 environment: environment, folder: absoluteFolder, includes: includes, composeParams: composeParams,
                 accountID: accountID)
    }

    /// The same from a file parsed once for every stage (`ProjectSources`): only resolution is per stage.
    static func read(parsed: Result<Node?, ProjectSources.ParseFailure>, text: String, file: String, stage: String?,
                     region: String?, environment: [String: String], folder absoluteFolder: String?,
                     includes: IncludedFiles, composeParams: [String: String], accountID: AccountID = .notAsked)
        throws(DiscoveryProblemError) -> ServerlessService {
        var root: Node
        switch parsed {
        case .failure(let failure):
            throw DiscoveryProblemError(DiscoveryProblem(file: file, message: "not valid YAML: \(failure.reason)"))
        case .success(nil):
            throw DiscoveryProblemError(DiscoveryProblem(file: file, message: "the file is empty"))
        case .success(let node?):
            root = node
        }
        guard root.mapping != nil else {
            throw DiscoveryProblemError(DiscoveryProblem(file: file, message: "not a mapping of settings"))
        }
        let folder = (file as NSString).deletingLastPathComponent
        func makeResolver(_ document: Node, stage: String, region: String?) -> VariableResolver {
            VariableResolver(document: document, stage: stage, region: region, environment: environment,
                             folder: absoluteFolder, includes: includes, composeParams: composeParams,
                             accountID: accountID)
        }
        // Whole blocks from `${file(…)}` first, so that everything below sees them.
        if text.holds("file(") {
            var addresses = makeResolver(root, stage: stage ?? "dev", region: region)
            root = includes.expand(root, folder: absoluteFolder) { source in
                if case .value(let value) = addresses.resolve(source) { return value }
                return nil
            }
        }

        // The stage: the caller's, else provider.stage (itself resolvable), else Serverless' default.
        var probe = makeResolver(root, stage: stage ?? "dev", region: region)
        var effectiveStage = stage ?? "dev"
        if stage == nil, let providerStage = root["provider"]?["stage"]?.scalar?.string,
           case .value(let value) = probe.resolve(providerStage) {
            effectiveStage = value
        }
        var effectiveRegion = region
        var regionProblem: String?
        if region == nil, let providerRegion = root["provider"]?["region"]?.scalar?.string {
            switch probe.resolve(providerRegion) {
            case .value(let value): effectiveRegion = value
            case .unknown(let why):
                regionProblem = "region unknown: provider.region \(providerRegion) — \(why); "
                    + "set region: in .plantrack.yml or pass --region"
            }
        }

        var resolver = makeResolver(root, stage: effectiveStage, region: effectiveRegion)
        let service = name(of: root["service"].flatMap { $0.scalar?.string ?? $0["name"]?.scalar?.string },
                           missing: "the file has no service:", resolver: &resolver)
        var stack: DiscoveredName
        if let stackName = root["provider"]?["stackName"]?.scalar?.string {
            stack = name(of: stackName, missing: "", resolver: &resolver)
        } else if let serviceName = service.resolved {
            stack = .known("\(serviceName)-\(effectiveStage)")
        } else {
            stack = DiscoveredName(raw: "\(service.raw)-\(effectiveStage)", resolved: nil, problem: service.problem)
        }
        stack.problem = stack.problem ?? nil

        let publishes = publishedParameters(root, stackName: stack.resolved, region: effectiveRegion,
                                            resolver: &resolver)
        // Walk every string so that `${ssm:…}` anywhere (environment, custom, resources) is seen.
        for text in allStrings(root) where text.holds("ssm") || text.holds("cf:") || text.holds("cf(") {
            _ = resolver.resolve(text)
        }
        // Anywhere in resources: (every block of a list, `${file(…)}` entries read in).
        let dynamic = DynamicReferences.consumed(in: root["resources"].map(allStrings) ?? [], resolver: &resolver)
        var seen = Set<ConsumedParameter>()
        let consumes = (resolver.consumed + dynamic).filter { seen.insert($0).inserted }
        var result = ServerlessService(file: file, folder: folder == "." ? "" : folder, service: service, stack: stack,
                                       region: effectiveRegion, publishes: publishes, consumes: consumes,
                                       regionProblem: regionProblem)
        if let profile = root["provider"]?["profile"]?.scalar?.string,
           case .value(let value) = resolver.resolve(profile), !value.isEmpty {
            result.profile = value
        }
        var seenOutputs = Set<ConsumedOutput>()
        result.consumesOutputs = resolver.consumedOutputs.filter { seenOutputs.insert($0).inserted }
        result.needsAccountID = resolver.neededAccountID || probe.neededAccountID
        result.warnings = LegacySSMSuffix.warnings(in: text, file: file)
        return result
    }

    private static func name(of raw: String?, missing: String, resolver: inout VariableResolver) -> DiscoveredName {
        guard let raw else { return DiscoveredName(raw: "", resolved: nil, problem: missing) }
        switch resolver.resolve(raw) {
        case .value(let value): return .known(value).with(raw: raw)
        case .unknown(let why): return DiscoveredName(raw: raw, resolved: nil, problem: why)
        }
    }

    private static func publishedParameters(_ root: Node, stackName: String?, region: String?,
                                            resolver: inout VariableResolver) -> [DiscoveredName] {
        var names: [DiscoveredName] = []
        for (logicalId, resource) in resourceDefinitions(root) {
            guard resource["Type"]?.scalar?.string == "AWS::SSM::Parameter" else { continue }
            let id = logicalId.scalar?.string ?? "?"
            guard let nameNode = resource["Properties"]?["Name"] else {
                names.append(DiscoveredName(raw: id, resolved: nil,
                                            problem: "resource \(id) has no Name; CloudFormation generates one"))
                continue
            }
            var evaluator = IntrinsicEvaluator(resolver: resolver, stackName: stackName, region: region)
            names.append(evaluator.name(nameNode, logicalId: id))
            resolver = evaluator.resolver
        }
        return names
    }

    /// `resources.Resources`, whether `resources:` is one block or a list of blocks
    /// (inline maps and `${file(…)}` entries, already read in), in file order.
    static func resourceDefinitions(_ root: Node) -> [(Node, Node)] {
        guard let resources = root["resources"] else { return [] }
        let blocks = resources.sequence.map(Array.init) ?? [resources]
        return blocks.flatMap { block in block["Resources"]?.mapping.map { $0.map { ($0.key, $0.value) } } ?? [] }
    }

    static func allStrings(_ node: Node) -> [String] {
        switch node {
        case .scalar(let scalar): return [scalar.string]
        case .sequence(let sequence): return sequence.flatMap(allStrings)
        case .mapping(let mapping): return mapping.flatMap { allStrings($0.key) + allStrings($0.value) }
        case .alias: return []
        }
    }
}

/// A `DiscoveryProblem` thrown from a typed-throws function.
public struct DiscoveryProblemError: Error, Sendable, Equatable {
    public var problem: DiscoveryProblem
    public init(_ problem: DiscoveryProblem) { self.problem = problem }
}

extension DiscoveredName {
    func with(raw: String) -> DiscoveredName {
        var copy = self
        copy.raw = raw
        return copy
    }
}
