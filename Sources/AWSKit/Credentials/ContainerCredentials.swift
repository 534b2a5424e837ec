import Foundation

/// Container credentials (botocore's `ContainerProvider`: ECS tasks, CodeBuild, EKS Pod
/// Identity), asked only when `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` or `_FULL_URI` is
/// set. A full URI must be https, or http to a loopback or container-agent address, as the
/// SDKs require: anything else would hand the token to an arbitrary host. Instance
/// metadata (169.254.169.254) is never asked.
struct ContainerCredentials: CredentialProvider {
    /// Where the ECS agent serves a relative URI.
    static let ecsHost = "http://169.254.170.2"
    /// Hosts an http full URI may name besides loopback: the ECS and EKS agents.
    static let agentHosts: Set<String> = ["169.254.170.2", "169.254.170.23", "fd00:ec2::23"]

    var name: String { "container credentials (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI / _FULL_URI)" }

    func load(_ context: CredentialContext) async throws(AWSError) -> ResolvedCredentials? {
        let environment = context.environment
        guard let (url, variable) = try Self.url(environment) else { return nil }
        if context.settings.loopbackOnly, !url.isLoopback {
            throw .endpointNotLoopback(service: "container credentials", url: url.url)
        }
        let headers = try Self.authorization(environment, home: context.settings.home).map { [("Authorization", $0)] } ?? []
        let body = try await context.transport.get(url, headers: headers, what: "container credentials")
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
              let keyID = object["AccessKeyId"] as? String, let secret = object["SecretAccessKey"] as? String else {
            throw .malformedAnswer(service: "container credentials", reason: "\(variable): no AccessKeyId and SecretAccessKey")
        }
        let credentials = AWSCredentials(accessKeyID: keyID, secretAccessKey: secret,
                                         sessionToken: object["Token"] as? String,
                                         expiration: ISODate.parse(object["Expiration"] as? String))
        return ResolvedCredentials(credentials: credentials,
                                   source: CredentialSource(kind: .container, profile: nil, detail: variable))
    }

    /// The endpoint the environment names, and the variable that named it.
    static func url(_ environment: [String: String]) throws(AWSError) -> (AWSEndpoint, String)? {
        if let relative = nonEmpty(environment["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"]) {
            let variable = "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"
            return (try AWSEndpoint(url: ecsHost + (relative.hasPrefix("/") ? "" : "/") + relative, source: variable), variable)
        }
        guard let full = nonEmpty(environment["AWS_CONTAINER_CREDENTIALS_FULL_URI"]) else { return nil }
        let variable = "AWS_CONTAINER_CREDENTIALS_FULL_URI"
        let endpoint = try AWSEndpoint(url: full, source: variable)
        let bare = endpoint.host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        guard endpoint.scheme == "https" || endpoint.isLoopback || agentHosts.contains(bare) else {
            throw .invalidEndpoint(setting: variable, value: full,
                                   reason: "an http URL must name a loopback host (127.0.0.1, ::1, localhost) or the container agent; use https otherwise")
        }
        return (endpoint, variable)
    }

    /// `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` (read each time: it rotates) before `AWS_CONTAINER_AUTHORIZATION_TOKEN`.
    static func authorization(_ environment: [String: String], home: String) throws(AWSError) -> String? {
        var token: String?
        var setting = "AWS_CONTAINER_AUTHORIZATION_TOKEN"
        if let file = nonEmpty(environment["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"]) {
            setting = "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"
            let path = AWSProfiles.expand(file, home: home)
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw .unreadableFile(path: path, line: nil, reason: "the container authorization token named by \(setting) cannot be read")
            }
            token = text.trimmingCharacters(in: .whitespacesAndNewlines)
        } else {
            token = nonEmpty(environment[setting])
        }
        if let token, token.contains(where: { $0 == "\r" || $0 == "\n" }) {
            throw .invalidSetting(setting: setting, reason: "the token holds a line break")
        }
        return token
    }
}
