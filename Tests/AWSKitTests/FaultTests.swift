import Foundation
import Testing
@testable import AWSKit

/// A misbehaving endpoint on loopback (Fixtures/fault_server.py): every fault is
/// retried or not as the standard retry mode says, reported in `failures`, never thrown.
@Suite(.serialized)
struct FaultTests {
    func probe(_ url: String, request: Double = 3, clock: TickingClock? = nil,
               retry: AWSSettings.RetryOptions = .init(baseDelay: 0.02)) -> AWSProbe {
        let home = NSTemporaryDirectory() + "plantrack-none"
        let clock = clock ?? TickingClock()
        return AWSProbe(settings: AWSSettings(
            region: "us-east-1", endpointURL: url,
            environment: ["AWS_ACCESS_KEY_ID": "AKIDFAULT", "AWS_SECRET_ACCESS_KEY": "fault-secret"],
            home: home, timeouts: .init(connect: 1, request: request, process: 5), retry: retry,
            loopbackOnly: true, now: { clock.read() }))
    }

    static let fiveStacks = ProbeRequest(stackNames: ["fault-a", "fault-b", "fault-c", "fault-d", "fault-x"],
                                         parameterNames: [])

    @Test("throttling, then success: retried with a new date and signature each time")
    func throttleThenSuccess() async throws {
        let server = try FaultServer(scenario: "throttle-then-ok")
        defer { server.stop() }
        let probe = probe(server.url)
        let result = await probe.run(Self.fiveStacks)
        await probe.shutdown()
        #expect(result.failures.isEmpty, "\(result.failures)")
        #expect(result.apiCalls == 5, "2 throttled attempts + 3 ListStacks pages")
        let requests = server.requests()
        #expect(requests.count == 5)
        let dates = requests.compactMap { $0["date"] as? String }
        let signatures = requests.compactMap { $0["authorization"] as? String }
        #expect(Set(dates).count == 5 && Set(signatures).count == 5, "each attempt is signed afresh")
        #expect(requests.allSatisfy { ($0["host"] as? String) == "127.0.0.1:\(server.port)" })
        let byName = Dictionary(uniqueKeysWithValues: result.stacks.map { ($0.name, $0) })
        #expect(byName["fault-a"]?.status == "CREATE_COMPLETE")
        #expect(byName["fault-x"]?.status == nil && byName["fault-x"]?.exists == false)
    }

    @Test("ListStacks follows NextToken; a live stack wins over its deleted namesake")
    func listStacksPaging() async throws {
        let server = try FaultServer(scenario: "paged")
        defer { server.stop() }
        let probe = probe(server.url)
        let result = await probe.run(ProbeRequest(stackNames: ["fault-*"], parameterNames: ["/fault/*"]))
        await probe.shutdown()
        #expect(result.failures.isEmpty, "\(result.failures)")
        let stacks = try #require(result.stacks.first)
        #expect(stacks.matches == ["fault-a", "fault-b", "fault-c", "fault-d"])
        #expect(stacks.deployed)
        let parameters = try #require(result.parameters.first)
        #expect(parameters.exists && parameters.matches == ["/fault/one", "/fault/three", "/fault/two"])
        #expect(result.apiCalls == 6, "3 ListStacks pages + 3 DescribeParameters pages (the last one empty)")
    }

    @Test("GetParametersByPath follows NextToken through a trailing empty page")
    func byPathPaging() async throws {
        let server = try FaultServer(scenario: "paged")
        defer { server.stop() }
        let settings = AWSSettings(region: "us-east-1", endpointURL: server.url, environment: [:], home: "/nonexistent",
                                   loopbackOnly: true)
        let transport = AWSTransport(settings: settings)
        let counter = CallCounter()
        let client = try SSMClient.forTest(settings: settings, transport: transport, counter: counter)
        let found = try await client.getParametersByPath("/fault", recursive: true)
        await transport.shutdown()
        #expect(found.map(\.name) == ["/fault/one", "/fault/two", "/fault/three"])
        #expect(await counter.count == 3)
        let bodies = server.requests().compactMap { $0["body"] as? String }
        #expect(bodies.allSatisfy { $0.contains("\"Recursive\":true") && !$0.contains("WithDecryption") })
    }

