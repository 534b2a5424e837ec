import Foundation

/// STS over the Query protocol: AssumeRole for `role_arn` profiles and AssumeRoleWithWebIdentity
/// (unsigned: the token is the proof) for web identity.
struct STSClient: Sendable {
    var context: ClientContext
    static let version = "2011-06-15"

    func assumeRole(_ request: RoleRequest) async throws(AWSError) -> AWSCredentials {
        var parameters = [("RoleArn", request.roleARN), ("RoleSessionName", request.sessionName)]
        if let externalID = request.externalID { parameters.append(("ExternalId", externalID)) }
        if let duration = request.durationSeconds { parameters.append(("DurationSeconds", String(duration))) }
        return try await credentials("AssumeRole", parameters)
    }

    func assumeRoleWithWebIdentity(_ request: RoleRequest, token: String) async throws(AWSError) -> AWSCredentials {
        var parameters = [("RoleArn", request.roleARN), ("RoleSessionName", request.sessionName),
                          ("WebIdentityToken", token)]
        if let duration = request.durationSeconds { parameters.append(("DurationSeconds", String(duration))) }
        return try await credentials("AssumeRoleWithWebIdentity", parameters)
    }

    /// GetCallerIdentity: the account the credentials belong to.
    func callerAccount() async throws(AWSError) -> String {
        let call = ServiceCall.query(.sts, endpoint: context.endpoint, region: context.region,
                                     action: "GetCallerIdentity", version: Self.version, parameters: [])
        let body = try await context.send(call)
        guard let account = XMLElement.parse(body)?.path("GetCallerIdentityResult")?.string("Account") else {
            throw .malformedAnswer(service: "sts", reason: "GetCallerIdentity: no GetCallerIdentityResult/Account")
        }
        return account
    }

    private func credentials(_ action: String, _ parameters: [(String, String)]) async throws(AWSError) -> AWSCredentials {
        let call = ServiceCall.query(.sts, endpoint: context.endpoint, region: context.region,
                                     action: action, version: Self.version, parameters: parameters)
        let body = try await context.send(call)
        guard let root = XMLElement.parse(body),
              let credentials = root.path("\(action)Result", "Credentials"),
              let keyID = credentials.string("AccessKeyId"),
              let secret = credentials.string("SecretAccessKey")
        else {
            throw .malformedAnswer(service: "sts", reason: "\(action): no \(action)Result/Credentials with keys")
        }
        return AWSCredentials(accessKeyID: keyID, secretAccessKey: secret,
                              sessionToken: credentials.string("SessionToken"),
                              expiration: ISODate.parse(credentials.string("Expiration")))
    }
}
