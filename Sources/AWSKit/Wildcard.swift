/// A stack or parameter name in which `*` matches any run of characters (slashes included).
struct Wildcard: Sendable, Equatable {
    let pattern: String

    static func isPattern(_ name: String) -> Bool { name.contains("*") }

    /// The text before the first `*`: every match begins with it.
    var literalPrefix: String { String(pattern.prefix { $0 != "*" }) }

    func matches(_ name: String) -> Bool {
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        guard parts.count > 1 else { return name == pattern }
        guard name.hasPrefix(parts[0]), name.hasSuffix(parts[parts.count - 1]),
              name.count >= parts[0].count + parts[parts.count - 1].count else { return false }
        // Middle parts in order, each as early as possible, between the fixed head and tail.
        var rest = Substring(name.dropFirst(parts[0].count).dropLast(parts[parts.count - 1].count))
        for part in parts.dropFirst().dropLast() where !part.isEmpty {
            guard let range = rest.range(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
        return true
    }
}
