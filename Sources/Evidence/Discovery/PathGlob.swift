/// A glob over paths relative to the project, as `exclude:` of .plantrack.yml writes them
/// (CONTRACT §6): `*` and `?` match within one folder name, `**` any number of folders.
public struct PathGlob: Sendable, Equatable {
    public var pattern: String
    private let parts: [Substring]

    public init(_ pattern: String) {
        self.pattern = pattern
        parts = pattern.split(separator: "/").filter { $0 != "." }
    }

    /// Whether the glob matches `path` (`_archive/**` matches `_archive` and all below it).
    public func matches(_ path: String) -> Bool {
        Self.match(parts[...], path.split(separator: "/")[...])
    }

    private static func match(_ pattern: ArraySlice<Substring>, _ path: ArraySlice<Substring>) -> Bool {
        guard let head = pattern.first else { return path.isEmpty }
        if head == "**" {
            return match(pattern.dropFirst(), path) || (!path.isEmpty && match(pattern, path.dropFirst()))
        }
        guard let name = path.first else { return false }
        return matchName(Array(head)[...], Array(name)[...]) && match(pattern.dropFirst(), path.dropFirst())
    }

    private static func matchName(_ pattern: ArraySlice<Character>, _ name: ArraySlice<Character>) -> Bool {
        guard let head = pattern.first else { return name.isEmpty }
        switch head {
        case "*": return matchName(pattern.dropFirst(), name) || (!name.isEmpty && matchName(pattern, name.dropFirst()))
        case "?": return !name.isEmpty && matchName(pattern.dropFirst(), name.dropFirst())
        default: return name.first == head && matchName(pattern.dropFirst(), name.dropFirst())
        }
    }
}
