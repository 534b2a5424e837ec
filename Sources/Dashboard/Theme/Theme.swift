/// A theme: a style rule for each `StyleRole`. Built-in themes and theme files
/// are read by `ThemeParser`; a file overrides only the roles (and fields) it names,
/// on top of the built-in default.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var rules: [StyleRole: StyleRule]

    public init(name: String, rules: [StyleRole: StyleRule]) {
        self.name = name
        self.rules = rules
    }

    /// How a cell of `role` is drawn, before any emphasis.
    public subscript(role: StyleRole) -> TextStyle {
        style(for: role)
    }

    /// How a cell of `role` with inline `emphasis` is drawn: the `code` and `strong`
    /// roles are laid over the cell's own (only the fields they set), so `code` inside
    /// a selected row keeps the selection's background.
    public func style(for role: StyleRole, emphasis: Emphasis = []) -> TextStyle {
        let text = rules[.text] ?? StyleRule()
        var rule = role == .text ? text : text.overlaid(by: rules[role] ?? StyleRule())
        // Colours follow `text`, attributes do not: a bold body text need not make every role bold.
        var attributes = (rules[role] ?? StyleRule()).attributes(over: [])
        if emphasis.contains(.code), let code = rules[.code] {
            rule = rule.overlaid(by: StyleRule(foreground: code.foreground, background: code.background))
            attributes = code.attributes(over: attributes)
        }
        if emphasis.contains(.strong) {
            let strong = rules[.strong] ?? StyleRule(bold: true)
            rule = rule.overlaid(by: StyleRule(foreground: strong.foreground, background: strong.background))
            attributes = strong.attributes(over: attributes)
        }
        if emphasis.contains(.underline) { attributes.insert(.underline) }
        return TextStyle(foreground: rule.foreground ?? .terminalDefault,
                         background: rule.background ?? .terminalDefault,
                         attributes: attributes)
    }

    /// This theme with `other`'s rules written over it, field by field.
    public func overlaid(by other: [StyleRole: StyleRule], name: String) -> Theme {
        var merged = rules
        for (role, rule) in other { merged[role] = (merged[role] ?? StyleRule()).overlaid(by: rule) }
        return Theme(name: name, rules: merged)
    }

    /// The built-in default theme, the base every theme file overrides.
    public static let `default`: Theme = BuiltInThemes.defaultTheme
}
