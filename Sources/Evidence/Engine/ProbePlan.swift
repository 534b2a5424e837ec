/// What one `probe` asks AWS, grouped by region, with where each name comes from.
public struct ProbePlan: Sendable, Equatable {
    /// One region's question. `region` nil means "the region AWS settings resolve to".
    public struct RegionGroup: Sendable, Equatable {
        public var region: String?
        public var request: ProbeRequestNames
        /// A service's `provider.profile`, used when no higher setting names a profile; nil: none.
        public var profile: String?

        public init(region: String?, request: ProbeRequestNames, profile: String? = nil) {
            self.region = region
            self.request = request
            self.profile = profile
        }
    }

    /// A name that cannot be known before deploy, and the file it is in.
    public struct Unresolved: Sendable, Equatable {
        public var kind: EvidenceKind
        public var name: DiscoveredName
        public var source: String

        public init(kind: EvidenceKind, name: DiscoveredName, source: String) {
            self.kind = kind
            self.name = name
            self.source = source
        }

        /// Why it is not probed, with what would fix it (issue 8 point 24): a reason that names
        /// no fix gets the one that always works.
        public var reason: String {
            let why = name.problem ?? "it cannot be worked out before deploy"
            if why.contains(";") || why.contains("(give") { return why }
            return why + "; to have it asked, add the name under checks: in .plantrack.yml"
        }
    }

    public var groups: [RegionGroup]
    /// Stack name → the files that define or ask for it, in order.
    public var stackSources: [String: [String]]
    /// Parameter name → the files that publish, consume or ask for it, publishers first.
    public var parameterSources: [String: [String]]
    /// Stack and parameter names in the order they were first met.
    public var stackOrder: [String]
    public var parameterOrder: [String]
    public var unresolved: [Unresolved]
    /// Parameters read only as members of fallback chains, with their chain: not missing
    /// when the chain holds (issue 8 point 15).
    public var fallbacks: [String: FallbackChain] = [:]
    /// Secrets Manager references (`/aws/reference/secretsmanager/…`) → the files reading
    /// them, in the order met: listed, never asked through SSM (point 16).
    public var secretSources: [String: [String]] = [:]
    public var secretOrder: [String] = []
    /// Stack outputs the services read (`${cf:stack.Output}`), resolved ones only, in the
    /// order met; each stack is asked with DescribeStacks once (issue 8 point 18).
    public var consumedOutputs: [ConsumedOutputEntry] = []

    public var isEmpty: Bool { stackOrder.isEmpty && parameterOrder.isEmpty }

    public init(groups: [RegionGroup], stackSources: [String: [String]], parameterSources: [String: [String]],
                stackOrder: [String], parameterOrder: [String], unresolved: [Unresolved]) {
        self.groups = groups
        self.stackSources = stackSources
        self.parameterSources = parameterSources
        self.stackOrder = stackOrder
        self.parameterOrder = parameterOrder
        self.unresolved = unresolved
    }

    /// Everything the project and the config expect: each service's stack, the
    /// parameters it publishes and those it consumes, and the names in `extra`
    /// (the config's checks).
    /// - Parameters:
    ///   - checks: expanded for the stage and region.
    ///   - region: the region from the command line or config, if any; services
    ///     without it use their `provider.region`, else the AWS settings' region.
    public static func make(discovery: ProjectDiscovery, extra: [ExpectedEvidence] = [],
                            region: String?, checksRegion: String? = nil) -> ProbePlan {
        var builder = Builder()
        for service in discovery.services {
            if let problem = service.regionProblem {
                builder.unresolved.append(Unresolved(kind: .stack, name: DiscoveredName(raw: service.stack.display,
                                                                                        resolved: nil, problem: problem),
                                                     source: service.file))
                continue
            }
            let serviceRegion = region ?? service.deployRegion
            if let stack = service.stack.resolved {
                builder.add(.stack, stack, source: service.file, region: serviceRegion, profile: service.profile)
            } else {
                builder.unresolved.append(Unresolved(kind: .stack, name: service.stack, source: service.file))
            }
            for parameter in service.publishes {
                if let name = parameter.resolved {
                    builder.add(.parameter, name, source: service.file, region: serviceRegion, profile: service.profile)
                } else {
                    builder.unresolved.append(Unresolved(kind: .parameter, name: parameter, source: service.file))
                }
            }
        }
        var required = Set(discovery.services.flatMap { $0.publishes.compactMap(\.resolved) })
        for service in discovery.services where service.regionProblem == nil {
            for consumed in service.consumes {
                let consumedRegion = consumed.region ?? region ?? service.deployRegion
                if consumed.isSecret {
                    builder.addSecret(consumed.name.display, source: service.file)
                } else if let name = consumed.name.resolved {
                    builder.add(.parameter, name, source: service.file, region: consumedRegion, profile: service.profile)
                    if let chain = consumed.fallback {
                        builder.fallbacks[name] = builder.fallbacks[name] ?? chain
                    } else {
                        required.insert(name)
                    }
                } else {
                    builder.unresolved.append(Unresolved(kind: .parameter, name: consumed.name, source: service.file))
                }
            }
        }
        for service in discovery.services where service.regionProblem == nil {
            for consumed in service.consumesOutputs {
                let consumedRegion = consumed.region ?? region ?? service.deployRegion
                guard let stack = consumed.stack.resolved else {
                    builder.unresolved.append(Unresolved(kind: .stack, name: DiscoveredName(
                        raw: consumed.display, resolved: nil, problem: consumed.stack.problem), source: service.file))
                    continue
                }
                builder.add(.stack, stack, source: service.file, region: consumedRegion, output: true,
                            profile: service.profile)
                let entry = ConsumedOutputEntry(stack: stack, output: consumed.output, region: consumedRegion,
                                                source: service.file)
                if !builder.consumedOutputs.contains(entry) { builder.consumedOutputs.append(entry) }
            }
        }
        for expectation in extra where !expectation.kind.isPath {
            builder.add(expectation.kind, expectation.name, source: expectation.source, region: region ?? checksRegion)
            required.insert(expectation.name)
        }
        builder.fallbacks = builder.fallbacks.filter { !required.contains($0.key) }
        return builder.plan
    }

