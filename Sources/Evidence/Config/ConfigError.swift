import Foundation
import PlanKit

/// Why a `.plantrack.yml` could not be used. Every message names the file and,
/// where the YAML tells us, the line, so the user can go straight to it.
public enum ConfigError: UserFacingError, Equatable, Sendable, CustomStringConvertible {
    public var exitCode: Int32 { 2 }
    public var sentence: String { description }

    /// `--config FILE` named a file that is not there or cannot be read.
    case unreadable(file: String, reason: String)
    /// The YAML itself does not parse.
    case malformedYAML(file: String, detail: String)
    /// A key the contract does not define (CONTRACT §6: unknown keys are an error).
    case unknownKey(file: String, line: Int?, key: String, place: String)
    /// A known key with a value of the wrong shape.
    case badValue(file: String, line: Int?, key: String, expected: String)

    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return "cannot read config file \(file): \(reason)"
        case let .malformedYAML(file, detail):
            return "config file \(file) is not valid YAML: \(detail)"
        case let .unknownKey(file, line, key, place):
            return "\(Self.locate(file, line)): unknown key '\(key)' \(place)"
        case let .badValue(file, line, key, expected):
            return "\(Self.locate(file, line)): '\(key)' must be \(expected)"
        }
    }

    private static func locate(_ file: String, _ line: Int?) -> String {
        line.map { "\(file):\($0)" } ?? file
    }
}