    @Test("503 on every attempt: three attempts, then one failure, names left unknown")
    func always503() async throws {
        let server = try FaultServer(scenario: "always-503")
        defer { server.stop() }
        let probe = probe(server.url)
        let result = await probe.run(ProbeRequest(stackNames: [], parameterNames: ["/a", "/b"]))
        await probe.shutdown()
        #expect(result.apiCalls == 3)
        #expect(result.parameters.isEmpty)
        #expect(result.failures == [ProbeFailure(service: "ssm", code: "HTTP503", message: result.failures.first?.message ?? "",
                                                 kind: .service)])
        #expect(result.failures.first?.message.contains("503") == true)
    }

    @Test("an answer that is neither XML nor JSON is reported as malformed, not retried")
    func garbage() async throws {
        let server = try FaultServer(scenario: "garbage")
        defer { server.stop() }
        let probe = probe(server.url)
        let result = await probe.run(ProbeRequest(stackNames: ["s1"], parameterNames: ["/p"]))
        await probe.shutdown()
        #expect(result.apiCalls == 2)
        #expect(Set(result.failures.map(\.service)) == ["cloudformation", "ssm"])
        #expect(result.failures.allSatisfy { $0.kind == .malformedAnswer && $0.code == "MalformedAnswer" })
        #expect(result.stacks.isEmpty && result.parameters.isEmpty)
    }

    @Test("a hanging endpoint times out on each attempt and is reported")
    func hang() async throws {
        let server = try FaultServer(scenario: "hang")
        defer { server.stop() }
        let probe = probe(server.url, request: 0.4)
        let started = Date()
        let result = await probe.run(ProbeRequest(stackNames: ["s1"], parameterNames: []))
        let elapsed = Date().timeIntervalSince(started)
        await probe.shutdown()
        #expect(result.apiCalls == 3)
        #expect(result.failures.count == 1)
        #expect(result.failures.first?.code == "Timeout")
        #expect(result.failures.first?.kind == .unreachable)
        #expect(elapsed < 4, "3 attempts of 0.4 s plus short backoffs, took \(elapsed) s")
    }

    @Test("a closed port: connection refused, retried, reported as unreachable")
    func closedPort() async throws {
        let port = FaultServer.closedPort()
        let probe = probe("http://127.0.0.1:\(port)")
        let result = await probe.run(ProbeRequest(stackNames: ["s1"], parameterNames: ["/p"]))
        await probe.shutdown()
        #expect(result.apiCalls == 6)
        #expect(result.failures.count == 2)
        #expect(result.failures.allSatisfy { $0.kind == .unreachable && $0.code == "EndpointUnreachable" })
        #expect(result.failures.allSatisfy { $0.message.contains("connection refused") && $0.message.contains(":\(port)") })
    }

    @Test("a closed port and many names: the first exhausted endpoint fails the rest at once")
    func closedPortManyNames() async throws {
        let port = FaultServer.closedPort()
        let probe = probe("http://127.0.0.1:\(port)")
        let started = Date()
        let result = await probe.run(ProbeRequest(
            stackNames: (0..<150).map { "stack-\($0)" } + ["a", "b"].map { "only-\($0)-*" },
            parameterNames: (0..<300).map { "/app/dev/svc\($0 / 2)/p\($0 % 2)" } + (0..<30).map { "/x\($0)" }))
        let elapsed = Date().timeIntervalSince(started)
        await probe.shutdown()
        #expect(elapsed < 10, "took \(elapsed) s")
        #expect(result.apiCalls <= 3 * 6, "\(result.apiCalls) calls: only the calls in flight before the first gave up retry")
        #expect(result.failures.allSatisfy { $0.kind == .unreachable })
        #expect(result.stacks.isEmpty && result.parameters.isEmpty, "nothing is reported missing that was never asked")
    }

    @Test("access denied is not retried and says which policy to check")
    func denied() async throws {
        let server = try FaultServer(scenario: "denied")
        defer { server.stop() }
        let probe = probe(server.url)
        let result = await probe.run(ProbeRequest(stackNames: ["s1"], parameterNames: ["/p"]))
        await probe.shutdown()
        #expect(result.apiCalls == 2)
        #expect(Set(result.failures.map(\.code)) == ["AccessDenied", "AccessDeniedException"])
        #expect(result.failures.allSatisfy { $0.kind == .accessDenied && $0.message.contains("iam-policy.json") })
    }

    @Test("the retry quota stops retries when too much fails")
    func retryQuota() async throws {
        let port = FaultServer.closedPort()
        let probe = probe("http://127.0.0.1:\(port)",
                          retry: .init(maxAttempts: 3, baseDelay: 0.01, quota: 20, retryCost: 5, timeoutCost: 10))
        let first = await probe.run(ProbeRequest(stackNames: ["s1"], parameterNames: []))
        let second = await probe.run(ProbeRequest(stackNames: ["s1"], parameterNames: []))
        await probe.shutdown()
        #expect(first.apiCalls == 3, "20 pays for two retries after connection errors")
        #expect(second.apiCalls == 1, "the quota is spent: no retry")
        #expect(second.failures.first?.code == "RetryQuotaExhausted")
    }

    @Test("calls run concurrently but bounded: at most 2 DescribeStacks and 4 SSM calls in flight")
    func boundedConcurrency() async throws {
        let server = try FaultServer(scenario: "slow")
        defer { server.stop() }
        let probe = probe(server.url)
        let started = Date()
        let result = await probe.run(ProbeRequest(stackNames: ["s1", "s2", "s3"],
                                                  parameterNames: (0..<60).map { "/p/\($0)" }))
        let elapsed = Date().timeIntervalSince(started)
        await probe.shutdown()
        #expect(result.failures.isEmpty, "\(result.failures)")
        #expect(result.apiCalls == 3 + 6)
        #expect(result.stacks.count == 3 && result.parameters.count == 60)
        #expect(server.maxInFlight() <= 2 + 4)
        #expect(server.maxInFlight() >= 3, "the two services and the batches overlap")
        #expect(elapsed < 2.5, "9 calls of 0.3 s, overlapped: \(elapsed) s")
    }

    @Test("a listing whose first page holds no more than a batch stops there; the rest are batched several at once")
    func shortListingPageThenConcurrentBatches() async throws {
        let server = try FaultServer(scenario: "slow")
        defer { server.stop() }
        let probe = probe(server.url)
        let names = (0..<60).map { "/app/dev/svc\($0)/a" }
        let started = Date()
        let result = await probe.run(ProbeRequest(stackNames: [], parameterNames: names))
        let elapsed = Date().timeIntervalSince(started)
        await probe.shutdown()
        #expect(result.failures.isEmpty, "\(result.failures)")
        #expect(result.parameters.count == 60 && result.parameters.allSatisfy(\.exists),
                "every name asked by GetParameters after the short page")
        #expect(result.apiCalls == 1 + 6, "one DescribeParameters page of 2, then 6 GetParameters")
        #expect(server.maxInFlight() >= 3, "the batches overlap")
        #expect(elapsed < 1.6, "1 page + 6 batches of 0.3 s, 4 at a time: \(elapsed) s (one after another: 2.1 s)")
    }

    @Test("escape sequences in an AWS error never reach the failure text")
    func escapesStripped() async throws {
        let server = try FaultServer(scenario: "escape")
        defer { server.stop() }
        let probe = probe(server.url)
        let result = await probe.run(ProbeRequest(stackNames: [], parameterNames: ["/p"]))
        await probe.shutdown()
        let failure = try #require(result.failures.first)
        #expect(failure.code.hasPrefix("Validation") && failure.code.hasSuffix("Exception"))
        #expect(failure.message.contains("bad "))
        #expect(!failure.message.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(!failure.code.unicodeScalars.contains { $0.value < 0x20 })
    }
}
