import Dashboard

/// Where the dashboard's history comes from: the executable reads git (GitHistory), tests
/// hand in a slow or blocked reader. Its answer is an action for the inbox.
public struct HistorySource: Sendable {
    public var read: @Sendable () async -> Action

    public init(read: @escaping @Sendable () async -> Action) { self.read = read }
}
