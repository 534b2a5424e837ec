import Foundation

/// Temporary keys (from a process, a role, the CLI, a container endpoint) kept until
/// shortly before they expire, and fetched once even when several probes (one per
/// region) ask at the same moment. Shared by every chain a resolver builds.
actor CredentialCache {
    /// Refresh temporary keys this long before they expire (botocore refreshes
    /// 15 min ahead at the latest; 10 min keeps an hour-long session to one refresh).
    static let refreshMargin: TimeInterval = 600

    private var entries: [String: ResolvedCredentials] = [:]
    private var inFlight: [String: Task<ResolvedCredentials?, Error>] = [:]

    /// How many times a provider behind this cache actually ran (a process, an STS call);
    /// tests read it to see the cache work.
    private(set) var fetches = 0

    /// The cached keys for `key`, else the keys a fetch already under way brings, else a new fetch.
    func value(_ key: String, now: Date,
               fetch: @escaping @Sendable () async throws(AWSError) -> ResolvedCredentials?)
        async throws(AWSError) -> ResolvedCredentials? {
        if let hit = entries[key], !hit.credentials.expires(within: Self.refreshMargin, of: now) { return hit }
        let task: Task<ResolvedCredentials?, Error>
        var started = false
        if let running = inFlight[key] {
            task = running
        } else {
            task = Task { try await fetch() }
            inFlight[key] = task
            started = true
        }
        do {
            let fetched = try await task.value
            if started, fetched != nil { fetches += 1 }
            entries[key] = fetched
            inFlight[key] = nil
            return fetched
        } catch {
            inFlight[key] = nil
            throw error as? AWSError ?? .noCredentials(NoCredentialsReport(profile: "default", chosenBy: nil, tried: []))
        }
    }
}

/// A provider whose answer is cached (botocore wraps them in `RefreshableCredentials`
/// and a JSON file cache; PlanTrack keeps them in memory for the life of the process).
struct CachedCredentials: CredentialProvider {
    var inner: any CredentialProvider
    /// What identifies the answer: the kind of source, the files, the profile, the role.
    var key: String
    var cache: CredentialCache

    var name: String { inner.name }

    func load(_ context: CredentialContext) async throws(AWSError) -> ResolvedCredentials? {
        let inner = self.inner
        return try await cache.value(key, now: context.now) { () async throws(AWSError) -> ResolvedCredentials? in
            try await inner.load(context)
        }
    }
}
