import Foundation

/// CloudFormation dynamic references to SSM in a service's resources:
/// `{{resolve:ssm:name}}`, `{{resolve:ssm:name:version}}`, `{{resolve:ssm-secure:name:version}}`.
/// CloudFormation fails the deploy when the parameter is missing, so each is a parameter the
/// service consumes; only its existence is asked, never its value (issue 8 point 17).
enum DynamicReferences {
    /// The parameter names referenced in `text`, without the version.
    static func parameterNames(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let start = rest.range(of: "{{resolve:") {
            rest = rest[start.upperBound...]
            guard let end = rest.range(of: "}}") else { break }
            let reference = rest[..<end.lowerBound]
            rest = rest[end.upperBound...]
            for kind in ["ssm-secure:", "ssm:"] where reference.hasPrefix(kind) {
                var name = reference.dropFirst(kind.count)
                // `:7` at the end is the version; a colon elsewhere belongs to `${AWS::Region}`.
                if let colon = name.lastIndex(of: ":"), !name[name.index(after: colon)...].isEmpty,
                   name[name.index(after: colon)...].allSatisfy(\.isNumber) {
                    name = name[..<colon]
                }
                if !name.isEmpty { names.append(String(name)) }
                break
            }
        }
        return names
    }

    /// Every dynamic reference in `strings` (the service's resources), Serverless variables
    /// resolved first; a name that still holds a variable is kept as unknown, with the reason.
    static func consumed(in strings: [String], resolver: inout VariableResolver) -> [ConsumedParameter] {
        var found: [ConsumedParameter] = []
        for text in strings where text.holds("{{resolve:ssm") {
            var problem: String?
            var resolved = text
            switch resolver.resolve(text) {
            case .value(let value): resolved = value
            case .unknown(let why): problem = why
            }
            for name in parameterNames(in: resolved) {
                if name.contains("${") {
                    let why = problem ?? "\(name) holds a CloudFormation variable, known only at deploy"
                    found.append(ConsumedParameter(name: DiscoveredName(raw: name, resolved: nil, problem: why)))
                } else {
                    found.append(ConsumedParameter(name: .known(name)))
                }
            }
        }
        return found
    }
}
