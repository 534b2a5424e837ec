/// Long-term keys written in a profile: `aws_access_key_id` / `aws_secret_access_key`
/// (and `aws_session_token`), in the credentials file or the config file (botocore's
/// `SharedCredentialProvider` and `ConfigProvider`, one type for the two files).
struct ProfileKeys: CredentialProvider {
    enum File: Sendable { case credentials, config }

    var profile: String
    var file: File

    var name: String {
        "keys of profile '\(profile)' in the \(file == .credentials ? "credentials" : "config") file"
    }

    func load(_ context: CredentialContext) async throws(AWSError) -> ResolvedCredentials? {
        try keys(context.profiles)
    }

    func keys(_ profiles: AWSProfiles) throws(AWSError) -> ResolvedCredentials? {
        let section = file == .credentials ? profiles.credentials[profile] : profiles.config[profile]
        let path = file == .credentials ? profiles.credentialsPath : profiles.configPath
        let keyID = nonEmpty(section?["aws_access_key_id"])
        let secret = nonEmpty(section?["aws_secret_access_key"])
        let place = "profile '\(profile)' of \(path)"
        switch (keyID, secret) {
        case (nil, nil):
            return nil
        case (.some, nil):
            throw .incompleteKeys(setting: "aws_access_key_id", missing: "aws_secret_access_key", place: place)
        case (nil, .some):
            throw .incompleteKeys(setting: "aws_secret_access_key", missing: "aws_access_key_id", place: place)
        case (let keyID?, let secret?):
            let token = nonEmpty(section?["aws_session_token"]) ?? nonEmpty(section?["aws_security_token"])
            return ResolvedCredentials(
                credentials: AWSCredentials(accessKeyID: keyID, secretAccessKey: secret, sessionToken: token),
                source: CredentialSource(kind: file == .credentials ? .sharedCredentialsFile : .configFile,
                                         profile: profile, detail: path))
        }
    }

    /// The profile's own keys from either file, the credentials file first.
    static func either(_ profile: String, _ profiles: AWSProfiles) throws(AWSError) -> ResolvedCredentials? {
        if let keys = try ProfileKeys(profile: profile, file: .credentials).keys(profiles) { return keys }
        return try ProfileKeys(profile: profile, file: .config).keys(profiles)
    }
}
