import Dashboard
import Foundation

/// Fetches live status for a stage, in the background. The evidence layer fills it;
/// without one the dashboard stays calmly offline.
public struct LiveStatusSource: Sendable {
    public var probe: @Sendable (_ stage: String?) async -> Action
    /// Every stage at once, for the matrix (`m`): `.matrixFinished`, or `.probeFailed` when
    /// nothing can be asked at all.
    public var matrix: @Sendable (_ stages: [String]) async -> Action

    public init(probe: @escaping @Sendable (_ stage: String?) async -> Action,
                matrix: (@Sendable (_ stages: [String]) async -> Action)? = nil) {
        self.probe = probe
        self.matrix = matrix ?? { .matrixNotAsked($0, reason: "this dashboard has no stage matrix") }
    }

    /// No probing configured: an offline state with a one-line hint.
    public static func offline(_ hint: String) -> LiveStatusSource {
        LiveStatusSource(probe: { _ in .probeFailed(.offline(hint: hint), at: Date()) },
                         matrix: { .matrixNotAsked($0, reason: hint) })
    }
}
