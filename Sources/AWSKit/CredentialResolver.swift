import Foundation

/// The credential chain of the AWS CLI v2, minus what a desktop tool has no use
/// for: instance metadata and container credentials are never consulted, so
/// PlanTrack sends traffic to the configured endpoints and nowhere else.
///
/// Order: the environment's keys (unless `--profile` was given), then the
/// profile's `role_arn` (STS AssumeRole), SSO / web-identity profiles (through
/// `aws configure export-credentials`), keys in the credentials file,
/// `credential_process`, keys in the config file.
///
/// Temporary keys (from a process, a role, the CLI) are cached until ten
/// minutes before they expire, so a dashboard refreshing every minute runs the
/// process or calls STS about once an hour.
actor CredentialResolver {
    /// The cache every `AWSProbe` shares unless given its own: a CLI or dashboard that makes a
    /// new probe per region or per refresh still runs a credential process or AssumeRole once an hour.
    static let shared = CredentialResolver()

    private struct Cached: Sendable {
        var credentials: AWSCredentials
        var source: CredentialSource
    }

    private var cache: [String: Cached] = [:]
    /// Refresh temporary keys this long before they expire.
    static let refreshMargin: TimeInterval = 600
    /// How deep `source_profile` may chain before it is called a loop.
    static let maxChain = 8

    /// How many times a process ran or STS was called; tests read it to see the cache work.
    private(set) var fetches = 0

    struct Environment: Sendable {
        var configuration: AWSConfiguration
        var settings: AWSSettings
        var transport: AWSTransport
        var counter: CallCounter
    }

    func resolve(_ env: Environment) async throws(AWSError) -> (AWSCredentials, CredentialSource) {
        let configuration = env.configuration
        if !configuration.profileFromOption, let keys = try environmentKeys(env.settings.environment) {
            return keys
        }
        if let found = try await profileCredentials(configuration.profile, env: env, chain: []) {
            return found
        }
        throw .noCredentials(profile: configuration.profileNamed ? configuration.profile : nil)
    }

    private func environmentKeys(_ environment: [String: String]) throws(AWSError) -> (AWSCredentials, CredentialSource)? {
        let keyID = nonEmpty(environment["AWS_ACCESS_KEY_ID"])
        let secret = nonEmpty(environment["AWS_SECRET_ACCESS_KEY"])
        switch (keyID, secret) {
        case (nil, nil):
            return nil
        case (.some, nil):
            throw .incompleteKeys(setting: "AWS_ACCESS_KEY_ID", missing: "AWS_SECRET_ACCESS_KEY", place: "the environment")
        case (nil, .some):
            throw .incompleteKeys(setting: "AWS_SECRET_ACCESS_KEY", missing: "AWS_ACCESS_KEY_ID", place: "the environment")
        case (let keyID?, let secret?):
            let token = nonEmpty(environment["AWS_SESSION_TOKEN"]) ?? nonEmpty(environment["AWS_SECURITY_TOKEN"])
            let credentials = AWSCredentials(accessKeyID: keyID, secretAccessKey: secret, sessionToken: token)
            return (credentials, CredentialSource(kind: .environment, profile: nil, detail: "AWS_ACCESS_KEY_ID"))
        }
    }

    private func profileCredentials(_ name: String, env: Environment,
                                    chain: [String]) async throws(AWSError) -> (AWSCredentials, CredentialSource)? {
        let profiles = env.configuration.profiles
        guard chain.count < Self.maxChain, !chain.contains(name) else {
            throw .invalidProfile(profile: chain.first ?? name, file: profiles.configPath,
                                  reason: "source_profile goes round in a loop (\((chain + [name]).joined(separator: " → ")))")
        }
        if !chain.isEmpty, !profiles.exists(name) {
            throw .invalidProfile(profile: chain.last!, file: profiles.file(of: "source_profile", profile: chain.last!),
                                  reason: "its source_profile '\(name)' is defined in neither file")
        }
        // Temporary keys are cached per profile and per files, and fetched once even
        // when several probes (one per region) ask at the same moment.
        let files = "\(profiles.configPath)\u{0}\(profiles.credentialsPath)\u{0}\(name)"
        if let roleARN = profiles.value("role_arn", profile: name) {
            let source = profiles.value("source_profile", profile: name) ?? profiles.value("credential_source", profile: name) ?? ""
            return try await once("role\u{0}\(files)\u{0}\(roleARN)\u{0}\(source)", now: env.settings.now()) { () async throws(AWSError) -> (AWSCredentials, CredentialSource) in
                try await self.assumeRole(roleARN, profile: name, env: env, chain: chain + [name])
            }
        }
        let delegated = ["sso_start_url", "sso_session", "sso_account_id", "web_identity_token_file", "login_session"]
        if let key = delegated.first(where: { profiles.value($0, profile: name) != nil }) {
            return try await once("export\u{0}\(files)", now: env.settings.now()) { () async throws(AWSError) -> (AWSCredentials, CredentialSource) in
                try await self.exportCredentials(profile: name, because: key, env: env)
            }
        }
        if let keys = try staticKeys(profiles.credentials[name], profile: name, file: profiles.credentialsPath,
                                     kind: .sharedCredentialsFile) {
            return keys
        }
        if let command = profiles.value("credential_process", profile: name) {
            return try await once("process\u{0}\(files)\u{0}\(command)", now: env.settings.now()) { () async throws(AWSError) -> (AWSCredentials, CredentialSource) in
                try await self.runCredentialProcess(command, profile: name, env: env)
            }
        }
        return try staticKeys(profiles.config[name], profile: name, file: profiles.configPath, kind: .configFile)
    }

    private func staticKeys(_ section: [String: String]?, profile: String, file: String,
                            kind: CredentialSource.Kind) throws(AWSError) -> (AWSCredentials, CredentialSource)? {
        let keyID = nonEmpty(section?["aws_access_key_id"])
        let secret = nonEmpty(section?["aws_secret_access_key"])
        switch (keyID, secret) {
        case (nil, nil):
            return nil
        case (.some, nil):
            throw .incompleteKeys(setting: "aws_access_key_id", missing: "aws_secret_access_key",
                                  place: "profile '\(profile)' of \(file)")
        case (nil, .some):
            throw .incompleteKeys(setting: "aws_secret_access_key", missing: "aws_access_key_id",
                                  place: "profile '\(profile)' of \(file)")
        case (let keyID?, let secret?):
            let token = nonEmpty(section?["aws_session_token"]) ?? nonEmpty(section?["aws_security_token"])
            return (AWSCredentials(accessKeyID: keyID, secretAccessKey: secret, sessionToken: token),
                    CredentialSource(kind: kind, profile: profile, detail: file))
        }
    }

    private func cached(_ key: String, now: Date) -> (AWSCredentials, CredentialSource)? {
        guard let entry = cache[key], !entry.credentials.expires(within: Self.refreshMargin, of: now) else { return nil }
        return (entry.credentials, entry.source)
    }

    private var inFlight: [String: Task<Cached, Error>] = [:]

    /// The cached keys for `key`, else the keys a fetch already under way brings, else a new fetch.
    private func once(_ key: String, now: Date,
                      _ fetch: @escaping @Sendable () async throws(AWSError) -> (AWSCredentials, CredentialSource))
        async throws(AWSError) -> (AWSCredentials, CredentialSource) {
        if let hit = cached(key, now: now) { return hit }
        let task: Task<Cached, Error>
        if let running = inFlight[key] {
            task = running
        } else {
            task = Task {
                let (credentials, source) = try await fetch()
                return Cached(credentials: credentials, source: source)
            }
            inFlight[key] = task
        }
        do {
            let fetched = try await task.value
            cache[key] = fetched
            inFlight[key] = nil
            return (fetched.credentials, fetched.source)
        } catch {
            inFlight[key] = nil
            throw error as? AWSError ?? .noCredentials(profile: nil)
        }
    }

    private func runCredentialProcess(_ command: String, profile: String,
                                      env: Environment) async throws(AWSError) -> (AWSCredentials, CredentialSource) {
        let arguments: [String]
        do { arguments = try CommandLineSplitter.split(command) } catch {
            throw .credentialProcessFailed(profile: profile, command: command,
                                           reason: error == .unclosedQuote ? "a quote is not closed" : "it ends in a backslash")
        }
        guard !arguments.isEmpty else {
            throw .credentialProcessFailed(profile: profile, command: command, reason: "the command is empty")
        }
        let credentials = try await runProcess(arguments, env: env) { reason in
            AWSError.credentialProcessFailed(profile: profile, command: arguments[0], reason: reason)
        }
        let source = CredentialSource(kind: .credentialProcess, profile: profile, detail: arguments[0])
        return (credentials, source)
    }

    /// SSO and other profile kinds: let the AWS CLI v2 produce keys, as a credential process would.
    private func exportCredentials(profile: String, because key: String,
                                   env: Environment) async throws(AWSError) -> (AWSCredentials, CredentialSource) {
        let hint = "run 'aws sso login --profile \(profile)' (or set AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY) and try again"
        guard ProcessRunner.locate("aws", environment: env.settings.environment) != nil else {
            throw .unsupportedProfile(profile: profile, reason: "uses \(key), which PlanTrack reads through the AWS CLI v2 "
                + "('aws configure export-credentials'), and no 'aws' is on PATH: install the AWS CLI v2, \(hint).")
        }
        let arguments = ["aws", "configure", "export-credentials", "--profile", profile, "--format", "process"]
        let credentials = try await runProcess(arguments, env: env) { reason in
            let missing = reason.contains("Invalid choice") || reason.contains("invalid choice")
                || reason.contains("usage:")
            return AWSError.unsupportedProfile(profile: profile, reason: missing
                ? "uses \(key), and the 'aws' on PATH has no 'configure export-credentials' (AWS CLI v2 has it): install the AWS CLI v2, \(hint)."
                : "uses \(key), and 'aws configure export-credentials --profile \(profile)' failed (\(reason)): \(hint).")
        }
        let source = CredentialSource(kind: .exportCredentials, profile: profile, detail: "aws configure export-credentials")
        return (credentials, source)
    }

    private func runProcess(_ arguments: [String], env: Environment,
                            failure: (String) -> AWSError) async throws(AWSError) -> AWSCredentials {
        fetches += 1
        let output: ProcessRunner.Output
        do {
            output = try await ProcessRunner.run(arguments, environment: env.settings.environment,
                                                 timeout: env.settings.timeouts.process)
        } catch {
            switch error {
            case .notFound(let program): throw failure("'\(program)' is not an executable file on PATH")
            case .couldNotStart(let program): throw failure("'\(program)' could not be started")
            case .timedOut(let seconds): throw failure("it did not finish within \(Int(seconds)) s")
            }
        }
        guard output.status == 0 else {
            let said = output.stderrSummary
            throw failure("it exited with status \(output.status)" + (said.isEmpty ? "" : ": \(said)"))
        }
        switch CredentialProcessOutput.parse(output.stdout) {
        case .success(let credentials): return credentials
        case .failure(let reason): throw failure(reason.text)
        }
    }

    private func assumeRole(_ roleARN: String, profile: String, env: Environment,
                            chain: [String]) async throws(AWSError) -> (AWSCredentials, CredentialSource) {
        let profiles = env.configuration.profiles
        let file = profiles.file(of: "role_arn", profile: profile)
        if profiles.value("mfa_serial", profile: profile) != nil {
            throw .unsupportedProfile(profile: profile, reason: "needs an MFA code (mfa_serial), which PlanTrack cannot ask for: "
                + "run 'eval $(aws configure export-credentials --profile \(profile) --format env)' first.")
        }
        let sourceKeys: AWSCredentials
        if let sourceProfile = profiles.value("source_profile", profile: profile) {
            if sourceProfile == profile {
                // A profile may name itself: its own keys assume its own role.
                var own = try staticKeys(profiles.credentials[profile], profile: profile,
                                         file: profiles.credentialsPath, kind: .sharedCredentialsFile)
                if own == nil {
                    own = try staticKeys(profiles.config[profile], profile: profile, file: profiles.configPath, kind: .configFile)
                }
                guard let keys = own else {
                    throw .invalidProfile(profile: profile, file: file, reason: "it names itself as source_profile but has no keys")
                }
                sourceKeys = keys.0
            } else {
                guard let keys = try await profileCredentials(sourceProfile, env: env, chain: chain) else {
                    throw .invalidProfile(profile: profile, file: file,
                                          reason: "its source_profile '\(sourceProfile)' has no credentials")
                }
                sourceKeys = keys.0
            }
        } else if let credentialSource = profiles.value("credential_source", profile: profile) {
            guard credentialSource == "Environment",
                  let keys = try environmentKeys(env.settings.environment) else {
                throw .unsupportedProfile(profile: profile, reason: credentialSource == "Environment"
                    ? "has credential_source = Environment, and AWS_ACCESS_KEY_ID is not set."
                    : "has credential_source = \(credentialSource); PlanTrack never uses instance-metadata or container credentials: "
                        + "use source_profile, or credential_source = Environment.")
            }
            sourceKeys = keys.0
        } else {
            throw .invalidProfile(profile: profile, file: file, reason: "role_arn needs source_profile or credential_source")
        }
        fetches += 1
        let sessionName = profiles.value("role_session_name", profile: profile)
            ?? "plantrack-\(Int(env.settings.now().timeIntervalSince1970))"
        let duration = profiles.value("duration_seconds", profile: profile).flatMap { Int($0) }
        let context = ClientContext(transport: env.transport, region: env.configuration.region,
                                    endpoint: env.configuration.endpoint(.sts), credentials: sourceKeys,
                                    counter: env.counter)
        let credentials = try await STSClient(context: context).assumeRole(
            roleARN: roleARN, sessionName: sessionName,
            externalID: profiles.value("external_id", profile: profile), durationSeconds: duration)
        let source = CredentialSource(kind: .assumedRole, profile: profile, detail: roleARN)
        return (credentials, source)
    }
}
