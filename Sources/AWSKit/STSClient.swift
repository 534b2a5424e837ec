import Foundation

/// STS AssumeRole over the Query protocol: the one STS call PlanTrack makes, for `role_arn` profiles.
struct STSClient: Sendable {
    var context: ClientContext
    static let version = "2011-06-15"

    func assumeRole(roleARN: String, sessionName: String, externalID: String?,
                    durationSeconds: Int?) async throws(AWSError) -> AWSCredentials {
        var parameters = [("RoleArn", roleARN), ("RoleSessionName", sessionName)]
        if let externalID { parameters.append(("ExternalId", externalID)) }
        if let durationSeconds { parameters.append(("DurationSeconds", String(durationSeconds))) }
        let call = ServiceCall.query(.sts, endpoint: context.endpoint, region: context.region,
                                     action: "AssumeRole", version: Self.version, parameters: parameters)
        let body = try await context.transport.send(call, credentials: context.credentials, counter: context.counter)
        guard let root = XMLElement.parse(body),
              let credentials = root.path("AssumeRoleResult", "Credentials"),
              let keyID = credentials.string("AccessKeyId"),
              let secret = credentials.string("SecretAccessKey")
        else {
            throw .malformedAnswer(service: "sts", reason: "AssumeRole: no AssumeRoleResult/Credentials with keys")
        }
        return AWSCredentials(accessKeyID: keyID, secretAccessKey: secret,
                              sessionToken: credentials.string("SessionToken"),
                              expiration: ISODate.parse(credentials.string("Expiration")))
    }
}
