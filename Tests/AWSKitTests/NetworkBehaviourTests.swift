import Foundation
import TestSupport
import Testing
@testable import AWSKit

/// Issue 9 points 6, 13, 15, 16: attempts, clock skew, expired sessions, hints and
/// redaction, against the loopback fault server.
@Suite(.serialized)
struct NetworkBehaviourTests {
    func settings(_ url: String, env: [String: String] = [:], home: TemporaryFolder? = nil,
                  profile: String? = nil, retry: AWSSettings.RetryOptions = .init(baseDelay: 0.01),
                  timeouts: AWSSettings.Timeouts = .init(connect: 1, request: 3, process: 5),
                  clock: TickingClock = TickingClock()) -> AWSSettings {
        var environment = ["AWS_ACCESS_KEY_ID": "AKIDNET", "AWS_SECRET_ACCESS_KEY": "net-secret-value-123",
                           "AWS_SESSION_TOKEN": "net-session-token-456"]
        environment.merge(env) { _, new in new }
        return AWSSettings(profile: profile, region: "us-east-1", endpointURL: url, environment: environment,
                           home: home?.path ?? "/nonexistent", timeouts: timeouts, retry: retry,
                           loopbackOnly: true, now: { clock.read() })
    }

    func run(_ settings: AWSSettings, _ request: ProbeRequest = ProbeRequest(stackNames: ["s1"], parameterNames: []))
        async -> ProbeResult {
        let probe = AWSProbe(settings: settings, resolver: CredentialResolver())
        let result = await probe.run(request)
        await probe.shutdown()
        return result
    }

    @Test("AWS_MAX_ATTEMPTS and the profile's max_attempts / retry_mode set the attempts; the variable wins")
    func maxAttempts() async throws {
        let server = try FaultServer(scenario: "always-503")
        defer { server.stop() }
        let home = try TemporaryFolder.awsHome()
        defer { home.remove() }
        try home.write(".aws/config", "[profile two]\nmax_attempts = 2\n[profile legacy]\nretry_mode = legacy\n"
            + "[profile adaptive]\nretry_mode = adaptive\n[profile bad]\nretry_mode = turbo\n")
        #expect(await run(settings(server.url, env: ["AWS_MAX_ATTEMPTS": "5"])).apiCalls == 5)
        // AWS_PROFILE, not --profile: the keys stay in the environment.
        func profile(_ name: String, _ env: [String: String] = [:]) -> AWSSettings {
            settings(server.url, env: env.merging(["AWS_PROFILE": name]) { old, _ in old }, home: home)
        }
        #expect(await run(profile("two")).apiCalls == 2)
        #expect(await run(profile("two", ["AWS_MAX_ATTEMPTS": "4"])).apiCalls == 4)
        #expect(await run(profile("legacy")).apiCalls == 5, "legacy mode: 5 attempts")
        #expect(await run(profile("adaptive")).apiCalls == 3, "adaptive runs as standard")
        let bad = await run(profile("bad"))
        #expect(bad.apiCalls == 0)
        #expect(bad.failures.first?.message.contains("retry_mode of profile 'bad'") == true, "\(bad.failures)")
        let notANumber = await run(settings(server.url, env: ["AWS_MAX_ATTEMPTS": "many"]))
        #expect(notANumber.failures.first?.message.contains("AWS_MAX_ATTEMPTS") == true, "\(notANumber.failures)")
    }

    @Test("clock skew: signed again once with AWS's time, which later calls keep")
    func clockSkewRetriedOnce() async throws {
        let server = try FaultServer(scenario: "skewed")
        defer { server.stop() }
        let probe = AWSProbe(settings: settings(server.url), resolver: CredentialResolver())
        let first = await probe.run(ProbeRequest(stackNames: ["s1"], parameterNames: []))
        let second = await probe.run(ProbeRequest(stackNames: ["s2"], parameterNames: []))
        await probe.shutdown()
        #expect(first.failures.isEmpty && second.failures.isEmpty, "\(first.failures) \(second.failures)")
        #expect(first.apiCalls == 2 && second.apiCalls == 1, "the refused call once more; the next call is on time")
        let dates = server.requests().compactMap { ($0["date"] as? String).flatMap(Self.amzDate) }
        #expect(dates.count == 3)
        #expect(dates.dropFirst().allSatisfy { $0.timeIntervalSince(dates[0]) > 800 }, "\(dates)")
    }

