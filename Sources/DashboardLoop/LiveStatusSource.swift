import Dashboard
import Foundation

/// Fetches live status for a stage, in the background. The evidence layer fills it;
/// without one the dashboard stays calmly offline.
public struct LiveStatusSource: Sendable {
    public var probe: @Sendable (_ stage: String?) async -> Action

    public init(probe: @escaping @Sendable (_ stage: String?) async -> Action) { self.probe = probe }

    /// No probing configured: an offline state with a one-line hint.
    public static func offline(_ hint: String) -> LiveStatusSource {
        LiveStatusSource { _ in .probeFailed(.offline(hint: hint), at: Date()) }
    }
}
