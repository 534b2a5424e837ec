import Yams

/// Works out a parameter `Name` written with CloudFormation intrinsics, short
/// (`!Sub`, `!Join`, `!Ref`) or long (`Fn::Sub`, `Fn::Join`, `Ref`), after the
/// Serverless variables in it are resolved. Anything that depends on a resource
/// (`!GetAtt`, `!Ref MyBucket`, `!ImportValue`) cannot be known before deploy.
struct IntrinsicEvaluator {
    var resolver: VariableResolver
    let stackName: String?
    let region: String?

    enum Piece {
        case text(String)
        case unknown(String)
    }

    mutating func name(_ node: Node, logicalId: String) -> DiscoveredName {
        let raw = Self.describe(node)
        switch evaluate(node) {
        case .text(let value): return DiscoveredName(raw: raw, resolved: value)
        case .unknown(let why): return DiscoveredName(raw: raw, resolved: nil, problem: "\(logicalId): \(why)")
        }
    }

    mutating func evaluate(_ node: Node) -> Piece {
        let (function, argument) = Self.intrinsic(node)
        switch function {
        case nil:
            guard let scalar = node.scalar else { return .unknown("the name is not text") }
            return serverless(scalar.string, substituteCloudFormation: false)
        case "Sub":
            if let scalar = argument.scalar { return serverless(scalar.string, substituteCloudFormation: true) }
            return .unknown("!Sub with a variable map cannot be read before deploy")
        case "Join":
            let list = argument.array()
            guard list.count == 2, let delimiter = list[0].scalar?.string, list[1].sequence != nil else {
                return .unknown("!Join needs a delimiter and a list")
            }
            var parts: [String] = []
            for element in list[1].array() {
                switch evaluate(element) {
                case .text(let text): parts.append(text)
                case .unknown(let why): return .unknown(why)
                }
            }
            return .text(parts.joined(separator: delimiter))
        case "Ref":
            let target = argument.scalar?.string ?? ""
            if let value = pseudoParameter(target) { return .text(value) }
            return .unknown("!Ref \(target) is known only after deploy")
        default:
            return .unknown("!\(function!) is known only after deploy")
        }
    }

    private mutating func serverless(_ text: String, substituteCloudFormation: Bool) -> Piece {
        switch resolver.resolve(text) {
        case .unknown(let why): return .unknown(why)
        case .value(var value):
            guard substituteCloudFormation else { return .text(value) }
            // `${AWS::Region}` and friends; any other `${X}` names a resource.
            while let start = value.range(of: "${"), let end = value[start.upperBound...].firstIndex(of: "}") {
                let name = String(value[start.upperBound..<end])
                guard let replacement = pseudoParameter(name) else {
                    return .unknown("${\(name)} is known only after deploy")
                }
                value.replaceSubrange(start.lowerBound...end, with: replacement)
            }
            return .text(value)
        }
    }

    private func pseudoParameter(_ name: String) -> String? {
        switch name {
        case "AWS::Region": return region
        case "AWS::StackName": return stackName
        case "AWS::Partition": return "aws"
        case "AWS::URLSuffix": return "amazonaws.com"
        default: return nil
        }
    }

    /// `!Sub x` → ("Sub", x); `{Fn::Sub: x}` → ("Sub", x); `{Ref: x}` → ("Ref", x).
    static func intrinsic(_ node: Node) -> (String?, Node) {
        let tag = node.tag.description
        if tag.hasPrefix("!") { return (String(tag.dropFirst()), node) }
        if let mapping = node.mapping, mapping.count == 1, let key = mapping.first?.key.scalar?.string {
            if key == "Ref" { return ("Ref", mapping.first!.value) }
            if key.hasPrefix("Fn::") { return (String(key.dropFirst(4)), mapping.first!.value) }
        }
        return (nil, node)
    }

    static func describe(_ node: Node) -> String {
        let tag = node.tag.description
        let prefix = tag.hasPrefix("!") ? tag + " " : ""
        switch node {
        case .scalar(let scalar): return prefix + scalar.string
        case .sequence(let sequence): return prefix + "[" + sequence.map(describe).joined(separator: ", ") + "]"
        case .mapping(let mapping):
            return prefix + "{" + mapping.map { describe($0.key) + ": " + describe($0.value) }.joined(separator: ", ") + "}"
        case .alias: return prefix + "*alias"
        }
    }
}
