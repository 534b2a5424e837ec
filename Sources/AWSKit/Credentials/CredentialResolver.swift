/// Finds the keys for a configuration: builds its `CredentialChain` and asks it, with one
/// `CredentialCache` shared by every resolution this resolver makes.
struct CredentialResolver: Sendable {
    /// The cache every `AWSProbe` shares unless given its own: a CLI or dashboard that makes a
    /// new probe per region or per refresh still runs a credential process or AssumeRole once an hour.
    static let shared = CredentialResolver()

    let cache = CredentialCache()

    func resolve(_ context: CredentialContext) async throws(AWSError) -> ResolvedCredentials {
        let configuration = context.configuration
        let chain = CredentialChain.standard(configuration, cache: cache)
        if let found = try await chain.first(context) { return found }
        throw .noCredentials(NoCredentialsReport(profile: configuration.profile, chosenBy: configuration.profileSource,
                                                 tried: chain.tried))
    }

    /// How many times a process ran or STS was called for this resolver's cache (tests).
    var fetches: Int {
        get async { await cache.fetches }
    }
}
