import Dashboard
import Foundation

/// Fetches live status for a stage, in the background. The evidence layer fills it;
/// without one the dashboard stays calmly offline.
public struct LiveStatusSource: Sendable {
    public var probe: @Sendable (_ stage: String?) async -> Action
    /// The matrix's columns (`m`) for the stages given (the dashboard asks one at a time):
    /// always `.matrixFinished`, a stage that cannot be asked reading "not asked: <why>".
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
