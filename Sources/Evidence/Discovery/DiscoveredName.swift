/// A name read from a serverless file: resolved when every variable in it could
/// be worked out, otherwise kept as written with the reason it is not known.
/// An unresolved name is shown to the user as such and never probed.
public struct DiscoveredName: Sendable, Equatable, Hashable {
    /// The text as written in the file (after YAML parsing).
    public var raw: String
    /// The final name, nil when some part of it cannot be known before deploy.
    public var resolved: String?
    /// Why `resolved` is nil, e.g. "${env:TABLE} is not set".
    public var problem: String?

    public init(raw: String, resolved: String?, problem: String? = nil) {
        self.raw = raw
        self.resolved = resolved
        self.problem = problem
    }

    public static func known(_ name: String) -> DiscoveredName {
        DiscoveredName(raw: name, resolved: name)
    }

    /// What to show: the resolved name, or the raw one.
    public var display: String { resolved ?? raw }
}
