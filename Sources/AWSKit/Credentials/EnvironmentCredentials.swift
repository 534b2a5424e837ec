/// `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` (and `AWS_SESSION_TOKEN`) in the environment
/// (botocore's `EnvProvider`). Also the source of `credential_source = Environment`.
struct EnvironmentCredentials: CredentialProvider {
    var name: String { "AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY in the environment" }

    func load(_ context: CredentialContext) async throws(AWSError) -> ResolvedCredentials? {
        try Self.keys(context.environment)
    }

    static func keys(_ environment: [String: String]) throws(AWSError) -> ResolvedCredentials? {
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
            return ResolvedCredentials(
                credentials: AWSCredentials(accessKeyID: keyID, secretAccessKey: secret, sessionToken: token),
                source: CredentialSource(kind: .environment, profile: nil, detail: "AWS_ACCESS_KEY_ID"))
        }
    }
}
