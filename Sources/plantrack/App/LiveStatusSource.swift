import Dashboard
import Foundation

/// Fetches live status for a stage, in the background. The evidence layer fills it;
/// without one the dashboard stays calmly offline.
struct LiveStatusSource: Sendable {
    var probe: @Sendable (_ stage: String?) async -> Action

    /// No probing configured: an offline state with a one-line hint.
    static func offline(_ hint: String) -> LiveStatusSource {
        LiveStatusSource { _ in .probeFailed(.offline(hint: hint), at: Date()) }
    }
}
