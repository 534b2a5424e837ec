import Foundation
import TestSupport
import Testing
@testable import AWSKit

/// CI and container identities (issue 9 points 10, 11) against a loopback STS / container
/// endpoint (Fixtures/fault_server.py, scenario `identity`) that logs what it was sent.
struct IdentityTests {
    func settings(_ server: FaultServer, home: TemporaryFolder, env: [String: String], profile: String? = nil,
                  clock: TickingClock = TickingClock()) -> AWSSettings {
        var environment = ["PATH": Fixtures.basePath]
        environment.merge(env) { _, new in new }
        return AWSSettings(profile: profile, region: "us-east-1", endpointURL: server.url, environment: environment,
                           home: home.path, timeouts: .init(connect: 1, request: 3, process: 5),
                           retry: .init(baseDelay: 0.02), loopbackOnly: true, now: { clock.read() })
    }

    static let oneStack = ProbeRequest(stackNames: ["fault-a"], parameterNames: [])

    func form(_ request: [String: Any]) -> [String: String] {
        let body = request["body"] as? String ?? ""
        var pairs: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
            if parts.count == 2 { pairs[parts[0]] = parts[1] }
        }
        return pairs
    }

    @Test("AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE: an unsigned AssumeRoleWithWebIdentity, refreshed with the new token before expiry")
    func webIdentityFromEnvironment() async throws {
        let server = try FaultServer(scenario: "identity")
        defer { server.stop() }
        let home = try TemporaryFolder.awsHome()
        defer { home.remove() }
        try home.write("token", "oidc-token-1\n")
        let clock = TickingClock()
        let probe = AWSProbe(settings: settings(server, home: home, env: [
            "AWS_ROLE_ARN": "arn:aws:iam::123456789012:role/ci", "AWS_WEB_IDENTITY_TOKEN_FILE": home.path + "/token",
            "AWS_ROLE_SESSION_NAME": "gha-run-7"], clock: clock), resolver: CredentialResolver())
        let first = await probe.run(Self.oneStack)
        #expect(first.failures.isEmpty, "\(first.failures)")
        #expect(first.context?.credentialSource?.kind == .webIdentity)
        let second = await probe.run(Self.oneStack)
        #expect(second.apiCalls == 1, "the keys are reused while they are fresh")
        try home.write("token", "oidc-token-2\n")
        clock.advance(55 * 60)
        let third = await probe.run(Self.oneStack)
        await probe.shutdown()
        #expect(third.failures.isEmpty && third.apiCalls == 2, "55 min later the keys are refreshed first")
        let requests = server.requests()
        let exchanges = requests.filter { form($0)["Action"] == "AssumeRoleWithWebIdentity" }
        #expect(exchanges.count == 2)
        #expect(exchanges.allSatisfy { $0["authorization"] is NSNull || $0["authorization"] == nil }, "unsigned")
        #expect(exchanges.map { form($0)["WebIdentityToken"] } == ["oidc-token-1", "oidc-token-2"])
        #expect(exchanges.allSatisfy { form($0)["RoleSessionName"] == "gha-run-7" })
        #expect(exchanges.allSatisfy { form($0)["RoleArn"] == "arn:aws:iam::123456789012:role/ci" })
        let describes = requests.filter { form($0)["Action"] == "DescribeStacks" }
        #expect((describes.first?["authorization"] as? String)?.contains("Credential=AKIDWEB1/") == true)
        #expect((describes.last?["token"] as? String)?.hasPrefix("session-token-") == true)
    }

    @Test("a profile with role_arn + web_identity_token_file, and a role chained from it")
    func webIdentityProfileAndChain() async throws {
        let server = try FaultServer(scenario: "identity")
        defer { server.stop() }
        let home = try TemporaryFolder.awsHome()
        defer { home.remove() }
        try home.write("token", "oidc-token")
        try home.write(".aws/config", """
            [profile oidc]
            role_arn = arn:aws:iam::123456789012:role/ci
            web_identity_token_file = ~/token
            [profile deploy]
            role_arn = arn:aws:iam::210987654321:role/reader
            source_profile = oidc
            """)
        let direct = AWSProbe(settings: settings(server, home: home, env: [:], profile: "oidc"), resolver: CredentialResolver())
        let result = await direct.run(Self.oneStack)
        await direct.shutdown()
        #expect(result.failures.isEmpty, "\(result.failures)")
        #expect(result.context?.credentialSource == CredentialSource(kind: .webIdentity, profile: "oidc",
                                                                      detail: "arn:aws:iam::123456789012:role/ci"))
        let chained = AWSProbe(settings: settings(server, home: home, env: [:], profile: "deploy"), resolver: CredentialResolver())
        let chainedResult = await chained.run(Self.oneStack)
        await chained.shutdown()
        #expect(chainedResult.failures.isEmpty, "\(chainedResult.failures)")
        #expect(chainedResult.context?.credentialSource?.kind == .assumedRole)
        let actions = server.requests().compactMap { form($0)["Action"] }
        #expect(actions == ["AssumeRoleWithWebIdentity", "DescribeStacks", "AssumeRoleWithWebIdentity", "AssumeRole", "DescribeStacks"])
        let assume = try #require(server.requests().first { form($0)["Action"] == "AssumeRole" })
        #expect((assume["authorization"] as? String)?.contains("Credential=AKIDWEB3/") == true,
                "AssumeRole is signed with the web identity's keys")
    }

    @Test("a source profile with its own keys and a role_arn lends its keys, as the CLI does, instead of chaining")
    func sourceProfileKeysWin() async throws {
        let server = try FaultServer(scenario: "identity")
        defer { server.stop() }
        let home = try TemporaryFolder.awsHome()
        defer { home.remove() }
        try home.write(".aws/credentials", "[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = base-secret\n")
        try home.write(".aws/config", """
            [profile base]
            role_arn = arn:aws:iam::123456789012:role/base-role
            source_profile = nowhere
            [profile deploy]
            role_arn = arn:aws:iam::123456789012:role/reader
            source_profile = base
            """)
        let probe = AWSProbe(settings: settings(server, home: home, env: [:], profile: "deploy"), resolver: CredentialResolver())
        let result = await probe.run(Self.oneStack)
        await probe.shutdown()
        #expect(result.failures.isEmpty, "\(result.failures)")
        let assumed = server.requests().filter { form($0)["Action"] == "AssumeRole" }
        #expect(assumed.count == 1)
        #expect(form(assumed[0])["RoleArn"] == "arn:aws:iam::123456789012:role/reader")
        #expect((assumed[0]["authorization"] as? String)?.contains("Credential=AKIDBASE/") == true)
    }

    @Test("a web identity token file without a role ARN is an error naming the variable")
    func webIdentityWithoutRole() async throws {
        let server = try FaultServer(scenario: "identity")
        defer { server.stop() }
        let home = try TemporaryFolder.awsHome()
        defer { home.remove() }
        let probe = AWSProbe(settings: settings(server, home: home, env: ["AWS_WEB_IDENTITY_TOKEN_FILE": home.path + "/t"]),
                             resolver: CredentialResolver())
        let result = await probe.run(Self.oneStack)
        await probe.shutdown()
        #expect(result.failures.first?.message.contains("AWS_WEB_IDENTITY_TOKEN_FILE is set but no role ARN") == true,
                "\(result.failures)")
        #expect(server.requests().isEmpty)
    }

    @Test("container credentials from a loopback FULL_URI with the token file's Authorization")
    func containerFullURI() async throws {
        let server = try FaultServer(scenario: "identity")
        defer { server.stop() }
        let home = try TemporaryFolder.awsHome()
        defer { home.remove() }
        try home.write("container-token", "container-token\n")
        let probe = AWSProbe(settings: settings(server, home: home, env: [
            "AWS_CONTAINER_CREDENTIALS_FULL_URI": server.url + "/v2/credentials/abc",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN": "wrong-one-the-file-wins",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE": home.path + "/container-token"]), resolver: CredentialResolver())
        let result = await probe.run(Self.oneStack)
        await probe.shutdown()
        #expect(result.failures.isEmpty, "\(result.failures)")
        #expect(result.context?.credentialSource?.kind == .container)
        let requests = server.requests()
        #expect(requests.first?["method"] as? String == "GET" && requests.first?["path"] as? String == "/v2/credentials/abc")
        #expect((requests.last?["authorization"] as? String)?.contains("Credential=AKIDCONTAINER/") == true)
    }

    @Test("container URIs: http only to loopback or the agent, relative ones go to the ECS agent, nothing when unset")
    func containerURIRules() throws {
        #expect(try ContainerCredentials.url([:]) == nil)
        let relative = try #require(try ContainerCredentials.url(["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/creds"]))
        #expect(relative.0.url == "http://169.254.170.2/v2/creds")
        #expect(try ContainerCredentials.url(["AWS_CONTAINER_CREDENTIALS_FULL_URI": "https://creds.example.com/x"]) != nil)
        #expect(try ContainerCredentials.url(["AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://localhost:8080/x"]) != nil)
        #expect(throws: AWSError.self) {
            try ContainerCredentials.url(["AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://creds.example.com/x"])
        }
        #expect(throws: AWSError.self) {
            try ContainerCredentials.url(["AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://169.254.169.254/latest/meta-data"])
        }
    }

    @Test("a relative container URI is refused under loopbackOnly: no test can reach 169.254.170.2")
    func containerRelativeNotReached() async throws {
        let server = try FaultServer(scenario: "identity")
        defer { server.stop() }
        let home = try TemporaryFolder.awsHome()
        defer { home.remove() }
        let probe = AWSProbe(settings: settings(server, home: home, env: ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/x"]),
                             resolver: CredentialResolver())
        let result = await probe.run(Self.oneStack)
        await probe.shutdown()
        #expect(result.failures.first?.code == "EndpointNotLoopback", "\(result.failures)")
        #expect(server.requests().isEmpty)
    }
}
