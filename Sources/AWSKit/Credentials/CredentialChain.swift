/// The credential chain of the AWS CLI v2, minus instance metadata, which PlanTrack never
/// asks (a laptop tool has no business with 169.254.169.254). The order is decided here
/// and nowhere else (botocore's `create_credential_resolver` and `ProfileProviderBuilder`):
///
/// 1. environment keys — skipped when `--profile` names the profile, as in the CLI;
/// 2. the profile's `role_arn` (STS AssumeRole from `source_profile` / `credential_source`);
/// 3. web identity: the profile's `web_identity_token_file`, or `AWS_ROLE_ARN` +
///    `AWS_WEB_IDENTITY_TOKEN_FILE` (STS AssumeRoleWithWebIdentity);
/// 4. SSO and other CLI-only kinds, through `aws configure export-credentials`;
/// 5. keys in the credentials file; 6. `credential_process`; 7. keys in the config file;
/// 8. container credentials, only when `AWS_CONTAINER_CREDENTIALS_*_URI` is set.
///
/// Temporary keys are cached (see `CredentialCache`), so a dashboard refreshing every
/// minute runs a process or calls STS about once an hour.
struct CredentialChain: Sendable {
    var providers: [any CredentialProvider]

    /// The whole chain for the profile a configuration chose.
    static func standard(_ configuration: AWSConfiguration, cache: CredentialCache) -> CredentialChain {
        let profile = configuration.profile
        let files = fileKey(configuration.profiles, profile)
        var providers: [any CredentialProvider] = []
        if !configuration.profileFromOption { providers.append(EnvironmentCredentials()) }
        providers.append(CachedCredentials(inner: AssumeRoleCredentials(profile: profile, cache: cache),
                                           key: "role\u{0}" + files, cache: cache))
        providers += profileProviders(profile, files: files, environmentToo: !configuration.profileFromOption, cache: cache)
        return CredentialChain(providers: providers)
    }

    /// The chain a `source_profile` is read with: its own settings only, no environment;
    /// a source profile with keys uses its keys even when it also has a `role_arn` (botocore).
    static func sourceProfile(_ profile: String, visited: [String], cache: CredentialCache,
                              profiles: AWSProfiles) -> CredentialChain {
        let files = fileKey(profiles, profile)
        let hasKeys = profiles.value("aws_access_key_id", profile: profile) != nil
        if AssumeRoleCredentials.applies(to: profile, profiles), !hasKeys {
            return CredentialChain(providers: [CachedCredentials(
                inner: AssumeRoleCredentials(profile: profile, visited: visited, cache: cache),
                key: "role\u{0}" + files, cache: cache)])
        }
        return CredentialChain(providers: profileProviders(profile, files: files, environmentToo: false, cache: cache))
    }

    /// What `credential_source` names: `Environment`, `EcsContainer`; `Ec2InstanceMetadata` is refused.
    static func credentialSource(_ value: String, profile: String, file: String) -> any CredentialProvider {
        RequiredSource(setting: value, profile: profile, inner: {
            switch value {
            case "Environment": return EnvironmentCredentials()
            case "EcsContainer": return ContainerCredentials()
            default: return nil
            }
        }())
    }

    /// Steps 3–7 (and 8 for the top-level profile): the providers that read one profile.
    private static func profileProviders(_ profile: String, files: String, environmentToo: Bool,
                                         cache: CredentialCache) -> [any CredentialProvider] {
        var providers: [any CredentialProvider] = [
            CachedCredentials(inner: WebIdentityCredentials(profile: profile, useEnvironment: environmentToo, cache: cache),
                              key: "web\u{0}\(environmentToo)\u{0}" + files, cache: cache),
            CachedCredentials(inner: ExportedCredentials(profile: profile), key: "export\u{0}" + files, cache: cache),
            ProfileKeys(profile: profile, file: .credentials),
            CachedCredentials(inner: ProcessCredentials(profile: profile), key: "process\u{0}" + files, cache: cache),
            ProfileKeys(profile: profile, file: .config),
        ]
        if environmentToo {
            providers.append(CachedCredentials(inner: ContainerCredentials(), key: "container", cache: cache))
        }
        return providers
    }

    /// Keys of the cache: the files and the profile (a test or a second project with other files gets other keys).
    private static func fileKey(_ profiles: AWSProfiles, _ profile: String) -> String {
        "\(profiles.configPath)\u{0}\(profiles.credentialsPath)\u{0}\(profile)"
    }

    /// The first provider that has keys; nil when none has.
    func first(_ context: CredentialContext) async throws(AWSError) -> ResolvedCredentials? {
        for provider in providers {
            if let found = try await provider.load(context) { return found }
        }
        return nil
    }

    /// What the "no credentials" message lists as tried.
    var tried: [String] { providers.map(\.name) }
}

/// A `credential_source` value: the source it names must have keys, and an unknown
/// or instance-metadata source is refused with a reason.
private struct RequiredSource: CredentialProvider {
    var setting: String
    var profile: String
    var inner: (any CredentialProvider)?

    var name: String { "credential_source = \(setting) of profile '\(profile)'" }

    func load(_ context: CredentialContext) async throws(AWSError) -> ResolvedCredentials? {
        guard let inner else {
            throw .unsupportedProfile(profile: profile, reason: "has credential_source = \(setting); PlanTrack never asks "
                + "instance metadata: use source_profile, or credential_source = Environment or EcsContainer.")
        }
        guard let keys = try await inner.load(context) else {
            throw .unsupportedProfile(profile: profile, reason: setting == "Environment"
                ? "has credential_source = Environment, and AWS_ACCESS_KEY_ID is not set."
                : "has credential_source = \(setting), and neither AWS_CONTAINER_CREDENTIALS_RELATIVE_URI nor _FULL_URI is set.")
        }
        return keys
    }
}