    private struct Builder {
        var groups: [RegionGroup] = []
        var stackSources: [String: [String]] = [:]
        var parameterSources: [String: [String]] = [:]
        var stackOrder: [String] = []
        var parameterOrder: [String] = []
        var unresolved: [Unresolved] = []
        var fallbacks: [String: FallbackChain] = [:]
        var secretSources: [String: [String]] = [:]
        var secretOrder: [String] = []
        var consumedOutputs: [ConsumedOutputEntry] = []

        mutating func addSecret(_ name: String, source: String) {
            if secretSources[name] == nil { secretOrder.append(name) }
            if !(secretSources[name] ?? []).contains(source) { secretSources[name, default: []].append(source) }
        }

        /// - Parameter output: the stack's outputs are read by a service: ask it with DescribeStacks.
        mutating func add(_ kind: EvidenceKind, _ name: String, source: String, region: String?, output: Bool = false,
                          profile: String? = nil) {
            let groupIndex: Int
            if let index = groups.firstIndex(where: { $0.region == region && $0.profile == profile }) {
                groupIndex = index
            } else {
                groups.append(RegionGroup(region: region, request: ProbeRequestNames(), profile: profile))
                groupIndex = groups.count - 1
            }
            switch kind {
            case .stack:
                if stackSources[name] == nil { stackOrder.append(name) }
                if !(stackSources[name] ?? []).contains(source) { stackSources[name, default: []].append(source) }
                if !groups[groupIndex].request.stackNames.contains(name) {
                    groups[groupIndex].request.stackNames.append(name)
                }
                if output && !groups[groupIndex].request.outputStackNames.contains(name) {
                    groups[groupIndex].request.outputStackNames.append(name)
                }
            case .parameter:
                if parameterSources[name] == nil { parameterOrder.append(name) }
                if !(parameterSources[name] ?? []).contains(source) {
                    parameterSources[name, default: []].append(source)
                }
                if !groups[groupIndex].request.parameterNames.contains(name) {
                    groups[groupIndex].request.parameterNames.append(name)
                }
            case .file, .folder, .text, .yaml:
                break
            }
        }

        var plan: ProbePlan {
            var plan = ProbePlan(groups: groups, stackSources: stackSources, parameterSources: parameterSources,
                                 stackOrder: stackOrder, parameterOrder: parameterOrder, unresolved: unresolved)
            plan.fallbacks = fallbacks
            plan.secretSources = secretSources
            plan.secretOrder = secretOrder
            plan.consumedOutputs = consumedOutputs
            return plan
        }
    }
}

/// The names of a `ProbeRequest`, kept here as a plain value so that the plan is Equatable
/// and testable without AWSKit.
public struct ProbeRequestNames: Sendable, Equatable {
    public var stackNames: [String] = []
    public var parameterNames: [String] = []
    /// Stacks whose outputs a service reads: asked with DescribeStacks, outputs kept.
    public var outputStackNames: [String] = []

    public init(stackNames: [String] = [], parameterNames: [String] = [], outputStackNames: [String] = []) {
        self.stackNames = stackNames
        self.parameterNames = parameterNames
        self.outputStackNames = outputStackNames
    }
}

/// One output a service reads from another stack, where it is asked, and the file reading it.
public struct ConsumedOutputEntry: Sendable, Equatable {
    public var stack: String
    public var output: String
    public var region: String
    public var source: String
}

extension ProbePlan {
    /// Only what the linked items need (for `verify`): the stacks and parameters of their
    /// expectations, each in the region the linker gave it; names that cannot be known are not asked.
    public static func make(expectations: [ItemExpectations]) -> ProbePlan {
        var builder = Builder()
        for entry in expectations {
            for expectation in entry.expectations where !expectation.kind.isPath && expectation.problem == nil {
                builder.add(expectation.kind, expectation.name, source: expectation.source,
                            region: expectation.region, output: expectation.output != nil,
                            profile: expectation.profile)
            }
        }
        return builder.plan
    }
}
