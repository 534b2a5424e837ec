import Foundation
import Yams

/// Reads the `text:` and `yaml:` lists of one `checks:` entry and validates them as the config
/// is read: a glob that would leave the project or a regular expression that does not compile
/// is an error naming the key (exit 2), not a surprise at verify time.
struct RepositoryRuleReader {
    let reader: NodeReader

    static let textKeys = ["in", "any", "present", "absent", "pattern", "no_pattern"]
    static let yamlKeys = ["in", "any", "path", "contains", "equals", "absent"]

    func rules(_ node: Node, kind: EvidenceKind, key: String) throws(ConfigError) -> [RepositoryRule] {
        if node.isNull { return [] }
        let elements = node.sequence.map(Array.init) ?? [node]
        var rules: [RepositoryRule] = []
        for (index, element) in elements.enumerated() {
            let place = "\(key)[\(index)]"
            guard let mapping = element.mapping else {
                throw .badValue(file: reader.file, line: element.mark?.line, key: place,
                                expected: "a mapping with in: and \(kind == .text ? "present/absent/pattern/no_pattern" : "path")")
            }
            rules.append(try rule(mapping, kind: kind, place: place, line: element.mark?.line))
        }
        return rules
    }

    private func rule(_ mapping: Node.Mapping, kind: EvidenceKind, place: String, line: Int?) throws(ConfigError) -> RepositoryRule {
        let known = kind == .text ? Self.textKeys : Self.yamlKeys
        var fields: [String: (value: String, line: Int?)] = [:]
        for (keyNode, value) in mapping {
            let name = keyNode.scalar?.string ?? "\(keyNode)"
            guard known.contains(name) else {
                throw .unknownKey(file: reader.file, line: keyNode.mark?.line, key: name,
                                  place: "in \(place) (known keys: \(known.joined(separator: ", ")))")
            }
            guard let text = try reader.string(value, key: "\(place).\(name)") else { continue }
            fields[name] = (text, value.mark?.line)
        }
        guard let glob = fields["in"] else {
            throw .badValue(file: reader.file, line: line, key: "\(place).in", expected: "a glob under project: (\"services/**/serverless.yml\")")
        }
        if let problem = ProjectGlob.problem(glob.value) {
            throw .badValue(file: reader.file, line: glob.line, key: "\(place).in", expected: problem)
        }
        let any = try flag(fields["any"], key: "\(place).any")
        let test = kind == .text ? try textTest(fields, place: place, line: line) : try yamlTest(fields, place: place, line: line)
        return RepositoryRule(glob: glob.value, test: test, any: any)
    }

    private func textTest(_ fields: [String: (value: String, line: Int?)], place: String, line: Int?) throws(ConfigError) -> RepositoryRule.Test {
        let given = ["present", "absent", "pattern", "no_pattern"].filter { fields[$0] != nil }
        guard given.count == 1, let name = given.first, let field = fields[name] else {
            throw .badValue(file: reader.file, line: line, key: place,
                            expected: "exactly one of present, absent, pattern, no_pattern")
        }
        switch name {
        case "present": return .present(field.value)
        case "absent": return .absent(field.value)
        default:
            if let problem = Self.regexProblem(field.value) {
                throw .badValue(file: reader.file, line: field.line, key: "\(place).\(name)",
                                expected: "a valid regular expression (\(problem))")
            }
            return name == "pattern" ? .pattern(field.value) : .noPattern(field.value)
        }
    }

    private func yamlTest(_ fields: [String: (value: String, line: Int?)], place: String, line: Int?) throws(ConfigError) -> RepositoryRule.Test {
        guard let path = fields["path"], !path.value.isEmpty else {
            throw .badValue(file: reader.file, line: line, key: "\(place).path", expected: "a dotted path (\"provider.runtime\", \"services.*.dependsOn\")")
        }
        let given = ["contains", "equals", "absent"].filter { fields[$0] != nil }
        guard given.count <= 1 else {
            throw .badValue(file: reader.file, line: line, key: place, expected: "at most one of contains, equals, absent")
        }
        if let value = fields["contains"] { return .yamlContains(path: path.value, value: value.value) }
        if let value = fields["equals"] { return .yamlEquals(path: path.value, value: value.value) }
        if fields["absent"] != nil {
            guard try flag(fields["absent"], key: "\(place).absent") else { return .yamlExists(path: path.value) }
            return .yamlAbsent(path: path.value)
        }
        return .yamlExists(path: path.value)
    }

    private func flag(_ field: (value: String, line: Int?)?, key: String) throws(ConfigError) -> Bool {
        guard let field else { return false }
        switch field.value.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw .badValue(file: reader.file, line: field.line, key: key, expected: "true or false")
        }
    }

    /// Why a regular expression does not compile, or nil.
    static func regexProblem(_ pattern: String) -> String? {
        do {
            _ = try NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
            return nil
        } catch {
            return "it does not compile"
        }
    }
}
