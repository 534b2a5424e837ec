import Foundation

/// Answers "which of these stacks and parameters exist right now?" with as few
/// calls as the question allows:
/// - stacks: DescribeStacks per name for a few exact names; one paged ListStacks
///   (all statuses, DELETE_COMPLETE included) when there are more, or any `*`;
/// - parameters: GetParameters in batches of 10 for exact names; DescribeParameters
///   with a BeginsWith filter on the literal prefix of each `*` pattern (metadata
///   only, 50 a page).
///
/// Calls run concurrently, bounded per service. Failures never throw: they are
/// collected in `ProbeResult.failures`. One `AWSProbe` may run many times: its runs
/// share one HTTP client (and its connections) and one retry quota, while each run
/// has its own call count and endpoint breaker. Temporary credentials are cached
/// process-wide by `CredentialResolver.shared`, whether a caller keeps one probe or
/// makes one per run (as `ProbeRunner` does, one per region). Call `shutdown()` when done.
public struct AWSProbe: Sendable {
    public let settings: AWSSettings
    private let transport: AWSTransport
    private let resolver: CredentialResolver

    /// Up to this many exact stack names are asked one by one; more make one ListStacks cheaper.
    static let describeLimit = 3

    /// Temporary credentials are cached process-wide (keyed by profile and files), so a new
    /// probe per refresh or per region does not run `credential_process` or AssumeRole again.
    public init(settings: AWSSettings) {
        self.init(settings: settings, resolver: .shared)
    }

    /// With a resolver of its own: tests count its fetches.
    init(settings: AWSSettings, resolver: CredentialResolver) {
        self.settings = settings
        self.transport = AWSTransport(settings: settings)
        self.resolver = resolver
    }

    /// Closes the HTTP client's connections. The probe must not be used afterwards.
    public func shutdown() async {
        await transport.shutdown()
    }

    /// The settings resolved (profile, region, endpoints) and where the keys come from,
    /// without probing anything; the failure says why when they cannot be resolved.
    public func describeContext() async -> Result<ProbeContext, ProbeFailure> {
        switch await prepare(run: RunTally()) {
        case .success(let prepared): return .success(prepared.context)
        case .failure(let failure): return .failure(failure.failure)
        }
    }

    /// The account the resolved credentials belong to (STS GetCallerIdentity) and the profile
    /// they came from, asked once per credentials and endpoint in this process: for
    /// `${aws:accountId}` and for a stage's `account:` guard.
    public func callerAccount() async -> Result<(account: String, profile: String), ProbeFailure> {
        let run = RunTally()
        let prepared: Prepared
        switch await prepare(run: run) {
        case .success(let ready): prepared = ready
        case .failure(let failed): return .failure(failed.failure)
        }
        let context = prepared.clientContext(.sts, transport: transport, run: run)
        let key = "\(prepared.credentials.accessKeyID)\u{0}\(context.endpoint)"
        if let known = await AccountCache.shared.account(for: key) { return .success((known, prepared.context.profile)) }
        do {
            let account = try await STSClient(context: context).callerAccount()
            await AccountCache.shared.remember(account, for: key)
            return .success((account, prepared.context.profile))
        } catch {
            return .failure(ProbeFailure(service: "sts", error: error))
        }
    }

    public func run(_ request: ProbeRequest) async -> ProbeResult {
        let probedAt = settings.now()
        let run = RunTally()
        let prepared: Prepared
        switch await prepare(run: run) {
        case .success(let ready): prepared = ready
        case .failure(let failed):
            return ProbeResult(stacks: [], parameters: [], failures: [failed.failure],
                               apiCalls: await run.counter.count, probedAt: probedAt, context: failed.context)
        }
        let cfContext = prepared.clientContext(.cloudFormation, transport: transport, run: run)
        let ssmContext = prepared.clientContext(.ssm, transport: transport, run: run)
        let limits = settings.concurrency
        async let stacks = StackProbe(client: CloudFormationClient(context: cfContext),
                                      concurrency: limits.cloudFormation).run(names: request.stackNames,
                                                                               outputsOf: request.outputStackNames)
        async let parameters = ParameterProbe(client: SSMClient(context: ssmContext),
                                              concurrency: limits.ssm).run(names: request.parameterNames)
        let (stackAnswer, parameterAnswer) = await (stacks, parameters)
        var failures: [ProbeFailure] = []
        for failure in stackAnswer.failures + parameterAnswer.failures where !failures.contains(failure) {
            failures.append(failure)
        }
        var result = ProbeResult(stacks: stackAnswer.observations, parameters: parameterAnswer.observations,
                                 failures: failures, apiCalls: await run.counter.count, probedAt: probedAt,
                                 context: prepared.context)
        result.notes = stackAnswer.notes + parameterAnswer.notes
        return result
    }

    private struct Prepared: Sendable {
        var configuration: AWSConfiguration
        var credentials: AWSCredentials
        var context: ProbeContext

        func clientContext(_ service: AWSService, transport: AWSTransport, run: RunTally) -> ClientContext {
            ClientContext(transport: transport, region: configuration.region, endpoint: configuration.endpoint(service),
                          credentials: credentials, counter: run.counter, breaker: run.breaker,
                          network: configuration.network, credentialSource: context.credentialSource)
        }
    }

    private struct PrepareFailure: Error {
        var failure: ProbeFailure
        var context: ProbeContext?
    }

    /// What one run counts and remembers: its calls, and the endpoints that failed for good.
    private struct RunTally {
        var counter = CallCounter()
        var breaker = EndpointBreaker()
    }

    private func prepare(run: RunTally) async -> Result<Prepared, PrepareFailure> {
        let configuration: AWSConfiguration
        do { configuration = try AWSConfiguration.resolve(settings) } catch {
            return .failure(PrepareFailure(failure: ProbeFailure(service: "config", error: error), context: nil))
        }
        var context = ProbeContext(
            profile: configuration.profile, region: configuration.region, regionSource: configuration.regionSource,
            endpoints: Dictionary(uniqueKeysWithValues: configuration.endpoints.map { ($0.key.signingName, $0.value.url) }),
            credentialSource: nil)
        do {
            let resolved = try await resolver.resolve(CredentialContext(
                configuration: configuration, settings: settings, transport: transport,
                counter: run.counter, breaker: run.breaker))
            context.credentialSource = resolved.source
            return .success(Prepared(configuration: configuration, credentials: resolved.credentials, context: context))
        } catch {
            let service = error.kind == .configuration ? "credentials" : "sts"
            return .failure(PrepareFailure(failure: ProbeFailure(service: service, error: error), context: context))
        }
    }

    /// For tests: how many times this probe's resolver ran a credential process or called STS.
    var credentialFetches: Int {
        get async { await resolver.fetches }
    }
}

/// The observations of one service and the failures met on the way.
struct ProbeAnswer<Observation: Sendable>: Sendable {
    var observations: [Observation] = []
    var failures: [ProbeFailure] = []
    /// Things the user should know that are not failures (a denied listing worked around).
    var notes: [String] = []
}

/// Accounts already asked, by credentials and endpoint: GetCallerIdentity once per credentials.
actor AccountCache {
    static let shared = AccountCache()
    private var accounts: [String: String] = [:]

    func account(for key: String) -> String? { accounts[key] }
    func remember(_ account: String, for key: String) { accounts[key] = account }
}
