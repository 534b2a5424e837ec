import Foundation
import TestSupport
import Testing
@testable import AWSKit

/// Web identity against moto's STS (issue 9 point 10): the real peer answers AssumeRoleWithWebIdentity.
struct MotoIdentityTests {
    @Test("AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE probe moto with the keys STS gives for the token")
    func webIdentityThroughMoto() async throws {
        let prefix = try await Moto.seeded()
        let home = try TemporaryFolder.awsHome()
        defer { home.remove() }
        try home.write("token", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJjaSJ9.")
        var settings = Moto.settings(endpoint: try Moto.endpoint(), home: home.path, environment: [
            "AWS_ROLE_ARN": "arn:aws:iam::123456789012:role/plantrack-ci",
            "AWS_WEB_IDENTITY_TOKEN_FILE": home.path + "/token"])
        settings.environment["AWS_ACCESS_KEY_ID"] = nil
        settings.environment["AWS_SECRET_ACCESS_KEY"] = nil
        let probe = AWSProbe(settings: settings, resolver: CredentialResolver())
        let result = await probe.run(ProbeRequest(stackNames: ["\(prefix)-s005"], parameterNames: []))
        await probe.shutdown()
        #expect(result.failures.isEmpty, "\(result.failures)")
        #expect(result.stacks.first?.deployed == true)
        #expect(result.apiCalls == 2, "AssumeRoleWithWebIdentity + DescribeStacks")
        #expect(result.context?.credentialSource?.kind == .webIdentity)
    }
}
