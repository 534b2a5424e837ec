import AWSKit
import Foundation
import PlanKit

/// The answer of `plantrack probe`: JSON exactly per CONTRACT §5, plus
/// `apiCalls` and `unresolved`, and a table for people.
public struct ProbeReport: Sendable, Equatable {
    /// A stack the project expects, with AWSKit's answer for it (the one meaning of a
    /// status lives there) and the serverless files that name it.
    public struct Stack: Sendable, Equatable {
        public var observation: StackObservation
        public var sources: [String]
        /// False when AWS gave no answer for it (no credentials, a failed call): "not asked", never "missing".
        public var asked: Bool = true

        public var name: String { observation.name }
        public var status: String? { observation.status }
        public var lastUpdated: Date? { observation.lastUpdated }
        public var matches: [String] { observation.matches }
        /// A `*` name exists when something matched it, and is deployed only when a match is live
        /// (issue 8 point 14: the probe puts a live match first and gives its status).
        public var exists: Bool { name.contains("*") ? !matches.isEmpty : observation.exists }
        public var deployed: Bool { name.contains("*") ? !matches.isEmpty && observation.deployed : observation.deployed }
    }

    /// A parameter the project expects, with AWSKit's answer for it and where it is named.
    public struct Parameter: Sendable, Equatable {
        public var observation: ParameterObservation
        public var sources: [String]
        public var asked: Bool = true
        /// Its fallback chain, when it is read only as one member of one (`${ssm:/a, ssm:/b, ""}`).
        public var fallback: FallbackChain?
        /// For a fallback member: the chain ends in a value, or some member exists.
        public var chainHolds: Bool = false

        /// Missing and not covered by its chain: what the summary counts as missing.
        public var isMissing: Bool { asked && !exists && !(fallback != nil && chainHolds) }

        public var name: String { observation.name }
        public var exists: Bool { observation.exists }
        public var type: String? { observation.type }
        public var version: Int? { observation.version }
        public var lastModified: Date? { observation.lastModified }
        public var matches: [String] { observation.matches }
    }

    public var stage: String
    public var region: String?
    public var probedAt: Date
    public var stacks: [Stack]
    public var parameters: [Parameter]
    public var errors: [ProbeFailure]
    public var apiCalls: Int
    public var unresolved: [ProbePlan.Unresolved]
    /// What the user should be told once though nothing failed (AWSKit's `ProbeResult.notes`):
    /// in the JSON, and on standard error beside the table.
    public var notes: [String]
    /// Secrets Manager references: listed with their sources, not probed.
    public var secrets: [Secret]

    public struct Secret: Sendable, Equatable {
        public var name: String
        public var sources: [String]
    }

    /// An output a service reads from another stack (`${cf:stack.Output}`) and what AWS said.
    public struct OutputAnswer: Sendable, Equatable {
        public var stack: String
        public var output: String
        public var region: String
        public var sources: [String]
        /// "found", "no output", "stack missing", "stack not live (STATUS)" or "not asked".
        public var state: String
        /// True when found, false when the deploy would fail, nil when not asked.
        public var found: Bool?

        init(_ entry: ConsumedOutputEntry, answer: StackObservation?) {
            stack = entry.stack
            output = entry.output
            region = entry.region
            sources = [entry.source]
            switch answer {
            case nil: (state, found) = ("not asked", nil)
            case let observed? where observed.status == nil || observed.status == "DELETE_COMPLETE":
                (state, found) = ("stack missing", false)
            case let observed? where !observed.deployed:
                (state, found) = ("stack not live (\(observed.status ?? "?"))", false)
            case let observed?:
                guard let outputs = observed.outputs else { (state, found) = ("not asked", nil); break }
                (state, found) = outputs.contains(entry.output) ? ("found", true) : ("no output", false)
            }
        }
    }

    /// Stack outputs the services read, with what AWS answered (issue 8 point 18).
    public var consumedOutputs: [OutputAnswer] = []

