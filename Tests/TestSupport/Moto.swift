import Foundation

/// The moto_server that scripts/with-moto.sh starts on loopback for a test run.
public enum Moto {
    public struct NotRunning: Error, CustomStringConvertible {
        public var description: String {
            "PLANTRACK_TEST_MOTO is not set: run the tests under scripts/with-moto.sh "
                + "(e.g. `scripts/with-moto.sh swift test --filter AWSKitTests`), which starts moto_server on loopback."
        }
    }

    public struct NotLoopback: Error, CustomStringConvertible {
        public var endpoint: String
        public var description: String { "PLANTRACK_TEST_MOTO must be a loopback URL, not \(endpoint)" }
    }

    /// The endpoint's URL; throws (failing the calling test, never skipping it) when the
    /// tests run outside with-moto.sh or the URL is not on loopback.
    public static func endpoint() throws -> String {
        guard let url = ProcessInfo.processInfo.environment["PLANTRACK_TEST_MOTO"], !url.isEmpty else {
            throw NotRunning()
        }
        let host = URL(string: url)?.host
        guard host == "127.0.0.1" || host == "localhost" else { throw NotLoopback(endpoint: url) }
        return url
    }

    /// Deploys the sample project's stacks and parameters for `stage` (scripts/seed-moto.py).
    public static func seedSample(stage: String, region: String, arguments: [String] = []) throws {
        try Subprocess.python(Repository.url("scripts/seed-moto.py").path,
                              ["--endpoint", try endpoint(), "--region", region, "--stage", stage,
                               "--project", Repository.listbackup.path, "--quiet"] + arguments)
    }
}
