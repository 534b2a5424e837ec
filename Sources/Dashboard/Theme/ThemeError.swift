import PlanKit

/// Why a theme could not be used. Each message names the file (and line and key)
/// at fault, so a user can fix it; the CLI exits 2 on any of these (CONTRACT §2).
public enum ThemeError: UserFacingError, Sendable, Equatable, CustomStringConvertible {
    public var exitCode: Int32 { 2 }
    public var sentence: String { description }

    case unreadable(file: String, reason: String)
    case malformedYAML(file: String, reason: String)
    case notAMapping(file: String)
    case unknownRole(file: String, line: Int, key: String)
    case unknownField(file: String, line: Int, role: String, key: String)
    case badColor(file: String, line: Int, key: String, value: String)
    case badFlag(file: String, line: Int, key: String, value: String)
    case notFound(name: String, searched: [String])

    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            "Theme file \(file) cannot be read: \(reason)."
        case let .malformedYAML(file, reason):
            "Theme file \(file) is not valid YAML: \(reason)."
        case let .notAMapping(file):
            "Theme file \(file) must be a mapping of style roles (text, title, stateDone, …) to styles."
        case let .unknownRole(file, line, key):
            "Theme file \(file):\(line): unknown role '\(key)'; roles are \(StyleRole.allCases.map(\.rawValue).joined(separator: ", "))."
        case let .unknownField(file, line, role, key):
            "Theme file \(file):\(line): role '\(role)' has unknown key '\(key)'; use fg, bg, bold, underline, reverse, dim."
        case let .badColor(file, line, key, value):
            "Theme file \(file):\(line): '\(key)' has colour '\(value)', which is not a colour name, 0–255, #rrggbb or default."
        case let .badFlag(file, line, key, value):
            "Theme file \(file):\(line): '\(key)' is '\(value)'; write true or false."
        case let .notFound(name, searched):
            "No theme named '\(name)'; looked in \(searched.isEmpty ? "the built-in themes" : searched.joined(separator: ", ") + " and the built-in themes") (see `plantrack themes`)."
        }
    }
}
