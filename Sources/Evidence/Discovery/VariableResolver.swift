import Foundation
import Yams

/// Resolves Serverless Framework v3 variables (`${self:…}`, `${sls:stage}`,
/// `${opt:stage, 'dev'}`, nested and with fallbacks) the way `serverless` would
/// before deploying, as far as that can be done without AWS. SSM references are
/// recorded as parameters the service consumes; their values are never read.
struct VariableResolver {
    let document: Node
    let stage: String
    let region: String?
    /// `${env:X}`: the process environment over the service's `.env.<stage>` and `.env`.
    let environment: [String: String]
    /// The absolute folder of the serverless file, against which `${file(…)}` paths are read.
    let folder: String?
    /// The files `${file(…)}` names, read once per discovery.
    let includes: IncludedFiles?
    /// `${param:X}` from the compose file's `params:` for this service, as written there.
    let composeParams: [String: String]
    /// `${aws:accountId}`, once STS has answered; nil before (or when it cannot be asked).
    let accountID: AccountID
    /// Every SSM parameter met while resolving, with the region named in `${ssm(region):…}`.
    private(set) var consumed: [ConsumedParameter] = []
    /// Every stack output met while resolving (`${cf:stack.Output}`), resolved or not.
    private(set) var consumedOutputs: [ConsumedOutput] = []
    /// Set when some value needed `${aws:accountId}` and it was not known yet.
    private(set) var neededAccountID = false

    init(document: Node, stage: String, region: String?, environment: [String: String] = [:],
         folder: String? = nil, includes: IncludedFiles? = nil, composeParams: [String: String] = [:],
         accountID: AccountID = .notAsked) {
        self.accountID = accountID
        self.folder = folder
        self.includes = includes
        self.composeParams = composeParams
        self.environment = environment
        self.document = document
        self.stage = stage
        self.region = region
    }

    enum Outcome: Equatable {
        case value(String)
        case unknown(String)
    }

    /// Resolves every variable in `text`; CloudFormation `${AWS::Region}`-style
    /// placeholders (no source prefix) are left as written.
    mutating func resolve(_ text: String, depth: Int = 0) -> Outcome {
        guard depth < 12 else { return .unknown("variables nest too deep (a cycle?) in \(text)") }
        var output = ""
        var index = text.startIndex
        var firstProblem: String?
        while index < text.endIndex {
            guard text[index...].hasPrefix("${"), let close = Self.matchingBrace(in: text, from: index) else {
                output.append(text[index])
                index = text.index(after: index)
                continue
            }
            let inner = String(text[text.index(index, offsetBy: 2)..<close])
            index = text.index(after: close)
            if Self.isCloudFormationPlaceholder(inner) {
                output += "${\(inner)}"
                continue
            }
            switch evaluate(inner, depth: depth) {
            case .value(let value): output += value
            case .unknown(let why):
                firstProblem = firstProblem ?? why
                output += "${\(inner)}"
            }
        }
        if let firstProblem { return .unknown(firstProblem) }
        return .value(output)
    }

    /// One `${…}` body: nested variables first, then the comma-separated sources in turn.
    private mutating func evaluate(_ body: String, depth: Int) -> Outcome {
        let flattened: String
        switch resolveNestedOnly(body, depth: depth) {
        case .value(let text): flattened = text
        case .unknown(let why):
            recordUnresolvedReferences(in: body, why: why)
            return .unknown(why)
        }
        let sources = Self.splitSources(flattened)
        let before = consumed.count
        var outcome: Outcome?
        var problems: [String] = []
        for source in sources {
            switch evaluateSource(source, depth: depth) {
            case .value(let value): outcome = .value(value)
            case .unknown(let why): problems.append(why)
            }
            if outcome != nil { break }
        }
        if sources.count > 1 && consumed.count > before {
            let chain = FallbackChain(members: consumed[before...].map(\.name.display), endsInValue: outcome != nil)
            for index in before..<consumed.count { consumed[index].fallback = chain }
        }
        return outcome ?? .unknown(problems.first ?? "empty variable ${\(body)}")
    }

    /// An SSM reference with a part that cannot be worked out (`${ssm:/app/${env:UNSET}/key}`)
    /// is still a parameter the service consumes: kept, unknown, with the reason (point 19).
    private mutating func recordUnresolvedReferences(in body: String, why: String) {
        for source in Self.splitSources(body) {
            let trimmed = source.trimmingCharacters(in: .whitespaces)
            if let (stack, output, region) = ConsumedOutput.reference(trimmed) {
                consumedOutputs.append(ConsumedOutput(stack: DiscoveredName(raw: stack, resolved: nil, problem: why),
                                                      output: output, region: region))
                continue
            }
            guard let (name, region) = Self.ssmReference(trimmed) else { continue }
            consumed.append(ConsumedParameter(name: DiscoveredName(raw: name, resolved: nil, problem: why), region: region))
        }
    }

