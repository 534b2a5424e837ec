import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A glob relative to the project folder (CONTRACT §6), for `exclude:` and the `in:` of `text:`/`yaml:`:
/// `*` and `?` within one path segment,
/// `[...]` a character class (`[!...]` negated), `**` any number of folders, itself included.
public struct ProjectGlob: Sendable, Hashable {
    public let text: String
    let segments: [String]

    public init(_ text: String) {
        self.text = text
        segments = text.split(separator: "/", omittingEmptySubsequences: true).map(String.init).filter { $0 != "." }
    }

    /// Why a glob cannot be used, in the words of "must be …"; nil when it stays inside the project.
    public static func problem(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return "a glob under project: (\"services/**/serverless.yml\")" }
        if trimmed.hasPrefix("/") || trimmed.hasPrefix("~") {
            return "a glob relative to project:, not an absolute path (\(text))"
        }
        if trimmed.split(separator: "/").contains("..") {
            return "a glob that stays inside project: (no .. in \(text))"
        }
        return nil
    }

    /// True for a segment that holds no wildcard: it names one entry.
    static func isLiteral(_ segment: String) -> Bool {
        !segment.contains(where: { "*?[".contains($0) })
    }

    /// One segment against one file or folder name.
    static func matches(_ segment: String, _ name: String) -> Bool {
        if isLiteral(segment) { return segment == name }
        return fnmatch(segment, name, 0) == 0
    }

    /// Whether a relative path (`services/users/serverless.yml`) matches the whole glob.
    public func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/").map(String.init)
        return Self.match(segments[...], parts[...])
    }

    private static func match(_ glob: ArraySlice<String>, _ parts: ArraySlice<String>) -> Bool {
        guard let first = glob.first else { return parts.isEmpty }
        if first == "**" {
            var rest = parts
            while true {
                if match(glob.dropFirst(), rest) { return true }
                guard !rest.isEmpty else { return false }
                rest = rest.dropFirst()
            }
        }
        guard let part = parts.first, matches(first, part) else { return false }
        return match(glob.dropFirst(), parts.dropFirst())
    }
}
