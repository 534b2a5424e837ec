import AWSKit
import Foundation

/// The moto_server that scripts/with-moto.sh starts on loopback, seeded once per
/// test run under a unique prefix (Fixtures/seed_moto.py, through boto3).
enum Moto {
    struct NotRunning: Error, CustomStringConvertible {
        var description: String {
            "PLANTRACK_TEST_MOTO is not set: run the tests under scripts/with-moto.sh "
                + "(e.g. `scripts/with-moto.sh swift test --filter AWSKitTests`), which starts moto_server on loopback."
        }
    }

    struct SeedFailed: Error, CustomStringConvertible {
        var output: String
        var description: String { "Fixtures/seed_moto.py failed: \(output)" }
    }

    static func endpoint() throws -> String {
        guard let url = ProcessInfo.processInfo.environment["PLANTRACK_TEST_MOTO"], !url.isEmpty else {
            throw NotRunning()
        }
        return url
    }

    /// The prefix of everything this run seeded.
    static let prefix = "pt" + String(UUID().uuidString.lowercased().prefix(8))

    private static let seeding = Task<String, Error> {
        let url = try Moto.endpoint()
        try runPython([Fixtures.path("seed_moto.py"), url, prefix])
        return prefix
    }

    /// Seeds moto (once per test process) and returns the prefix.
    static func seeded() async throws -> String {
        try await seeding.value
    }

    @discardableResult
    static func runPython(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else { throw SeedFailed(output: text) }
        return text
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
