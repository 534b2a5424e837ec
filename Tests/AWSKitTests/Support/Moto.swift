import AWSKit
import Foundation
import TestSupport

/// AWSKit's own seeding of the shared moto_server: everything under a prefix unique
/// to this test run (Fixtures/seed_moto.py, through boto3).
extension Moto {
    /// The prefix of everything this run seeded.
    static let prefix = "pt" + String(UUID().uuidString.lowercased().prefix(8))

    private static let seeding = Task<String, Error> {
        try Subprocess.python(Fixtures.path("seed_moto.py"), [try Moto.endpoint(), prefix])
        return prefix
    }

    /// Seeds moto (once per test process) and returns the prefix.
    static func seeded() async throws -> String {
        try await seeding.value
    }

    /// Settings for a probe of moto with keys in the environment, loopback enforced.
    static func settings(endpoint: String, home: String, environment extra: [String: String] = [:],
                         profile: String? = nil) -> AWSSettings {
        var environment = ["AWS_ACCESS_KEY_ID": "AKIDTEST", "AWS_SECRET_ACCESS_KEY": "test-secret",
                           "PATH": Fixtures.basePath]
        environment.merge(extra) { _, new in new }
        return AWSSettings(profile: profile, region: "us-east-1", endpointURL: endpoint, environment: environment,
                           home: home, timeouts: .init(connect: 2, request: 10, process: 20),
                           retry: .init(baseDelay: 0.05), loopbackOnly: true)
    }
}