    public init(plan: ProbePlan, result: ProbeResult, stage: String, region: String?) {
        self.notes = result.notes
        self.stage = stage
        self.region = region
        self.probedAt = result.probedAt
        self.apiCalls = result.apiCalls
        self.errors = result.failures
        self.unresolved = plan.unresolved
        let stackAnswers = Dictionary(result.stacks.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let parameterAnswers = Dictionary(result.parameters.map { ($0.name, $0) },
                                          uniquingKeysWith: { first, _ in first })
        stacks = plan.stackOrder.map { name in
            let answer = stackAnswers[name]
            return Stack(observation: answer ?? StackObservation(name: name, status: nil, lastUpdated: nil),
                         sources: plan.stackSources[name] ?? [], asked: answer != nil)
        }
        parameters = plan.parameterOrder.map { name in
            let answer = parameterAnswers[name]
            let chain = plan.fallbacks[name]
            let holds = chain.map { $0.endsInValue || $0.members.contains { parameterAnswers[$0]?.exists == true } }
            return Parameter(observation: answer ?? ParameterObservation(name: name, exists: false),
                             sources: plan.parameterSources[name] ?? [], asked: answer != nil,
                             fallback: chain, chainHolds: holds ?? false)
        }
        secrets = plan.secretOrder.map { Secret(name: $0, sources: plan.secretSources[$0] ?? []) }
        consumedOutputs = plan.consumedOutputs.map { entry in
            OutputAnswer(entry, answer: result.stacks.first { $0.name == entry.stack && $0.outputs != nil }
                ?? stackAnswers[entry.stack])
        }
    }

    // MARK: - JSON

    public func json() -> String { jsonValue.rendered() }

    /// The report as a JSON value, for documents that hold several (`probe --stages`).
    public var jsonValue: JSONValue {
        JSONValue.object([
            ("stage", .string(stage)),
            ("region", .optional(region)),
            ("probedAt", .optional(Timestamp.string(probedAt))),
            ("apiCalls", .number(apiCalls)),
            ("stacks", .array(stacks.map { stack in
                var entry: [(String, JSONValue)] = [
                    ("name", .string(stack.name)), ("exists", .bool(stack.exists)), ("deployed", .bool(stack.deployed)),
                    ("status", .optional(stack.status)), ("lastUpdated", .optional(Timestamp.string(stack.lastUpdated))),
                    ("sources", .array(stack.sources.map(JSONValue.string))),
                ]
                if stack.name.contains("*") { entry.append(("matches", .array(stack.matches.map(JSONValue.string)))) }
                if !stack.asked { entry.append(("asked", .bool(false))) }
                return .object(entry)
            })),
            ("parameters", .array(parameters.map { parameter in
                var entry: [(String, JSONValue)] = [
                    ("name", .string(parameter.name)), ("exists", .bool(parameter.exists)),
                    ("type", .optional(parameter.type)), ("version", .optional(parameter.version)),
                    ("lastModified", .optional(Timestamp.string(parameter.lastModified))),
                    ("sources", .array(parameter.sources.map(JSONValue.string))),
                ]
                if parameter.name.contains("*") {
                    entry.append(("matches", .array(parameter.matches.map(JSONValue.string))))
                }
                if !parameter.asked { entry.append(("asked", .bool(false))) }
                if parameter.fallback != nil {
                    entry.append(("fallback", .bool(true)))
                    entry.append(("chainHolds", .bool(parameter.chainHolds)))
                }
                return .object(entry)
            })),
            ("secrets", .array(secrets.map { secret in
                .object([("name", .string(secret.name)), ("sources", .array(secret.sources.map(JSONValue.string))),
                         ("probed", .bool(false))])
            })),
            ("consumedOutputs", .array(consumedOutputs.map { consumed in
                .object([("stack", .string(consumed.stack)), ("output", .string(consumed.output)),
                         ("region", .string(consumed.region)), ("found", consumed.found.map(JSONValue.bool) ?? .null),
                         ("state", .string(consumed.state)),
                         ("sources", .array(consumed.sources.map(JSONValue.string)))])
            })),
            ("errors", .array(errors.map {
                .object([("service", .string($0.service)), ("code", .string($0.code)), ("message", .string($0.message))])
            })),
            ("unresolved", .array(unresolved.map {
                .object([("kind", .string($0.kind.rawValue)), ("name", .string($0.name.raw)),
                         ("reason", .string($0.reason)), ("source", .string($0.source))])
            })),
            ("notes", .array(notes.map(JSONValue.string))),
        ])
    }

    // MARK: - Table

    public func table(unicode: Bool) -> String {
        let yes = unicode ? "✓" : "+"
        let no = unicode ? "✗" : "x"
        var lines: [String] = []
        let deployedCount = stacks.filter(\.deployed).count
        let existingCount = parameters.filter(\.exists).count
        lines.append("Stage \(stage) · region \(region ?? "(from AWS settings)") · probed \(Timestamp.string(probedAt) ?? "") · \(apiCalls) API call\(apiCalls == 1 ? "" : "s")")
        lines.append("")
        var stackTable = TextTable(header: ["", "STACK", "STATUS", "SINCE", "SOURCE"])
        for stack in stacks {
            let status: String
            if !stack.asked {
                status = "not asked"
            } else if stack.name.contains("*") {
                status = stack.matches.isEmpty ? "none match"
                    : stack.deployed ? "\(stack.matches.count) match"
                    : "\(stack.matches.count) match, none live (\(stack.status ?? "?"))"
            } else if stack.status == "DELETE_COMPLETE" {
                status = "deleted"
            } else {
                status = stack.status ?? "missing"
            }
            stackTable.rows.append([!stack.asked ? "?" : stack.deployed ? yes : no, stack.name, status,
                                    Self.since(stack.lastUpdated), stack.sources.first ?? ""].map(TerminalText.sanitized))
        }
        lines.append(stackTable.render())
        lines.append("")
        var parameterTable = TextTable(header: ["", "PARAMETER", "TYPE", "VERSION", "SINCE", "SOURCE"])
        for parameter in parameters {
            let type = !parameter.asked ? "not asked" : parameter.name.contains("*")
                ? (parameter.matches.isEmpty ? "none match" : "\(parameter.matches.count) match")
                : parameter.exists ? (parameter.type ?? "") : parameter.isMissing ? "missing" : "fallback"
            let mark = !parameter.asked ? "?" : parameter.exists ? yes : parameter.isMissing ? no : "-"
            parameterTable.rows.append([mark, parameter.name, type,
                                        parameter.version.map(String.init) ?? "", Self.since(parameter.lastModified),
                                        parameter.sources.first ?? ""].map(TerminalText.sanitized))
        }
        lines.append(parameterTable.render())
        if !secrets.isEmpty {
            lines.append("")
            lines.append("Secrets Manager references (listed, not probed through SSM):")
            for secret in secrets {
                lines.append(TerminalText.sanitized("  \(secret.name) in \(secret.sources.joined(separator: ", "))"))
            }
        }
        if !consumedOutputs.isEmpty {
            lines.append("")
            lines.append("Stack outputs the services read (${cf:…}):")
            var outputTable = TextTable(header: ["", "STACK", "OUTPUT", "REGION", "STATE", "SOURCE"])
            for consumed in consumedOutputs {
                let mark = consumed.found.map { $0 ? yes : no } ?? "?"
                outputTable.rows.append([mark, consumed.stack, consumed.output, consumed.region, consumed.state,
                                         consumed.sources.first ?? ""].map(TerminalText.sanitized))
            }
            lines.append(outputTable.render())
        }
        if !unresolved.isEmpty {
            lines.append("")
            lines.append("Not probed (cannot be known before deploy):")
            for entry in unresolved {
                lines.append(TerminalText.sanitized("  \(entry.kind.rawValue) \(entry.name.raw) in \(entry.source): \(entry.reason)"))
            }
        }
        for error in errors {
            lines.append(TerminalText.sanitized("error: \(error.service) \(error.code): \(error.message)"))
        }
        lines.append("")
        let notAsked = stacks.filter { !$0.asked }.count + parameters.filter { !$0.asked }.count
        let missing = stacks.count - deployedCount - stacks.filter { !$0.asked }.count
            + parameters.filter(\.isMissing).count
        lines.append("\(deployedCount) of \(stacks.count) stacks deployed, \(existingCount) of \(parameters.count) parameters exist; \(missing) missing"
            + (notAsked > 0 ? ", \(notAsked) not asked." : "."))
        return lines.joined(separator: "\n")
    }

    static func since(_ date: Date?) -> String {
        guard let text = Timestamp.string(date) else { return "" }
        return text
    }
}
