import Yams

/// Reads a theme file: a YAML mapping from `StyleRole` names to styles.
///
/// ```yaml
/// description: Dark blue background   # optional
/// text: { fg: "#839496", bg: "#002b36" }
/// title: { fg: yellow, bold: true }
/// stateDone: green                     # a bare colour is the foreground
/// ```
/// Roles left out keep the base theme's rule; fields left out keep the base's field.
public enum ThemeParser {
    /// Keys allowed at the top level besides the roles.
    static let informationalKeys: Set<String> = ["description", "name"]

    public static func parse(yaml: String, file: String, name: String,
                             base: Theme = .default) throws(ThemeError) -> Theme {
        base.overlaid(by: try rules(yaml: yaml, file: file), name: name)
    }

    /// The rules a file writes, without merging them into a base.
    public static func rules(yaml: String, file: String) throws(ThemeError) -> [StyleRole: StyleRule] {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw .malformedYAML(file: file, reason: "\(error)".split(separator: "\n").joined(separator: " "))
        }
        guard let root else { return [:] }  // an empty file overrides nothing
        guard let mapping = root.mapping else { throw .notAMapping(file: file) }
        var rules: [StyleRole: StyleRule] = [:]
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? "\(keyNode)"
            let line = lineOf(keyNode)
            if informationalKeys.contains(key) { continue }
            guard let role = StyleRole(rawValue: key) else {
                throw .unknownRole(file: file, line: line, key: key)
            }
            rules[role] = try rule(value, role: key, file: file)
        }
        return rules
    }

    private static func rule(_ node: Node, role: String, file: String) throws(ThemeError) -> StyleRule {
        if case .scalar(let scalar) = node {
            if scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null" { return StyleRule() }
            return StyleRule(foreground: try color(node, key: role, file: file))
        }
        guard let fields = node.mapping else {
            throw .badColor(file: file, line: lineOf(node), key: role, value: "\(node)")
        }
        var rule = StyleRule()
        for (keyNode, value) in fields {
            let key = keyNode.string ?? "\(keyNode)"
            let path = "\(role).\(key)"
            switch key {
            case "fg", "foreground": rule.foreground = try color(value, key: path, file: file)
            case "bg", "background": rule.background = try color(value, key: path, file: file)
            case "bold": rule.bold = try flag(value, key: path, file: file)
            case "underline": rule.underline = try flag(value, key: path, file: file)
            case "reverse": rule.reverse = try flag(value, key: path, file: file)
            case "dim": rule.dim = try flag(value, key: path, file: file)
            default: throw .unknownField(file: file, line: lineOf(keyNode), role: role, key: key)
            }
        }
        return rule
    }

    private static func color(_ node: Node, key: String, file: String) throws(ThemeError) -> ThemeColor {
        guard let text = node.scalar?.string, let color = ThemeColor(parsing: text) else {
            throw .badColor(file: file, line: lineOf(node), key: key, value: node.scalar?.string ?? "\(node)")
        }
        return color
    }

    private static func flag(_ node: Node, key: String, file: String) throws(ThemeError) -> Bool {
        guard let value = node.bool else {
            throw .badFlag(file: file, line: lineOf(node), key: key, value: node.scalar?.string ?? "\(node)")
        }
        return value
    }

    private static func lineOf(_ node: Node) -> Int { (node.mark?.line ?? 0) }
}
