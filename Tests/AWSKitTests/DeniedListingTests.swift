import Foundation
import Testing
@testable import AWSKit

/// Issue 9 point 5: a least-privilege role scoped to named resources may not list.
struct DeniedListingTests {
    @Test("ListStacks and DescribeParameters denied: per-name calls answer, and the probe says so once")
    func deniedListingFallsBack() async throws {
        let server = try FaultServer(scenario: "denied-listing")
        defer { server.stop() }
        let probe = AWSProbe(settings: AWSSettings(
            region: "us-east-1", endpointURL: server.url,
            environment: ["AWS_ACCESS_KEY_ID": "AKIDSCOPED", "AWS_SECRET_ACCESS_KEY": "scoped-secret"],
            home: "/nonexistent", retry: .init(baseDelay: 0.01), loopbackOnly: true), resolver: CredentialResolver())
        let stacks = (1...5).map { "stack-\($0)" }
        let parameters = (0..<25).map { "/app/dev/svc/p\($0)" } + ["/app/dev/svc/missing-one"]
        let result = await probe.run(ProbeRequest(stackNames: stacks, parameterNames: parameters))
        let withPattern = await probe.run(ProbeRequest(stackNames: stacks + ["stack-*"], parameterNames: []))
        await probe.shutdown()
        #expect(result.failures.isEmpty, "\(result.failures)")
        #expect(result.stacks.map(\.name) == stacks && result.stacks.allSatisfy(\.deployed))
        #expect(result.parameters.count == 26)
        #expect(result.parameters.first { $0.name == "/app/dev/svc/missing-one" }?.exists == false)
        #expect(result.notes.count == 2, "\(result.notes)")
        #expect(result.notes.contains { $0.contains("cloudformation:ListStacks was denied") })
        #expect(result.notes.contains { $0.contains("ssm:DescribeParameters was denied") })
        #expect(withPattern.stacks.count == 5, "the exact names are still answered")
        #expect(withPattern.failures.map(\.code) == ["AccessDenied"], "a pattern needs the listing: its denial stays")
    }
}
