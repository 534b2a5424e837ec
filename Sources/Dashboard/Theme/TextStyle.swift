/// Attributes a terminal can draw on any cell, coloured or not.
public struct TextAttributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = TextAttributes(rawValue: 1)
    public static let underline = TextAttributes(rawValue: 2)
    public static let reverse = TextAttributes(rawValue: 4)
    public static let dim = TextAttributes(rawValue: 8)
}

/// How one cell is drawn: what a terminal needs, resolved from a theme.
public struct TextStyle: Sendable, Hashable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var attributes: TextAttributes

    public init(foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault,
                attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    public static let plain = TextStyle()
}

/// A role's style as a theme file writes it: every field optional, so a file can
/// override one field of one role and keep the rest. A colour left out follows the
/// `text` role's (so a theme with its own background colours every role on it).
public struct StyleRule: Sendable, Hashable {
    public var foreground: ThemeColor?
    public var background: ThemeColor?
    public var bold: Bool?
    public var underline: Bool?
    public var reverse: Bool?
    public var dim: Bool?

    public init(foreground: ThemeColor? = nil, background: ThemeColor? = nil, bold: Bool? = nil,
                underline: Bool? = nil, reverse: Bool? = nil, dim: Bool? = nil) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
    }

    /// This rule with every field `other` sets written over it.
    public func overlaid(by other: StyleRule) -> StyleRule {
        StyleRule(foreground: other.foreground ?? foreground, background: other.background ?? background,
                  bold: other.bold ?? bold, underline: other.underline ?? underline,
                  reverse: other.reverse ?? reverse, dim: other.dim ?? dim)
    }

    /// `base`'s attributes with the ones this rule sets switched on or off.
    func attributes(over base: TextAttributes) -> TextAttributes {
        var result = base
        for (flag, attribute) in [(bold, TextAttributes.bold), (underline, .underline), (reverse, .reverse), (dim, .dim)] {
            if let flag { if flag { result.insert(attribute) } else { result.remove(attribute) } }
        }
        return result
    }
}
