/// Where a path the plan names was found (issue 8 point 12): under the project, else in the
/// plan's folder, else at the repository root. Pure: `PathLocator` (Engine) looks on disk.
public struct FoundPath: Sendable, Equatable {
    public var isFolder: Bool
    /// Nil under the project; else where it was found, as a reader says it:
    /// "the plan's folder docs/planning", "the repository root".
    public var place: String?

    public init(isFolder: Bool, place: String? = nil) {
        self.isFolder = isFolder
        self.place = place
    }

    /// A file under the project: what tests that do not care where mean by "exists".
    public static let inProject = FoundPath(isFolder: false)

    /// The detail of evidence that holds: "exists", or "exists in the repository root".
    var detail: String { place.map { "exists in \($0)" } ?? "exists" }
}
