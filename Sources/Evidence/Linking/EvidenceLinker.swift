import PlanKit
import Foundation

/// Ties plan items to evidence (issue 3 item 4):
/// - the `checks` of `.plantrack.yml` for the item's id or `L<line>`;
/// - every path the item names in backticks is a file that should exist (project, plan's folder,
///   repository root); a folder is evidence only for an item that claims to create or move it;
/// - an item whose text says "deploy" and names a folder (`infra`) or a serverless
///   file gets the stacks and published parameters of the services under it;
/// - sub-items inherit the paths their parents name.
public enum EvidenceLinker {
    /// - Parameters:
    ///   - checks: the config's checks with `${stage}`/`${region}` already expanded.
    ///   - checksRegion: the region the checks' names are asked in; nil: the AWS settings'.
    ///   - locate: where a path the plan names was found (file or folder), nil when nowhere.
    public static func link(items: [PlanItem], discovery: ProjectDiscovery, checks: [ItemReference: ItemChecks],
                            checksRegion: String? = nil, locate: (String) -> FoundPath?) -> [ItemExpectations] {
        let byIndex = Dictionary(items.map { ($0.index, $0) }, uniquingKeysWith: { first, _ in first })
        var ownPaths: [Int: [String]] = [:]
        for item in items {
            ownPaths[item.index] = PlanText.paths(in: item.text, pathExists: { locate($0) != nil })
        }
        // An item naming paths is judged on its own; one naming none on its nearest ancestor's.
        func paths(of item: PlanItem) -> [String] {
            var seen = Set<Int>()
            var cursor: Int? = item.index
            while let index = cursor, let current = byIndex[index], seen.insert(index).inserted {
                if let own = ownPaths[index], !own.isEmpty { return own }
                cursor = current.parent
            }
            return []
        }

        return items.map { item in
            var expectations: [ExpectedEvidence] = []
            let paths = unique(paths(of: item))
            let createsOrMoves = PlanText.claimsToCreateOrMove(item.text)
            for path in paths {
                // That a folder exists proves only that it was created or moved (issue 8 point 8).
                guard locate(path)?.isFolder == true else {
                    expectations.append(ExpectedEvidence(kind: .file, name: path, source: "plan"))
                    continue
                }
                if createsOrMoves { expectations.append(ExpectedEvidence(kind: .folder, name: path, source: "plan")) }
            }
            for name in PlanText.parameterPaths(in: item.text) {
                expectations.append(ExpectedEvidence(kind: .parameter, name: name, source: "plan", region: checksRegion))
            }
            var notes: [String] = []
            if PlanText.saysDeploy(item.text) {
                for path in paths {
                    let namesFile = discovery.service(file: path) != nil
                    for service in servicesNamed(by: path, in: discovery) {
                        // With a compose file, a folder claim covers what compose deploys (issue 8 point 13);
                        // a service named by its own file or folder is claimed whatever compose says.
                        if namesFile || service.folder == PlanText.normalise(path) || discovery.isInCompose(service) {
                            expectations += deployEvidence(of: service)
                        } else {
                            notes.append("\(service.file): outside \(discovery.compose?.file ?? "compose"), not required")
                        }
                    }
                }
            }
            let configured = checks[item.reference] ?? (item.id == nil ? nil : checks[.line(item.line)])
            if let configured {
                expectations += configured.expectations.map { placed($0, region: checksRegion) }
            }
            if configured?.builtin ?? true {
                expectations += BuiltinClaims.expectations(for: item, byIndex: byIndex, ownPaths: ownPaths, discovery: discovery)
            }
            // Stacks, then parameters, then files: the order a reader scans a deployment in.
            let ordered = uniqueByKindAndName(expectations).enumerated()
                .sorted { ($0.element.kind, $0.offset) < ($1.element.kind, $1.offset) }.map(\.element)
            return ItemExpectations(item: item, expectations: ordered, notes: notes)
        }
    }

    /// A service's stack and published parameters, in the region it deploys to; names or a
    /// region that cannot be worked out are kept as unknown, with the reason and the fix.
    static func deployEvidence(of service: ServerlessService) -> [ExpectedEvidence] {
        let names = [(EvidenceKind.stack, service.stack)] + service.publishes.map { (EvidenceKind.parameter, $0) }
        let own = names.map { kind, name in
            let problem = name.resolved == nil ? unknownName(name) : service.regionProblem
            return ExpectedEvidence(kind: kind, name: name.display, source: service.file,
                                    region: service.regionProblem == nil ? service.deployRegion : nil, problem: problem)
        }
        return (own + consumedStacks(of: service)).map { expectation in
            var withProfile = expectation
            withProfile.profile = service.profile
            return withProfile
        }
    }

    /// The stacks whose outputs the service reads (`${cf:…}`, issue 8 point 18): its deploy
    /// fails unless each is live and has the output.
    static func consumedStacks(of service: ServerlessService) -> [ExpectedEvidence] {
        service.consumesOutputs.map { consumed in
            let problem = consumed.stack.resolved == nil ? unknownName(consumed.stack) : service.regionProblem
            let region = consumed.region ?? (service.regionProblem == nil ? service.deployRegion : nil)
            return ExpectedEvidence(kind: .stack, name: consumed.stack.display, source: service.file, region: region,
                                    problem: problem, output: consumed.output)
        }
    }

    static func unknownName(_ name: DiscoveredName) -> String {
        "name unknown: \(name.problem ?? "it cannot be worked out before deploy"); add the name under checks: in .plantrack.yml"
    }

    /// A `checks:` name placed in its region; one still holding `${region}` has no region to expand to.
    static func placed(_ expectation: ExpectedEvidence, region: String?) -> ExpectedEvidence {
        guard expectation.kind.isAWS else { return expectation }
        var placed = expectation
        placed.region = region
        if expectation.name.contains("${region}") {
            placed.problem = "region unknown for ${region}: set region: in .plantrack.yml or pass --region"
        }
        return placed
    }

    /// A folder names the services at or under it; a serverless file names its own service.
    static func servicesNamed(by path: String, in discovery: ProjectDiscovery) -> [ServerlessService] {
        if let service = discovery.service(file: path) { return [service] }
        let folder = PlanText.normalise(path)
        guard !folder.isEmpty, !ProjectDiscovery.serverlessNames.contains((folder as NSString).lastPathComponent)
        else { return [] }
        return discovery.services(under: folder)
    }

    private static func unique(_ paths: [String]) -> [String] {
        var seen = Set<String>()
        return paths.filter { seen.insert($0).inserted }
    }

    private static func uniqueByKindAndName(_ expectations: [ExpectedEvidence]) -> [ExpectedEvidence] {
        var seen = Set<String>()
        return expectations.filter { seen.insert("\($0.kind.rawValue)\u{0}\($0.name)\u{0}\($0.output ?? "")").inserted }
    }
}
