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
    public static func read(text: String, file: String, stage: String?, region: String?,
                            environment: [String: String] = [:])
        throws(DiscoveryProblemError) -> ServerlessService {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw DiscoveryProblemError(DiscoveryProblem(file: file, message: "the file is empty"))
            }
            root = node
        } catch let error as DiscoveryProblemError {
            throw error
        } catch {
            throw DiscoveryProblemError(DiscoveryProblem(file: file, message: "not valid YAML: \(error)"))
        }
        guard root.mapping != nil else {
            throw DiscoveryProblemError(DiscoveryProblem(file: file, message: "not a mapping of settings"))
        }
        let folder = (file as NSString).deletingLastPathComponent

        // The stage: the caller's, else provider.stage (itself resolvable), else Serverless' default.
        var probe = VariableResolver(document: root, stage: stage ?? "dev", region: region, environment: environment)
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

        var resolver = VariableResolver(document: root, stage: effectiveStage, region: effectiveRegion,
                                        environment: environment)
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
        for text in allStrings(root) where text.contains("ssm") {
            _ = resolver.resolve(text)
        }
        var seen = Set<ConsumedParameter>()
        let consumes = resolver.consumed.filter { seen.insert($0).inserted }
        return ServerlessService(file: file, folder: folder == "." ? "" : folder, service: service, stack: stack,
                                 region: effectiveRegion, publishes: publishes, consumes: consumes,
                                 regionProblem: regionProblem)
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
        guard let resources = root["resources"]?["Resources"]?.mapping else { return [] }
        var names: [DiscoveredName] = []
        for (logicalId, resource) in resources {
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
