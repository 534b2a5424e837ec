import Foundation

/// One place credentials may come from, as botocore's `CredentialProvider`: `load` answers
/// nil when this source is not set up, and throws when it is set up but cannot give keys
/// (a half key pair, a failing process): the chain then stops, as the CLI's does.
protocol CredentialProvider: Sendable {
    /// How the "no credentials" message names this source ("AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY").
    var name: String { get }
    func load(_ context: CredentialContext) async throws(AWSError) -> ResolvedCredentials?
}

/// Keys and where they came from: what every provider answers.
struct ResolvedCredentials: Sendable, Equatable {
    var credentials: AWSCredentials
    var source: CredentialSource
}

/// What a provider may read or call: the resolved settings, the environment, and a
/// transport for the STS calls of role and web-identity providers.
struct CredentialContext: Sendable {
    var configuration: AWSConfiguration
    var settings: AWSSettings
    var transport: AWSTransport
    var counter: CallCounter
    var breaker = EndpointBreaker()

    var profiles: AWSProfiles { configuration.profiles }
    var environment: [String: String] { settings.environment }
    var now: Date { settings.now() }

    /// A client context for STS calls made on behalf of the chain.
    func stsContext(credentials: AWSCredentials?) -> ClientContext {
        ClientContext(transport: transport, region: configuration.region,
                      endpoint: configuration.endpoint(.sts), credentials: credentials,
                      counter: counter, breaker: breaker, network: configuration.network)
    }
}