    @Test("a skew message says how far the clock is off")
    func skewMessage() {
        let error = AWSError.clockSkew(service: "sts", code: "RequestTimeTooSkewed", seconds: 7 * 60)
        #expect(error.description.contains("this machine's clock is 7 min behind AWS"))
        #expect(ClockSkew.detect(code: "SignatureDoesNotMatch", message: "Signature expired: 20261201T000000Z is now earlier",
                                 serverDate: Date(timeIntervalSince1970: 1000 + 600),
                                 localDate: Date(timeIntervalSince1970: 1000)) == 600)
        #expect(ClockSkew.detect(code: "AccessDenied", message: "", serverDate: Date(), localDate: Date(timeIntervalSince1970: 0)) == nil)
    }

    @Test("an expired session says so and what to run, not 'check its IAM policy'")
    func expiredToken() async throws {
        let server = try FaultServer(scenario: "expired-token")
        defer { server.stop() }
        let result = await run(settings(server.url))
        let failure = try #require(result.failures.first)
        #expect(failure.code == "ExpiredToken")
        #expect(failure.message.contains("session has expired"), "\(failure.message)")
        #expect(failure.message.contains("AWS_SESSION_TOKEN"), "\(failure.message)")
        #expect(!failure.message.contains("IAM policy"))
        #expect(result.apiCalls == 1, "not retried")
    }

    @Test("a secret or token AWS echoes back never reaches the failure")
    func echoedSecretsRedacted() async throws {
        let server = try FaultServer(scenario: "echo-secret")
        defer { server.stop() }
        let result = await run(settings(server.url))
        let failure = try #require(result.failures.first)
        #expect(failure.message.contains("<redacted>"), "\(failure.message)")
        #expect(!failure.message.contains("net-session-token-456"))
        #expect(!failure.message.contains("net-secret-value-123"))
        let signature = (server.requests().first?["authorization"] as? String)?.components(separatedBy: "Signature=").last ?? "?"
        #expect(!failure.message.contains(signature))
    }

    /// A run with the default timeouts and attempts, and how long it took.
    func runWithDefaults(_ url: String) async -> (ProbeResult, TimeInterval) {
        var defaults = settings(url)
        defaults.timeouts = AWSSettings.Timeouts()
        defaults.retry = AWSSettings.RetryOptions()
        let started = Date()
        let result = await run(defaults)
        return (result, Date().timeIntervalSince(started))
    }

    @Test("a refused connection is reported within 3 s with the default timeouts and attempts")
    func refusedIsQuick() async throws {
        let (result, elapsed) = await runWithDefaults("http://127.0.0.1:\(FaultServer.closedPort())")
        #expect(elapsed < 3, "took \(elapsed) s")
        #expect(result.failures.first?.message.contains("connection refused") == true, "\(result.failures)")
    }

    @Test("an unknown host is reported at once, not retried, with a hint about region, endpoint and proxy")
    func unknownHostIsQuick() async throws {
        let (result, elapsed) = await runWithDefaults("http://plantrack-test.invalid:9")
        #expect(elapsed < 3, "took \(elapsed) s")
        let failure = try #require(result.failures.first)
        #expect(failure.message.contains("host name not found"), "\(failure.message)")
        #expect(failure.message.contains("HTTPS_PROXY"))
        #expect(result.apiCalls == 1, "a DNS failure is not transient")
    }

    @Test("hints: TLS names AWS_CA_BUNDLE; a throttle that outlived the retries names the attempts setting")
    func hints() {
        let tls = AWSError.endpointUnreachable(service: "sts", url: "https://x/", reason: "TLS failure")
        #expect(tls.description.contains("AWS_CA_BUNDLE"))
        let throttled = AWSError.serviceError(service: "cloudformation", code: "Throttling", message: "Rate exceeded", status: 400)
        #expect(throttled.description.contains("AWS_MAX_ATTEMPTS"))
    }

    static func amzDate(_ text: String) -> Date? {
        HTTPDate.parse(text, format: "yyyyMMdd'T'HHmmss'Z'")
    }
}