    /// Resolves `${…}` inside a variable body, keeping the rest as it is.
    private mutating func resolveNestedOnly(_ body: String, depth: Int) -> Outcome {
        guard body.contains("${") else { return .value(body) }
        return resolve(body, depth: depth + 1)
    }

    private mutating func evaluateSource(_ rawSource: String, depth: Int) -> Outcome {
        let source = rawSource.trimmingCharacters(in: .whitespaces)
        if let literal = Self.quotedLiteral(source) { return .value(literal) }
        if Double(source) != nil { return .value(source) }
        if source == "sls:stage" || source == "opt:stage" {
            return .value(stage)
        }
        if source == "opt:region" || source == "aws:region" {
            if let region { return .value(region) }
            if source == "aws:region", case .value(let provider)? = lookupString("provider.region", depth: depth) {
                return .value(provider)
            }
            return .unknown("${\(source)} is not set (give --region or region: in .plantrack.yml)")
        }
        if source == "aws:accountId" {
            switch accountID {
            case .known(let account): return .value(account)
            case .notAsked:
                neededAccountID = true
                return .unknown("${aws:accountId} is asked of STS only when credentials are at hand")
            case .unavailable(let why):
                return .unknown("${aws:accountId} could not be asked (\(why)); fix the AWS credentials")
            }
        }
        if source.hasPrefix("self:") {
            let path = String(source.dropFirst(5))
            if path == "service", let name = serviceName(depth: depth) { return name }
            if path == "provider.stage" { return .value(stage) }
            if path == "provider.region", let region { return .value(region) }
            return lookupString(path, depth: depth) ?? .unknown("${self:\(path)} is not defined in the file")
        }
        if let (name, ssmRegion) = Self.ssmReference(source) {
            consumed.append(ConsumedParameter(name: .known(name), region: ssmRegion))
            return .unknown("${\(source)} is read from SSM at deploy time")
        }
        if let (stack, output, cfRegion) = ConsumedOutput.reference(source) {
            consumedOutputs.append(ConsumedOutput(stack: .known(stack), output: output, region: cfRegion))
            return .unknown("${\(source)} is read from CloudFormation at deploy time")
        }
        if let reference = IncludedFiles.Reference(source: source) {
            return includedValue(reference, source: source, depth: depth)
        }
        if source.hasPrefix("param:") {
            return parameterValue(String(source.dropFirst(6)).trimmingCharacters(in: .whitespaces), depth: depth)
        }
        if source.hasPrefix("env:") {
            let name = String(source.dropFirst(4)).trimmingCharacters(in: .whitespaces)
            if let value = environment[name] { return .value(value) }
            return .unknown("${env:\(name)} is not set; export \(name) or add it to .env")
        }
        return .unknown("${\(source)} cannot be resolved before deploy")
    }

    /// `${file(path)}` / `${file(path):a.b}` used inside a value: it must name a single value.
    private mutating func includedValue(_ reference: IncludedFiles.Reference, source: String, depth: Int) -> Outcome {
        guard let includes else { return .unknown("${\(source)} cannot be read: the file's folder is not known") }
        switch includes.node(reference, from: folder) {
        case .failure(let problem):
            return .unknown("${\(source)} cannot be read (\(problem.reason)); fix the path, relative to the file that names it")
        case .success(let node):
            guard let scalar = node.scalar else { return .unknown("${\(source)} is not a single value") }
            return resolve(scalar.string, depth: depth + 1)
        }
    }

    /// `${param:X}`: the compose file's `params` for this service, then the service's own
    /// `params:` for the stage, then its `default` (v4's `stages:` block likewise). A compose
    /// param fed from another service's outputs is known only once that service is deployed.
    private mutating func parameterValue(_ name: String, depth: Int) -> Outcome {
        if let composed = composeParams[name] {
            if let output = Self.composeOutput(composed) {
                return .unknown("${param:\(name)} is the compose output ${\(output)}, known only after \(output.split(separator: ".")[0]) is deployed")
            }
            return resolve(composed, depth: depth + 1)
        }
        for path in ["params.\(stage).\(name)", "params.default.\(name)",
                     "stages.\(stage).params.\(name)", "stages.default.params.\(name)"] {
            if let outcome = lookupString(path, depth: depth) { return outcome }
        }
        return .unknown("${param:\(name)} is not set; add it under params: for \(stage) or default, or to the compose file's params")
    }

