import Foundation

/// Web identity (botocore's `AssumeRoleWithWebIdentityProvider`): an OIDC token from a file
/// (GitHub Actions, GitLab, EKS IRSA) exchanged for keys by STS AssumeRoleWithWebIdentity,
/// an unsigned call. Read from the profile's `role_arn` + `web_identity_token_file`, or from
/// `AWS_ROLE_ARN` + `AWS_WEB_IDENTITY_TOKEN_FILE` (+ `AWS_ROLE_SESSION_NAME`), the
/// environment winning, as in botocore. The token file is read again at each refresh:
/// the platform rotates it.
struct WebIdentityCredentials: CredentialProvider {
    var profile: String
    /// False under `--profile` and for source profiles: then only the profile's settings count.
    var useEnvironment: Bool
    var cache: CredentialCache

    var name: String {
        useEnvironment
            ? "web identity (AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE, or web_identity_token_file of profile '\(profile)')"
            : "web_identity_token_file of profile '\(profile)'"
    }

    func load(_ context: CredentialContext) async throws(AWSError) -> ResolvedCredentials? {
        guard let tokenFile = setting("web_identity_token_file", "AWS_WEB_IDENTITY_TOKEN_FILE", context) else { return nil }
        guard let roleARN = setting("role_arn", "AWS_ROLE_ARN", context) else {
            throw .invalidProfile(profile: profile, file: tokenFile.source,
                                  reason: "\(tokenFile.name) is set but no role ARN is (set AWS_ROLE_ARN or role_arn)")
        }
        let path = AWSProfiles.expand(tokenFile.value, home: context.settings.home)
        guard let data = FileManager.default.contents(atPath: path),
              let token = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines),
              !token.isEmpty else {
            throw .unreadableFile(path: path, line: nil, reason: "the web identity token named by \(tokenFile.name) cannot be read or is empty")
        }
        let sessionName = setting("role_session_name", "AWS_ROLE_SESSION_NAME", context)?.value
        let request = RoleRequest.from(profile: profile, roleARN: roleARN.value, profiles: context.profiles,
                                       now: context.now, sessionName: sessionName)
        let credentials = try await STSClient(context: context.stsContext(credentials: nil))
            .assumeRoleWithWebIdentity(request, token: token)
        return ResolvedCredentials(credentials: credentials, source: CredentialSource(
            kind: .webIdentity, profile: tokenFile.name.hasPrefix("AWS_") ? nil : profile, detail: roleARN.value))
    }

    private struct Setting {
        var value: String
        /// The variable or profile key it came from.
        var name: String
        /// "the environment" or the file.
        var source: String
    }

    private func setting(_ key: String, _ variable: String, _ context: CredentialContext) -> Setting? {
        if useEnvironment, let value = nonEmpty(context.environment[variable]) {
            return Setting(value: value, name: variable, source: "the environment")
        }
        guard let value = context.profiles.value(key, profile: profile) else { return nil }
        return Setting(value: value, name: key, source: context.profiles.file(of: key, profile: profile))
    }
}
