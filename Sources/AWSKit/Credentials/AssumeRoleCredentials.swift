import Foundation

/// A profile's `role_arn` with `source_profile` or `credential_source` (botocore's
/// `AssumeRoleProvider`): the source's keys sign an STS AssumeRole. A profile that also
/// has `web_identity_token_file` belongs to `WebIdentityCredentials` instead.
struct AssumeRoleCredentials: CredentialProvider {
    var profile: String
    /// Profiles already followed through `source_profile`, to tell a loop.
    var visited: [String] = []
    var cache: CredentialCache

    /// How deep `source_profile` may chain before it is called a loop.
    static let maxChain = 8

    var name: String { "role_arn of profile '\(profile)'" }

    static func applies(to profile: String, _ profiles: AWSProfiles) -> Bool {
        profiles.value("role_arn", profile: profile) != nil
            && profiles.value("web_identity_token_file", profile: profile) == nil
    }

    func load(_ context: CredentialContext) async throws(AWSError) -> ResolvedCredentials? {
        let profiles = context.profiles
        guard Self.applies(to: profile, profiles), let roleARN = profiles.value("role_arn", profile: profile) else {
            return nil
        }
        let file = profiles.file(of: "role_arn", profile: profile)
        if profiles.value("mfa_serial", profile: profile) != nil {
            throw .unsupportedProfile(profile: profile, reason: "needs an MFA code (mfa_serial), which PlanTrack cannot ask for: "
                + "run 'eval $(aws configure export-credentials --profile \(profile) --format env)' first.")
        }
        let source = try await sourceCredentials(context, file: file)
        let request = RoleRequest.from(profile: profile, roleARN: roleARN, profiles: profiles, now: context.now)
        let credentials = try await STSClient(context: context.stsContext(credentials: source.credentials))
            .assumeRole(request)
        return ResolvedCredentials(credentials: credentials,
                                   source: CredentialSource(kind: .assumedRole, profile: profile, detail: roleARN))
    }

    private func sourceCredentials(_ context: CredentialContext, file: String) async throws(AWSError) -> ResolvedCredentials {
        let profiles = context.profiles
        if let sourceProfile = profiles.value("source_profile", profile: profile) {
            if sourceProfile == profile {
                // A profile may name itself: its own keys assume its own role.
                guard let keys = try ProfileKeys.either(profile, profiles) else {
                    throw .invalidProfile(profile: profile, file: file, reason: "it names itself as source_profile but has no keys")
                }
                return keys
            }
            let chain = visited + [profile]
            guard chain.count < Self.maxChain, !chain.contains(sourceProfile) else {
                throw .invalidProfile(profile: chain.first ?? profile, file: profiles.configPath,
                                      reason: "source_profile goes round in a loop (\((chain + [sourceProfile]).joined(separator: " → ")))")
            }
            guard profiles.exists(sourceProfile) else {
                throw .invalidProfile(profile: profile, file: profiles.file(of: "source_profile", profile: profile),
                                      reason: "its source_profile '\(sourceProfile)' is defined in neither file")
            }
            let sourceChain = CredentialChain.sourceProfile(sourceProfile, visited: chain, cache: cache,
                                                            profiles: profiles)
            guard let keys = try await sourceChain.first(context) else {
                throw .invalidProfile(profile: profile, file: file, reason: "its source_profile '\(sourceProfile)' has no credentials")
            }
            return keys
        }
        if let credentialSource = profiles.value("credential_source", profile: profile) {
            let named = CredentialChain.credentialSource(credentialSource, profile: profile, file: file)
            if let keys = try await named.load(context) { return keys }
        }
        throw .invalidProfile(profile: profile, file: file, reason: "role_arn needs source_profile or credential_source")
    }
}

/// The parameters of one AssumeRole (or AssumeRoleWithWebIdentity) call a profile asks for.
struct RoleRequest: Sendable, Equatable {
    var roleARN: String
    var sessionName: String
    var externalID: String?
    var durationSeconds: Int?

    static func from(profile: String, roleARN: String, profiles: AWSProfiles, now: Date,
                     sessionName: String? = nil) -> RoleRequest {
        RoleRequest(roleARN: roleARN,
                    sessionName: sessionName ?? profiles.value("role_session_name", profile: profile)
                        ?? "plantrack-\(Int(now.timeIntervalSince1970))",
                    externalID: profiles.value("external_id", profile: profile),
                    durationSeconds: profiles.value("duration_seconds", profile: profile).flatMap { Int($0) })
    }
}