    /// `${api.ServiceEndpoint}` in a compose param: another service's output (`service.Output`).
    static func composeOutput(_ value: String) -> String? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("${"), trimmed.hasSuffix("}") else { return nil }
        let body = String(trimmed.dropFirst(2).dropLast()).trimmingCharacters(in: .whitespaces)
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, !body.contains(":"), parts.allSatisfy({ !$0.isEmpty }) else { return nil }
        return body
    }

    private mutating func serviceName(depth: Int) -> Outcome? {
        guard let node = document["service"] else { return nil }
        if let scalar = node.scalar { return resolve(scalar.string, depth: depth + 1) }
        if let name = node["name"]?.scalar { return resolve(name.string, depth: depth + 1) }
        return nil
    }

    private func lookup(_ path: String) -> Node? {
        var node: Node? = document
        for part in path.split(separator: ".") {
            node = node?[String(part)]
        }
        return node
    }

    private mutating func lookupString(_ path: String, depth: Int) -> Outcome? {
        guard let node = lookup(path) else { return nil }
        guard let scalar = node.scalar else { return .unknown("${self:\(path)} is not a single value") }
        return resolve(scalar.string, depth: depth + 1)
    }

    // MARK: - Syntax helpers

    /// The index of the `}` closing the `${` at `start`, counting nested `${…}`.
    static func matchingBrace(in text: String, from start: String.Index) -> String.Index? {
        var depth = 0
        var index = start
        while index < text.endIndex {
            if text[index...].hasPrefix("${") {
                depth += 1
                index = text.index(index, offsetBy: 2)
                continue
            }
            if text[index] == "}" {
                depth -= 1
                if depth == 0 { return index }
            }
            index = text.index(after: index)
        }
        return nil
    }

    /// `${AWS::Region}`, `${MyBucket}`, `${MyBucket.Arn}`: CloudFormation's, not Serverless's.
    static func isCloudFormationPlaceholder(_ body: String) -> Bool {
        if body.contains("::") { return true }
        if body.hasPrefix("file(") { return false }
        return !body.contains(":") && !body.contains("${") && !body.contains(",")
            && Self.quotedLiteral(body.trimmingCharacters(in: .whitespaces)) == nil
    }

    /// Splits fallbacks `a, b, 'c'` at commas outside quotes and parentheses.
    static func splitSources(_ body: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character?
        var parens = 0
        for character in body {
            if let open = quote {
                if character == open { quote = nil }
                current.append(character)
                continue
            }
            switch character {
            case "'", "\"": quote = character; current.append(character)
            case "(": parens += 1; current.append(character)
            case ")": parens -= 1; current.append(character)
            case "," where parens == 0: parts.append(current); current = ""
            default: current.append(character)
            }
        }
        parts.append(current)
        return parts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func quotedLiteral(_ source: String) -> String? {
        guard source.count >= 2, let first = source.first, first == "'" || first == "\"", source.last == first
        else { return nil }
        return String(source.dropFirst().dropLast())
    }

    /// `ssm:/a/b`, `ssm(us-east-1):/a/b`, `aws:ssm:/a/b` → (name, region).
    /// The parameter named, without a v2 `~true` / `~split` suffix (issue 8 point 6):
    /// the name asked is the path itself.
    static func ssmReference(_ source: String) -> (String, String?)? {
        guard let (name, region) = ssmReferenceAsWritten(source) else { return nil }
        return (strippingSuffix(name), region)
    }

    static func strippingSuffix(_ name: String) -> String {
        for suffix in ["~true", "~false", "~split"] where name.hasSuffix(suffix) {
            return String(name.dropLast(suffix.count))
        }
        return name
    }

    private static func ssmReferenceAsWritten(_ source: String) -> (String, String?)? {
        if source.hasPrefix("aws:ssm:") { return (String(source.dropFirst(8)), nil) }
        if source.hasPrefix("ssm:") { return (String(source.dropFirst(4)), nil) }
        if source.hasPrefix("ssm("), let close = source.firstIndex(of: ")") {
            let region = String(source[source.index(source.startIndex, offsetBy: 4)..<close])
            let rest = source[source.index(after: close)...]
            guard rest.hasPrefix(":") else { return nil }
            let parts = region.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let name = String(rest.dropFirst())
            let regionName = parts.first { !$0.isEmpty && $0 != "raw" && $0 != "noDecrypt" }
            return (name, regionName)
        }
        return nil
    }
}

/// `${aws:accountId}`: what STS GetCallerIdentity said, if it was asked.
public enum AccountID: Sendable, Equatable {
    case notAsked
    case known(String)
    case unavailable(String)
}
