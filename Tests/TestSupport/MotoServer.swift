import Foundation

/// A moto_server of the test's own on a free loopback port, for tests that need state no
/// other suite sees (a reset between seeds) or several servers standing for separate
/// AWS accounts. The shared one from scripts/with-moto.sh is `Moto`; never reset that one,
/// since suites run in parallel against it.
public final class MotoServer: @unchecked Sendable {
    public let url: String
    public let accountID: String
    private let process: Process

    /// Starts moto_server answering as `accountID` (moto reads MOTO_ACCOUNT_ID) and waits
    /// until it answers; throws when it does not within 10 s.
    public init(accountID: String = "123456789012") throws {
        let port = try Self.freePort()
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["moto_server", "-H", "127.0.0.1", "-p", String(port)]
        var environment = ProcessInfo.processInfo.environment
        environment["MOTO_ACCOUNT_ID"] = accountID
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        url = "http://127.0.0.1:\(port)"
        self.accountID = accountID
        try waitUntilAnswering()
    }

    deinit { stop() }

    /// Stops the server with SIGKILL (moto_server ignores SIGTERM) and without waiting:
    /// Foundation's waitUntilExit can hang when called from a deinit at the end of a run.
    public func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
    }

    /// Forgets every stack and parameter (moto's POST /moto-api/reset).
    public func reset() throws {
        guard Self.request(url + "/moto-api/reset", method: "POST") else {
            throw Subprocess.Failed(command: "POST \(url)/moto-api/reset", output: "no answer")
        }
    }

    /// Deploys the sample project's stacks and parameters for `stage` on this server
    /// (scripts/seed-moto.py; `arguments` skip, delete or drop parts).
    public func seedSample(stage: String, region: String, arguments: [String] = []) throws {
        try Subprocess.python(Repository.url("scripts/seed-moto.py").path,
                              ["--endpoint", url, "--region", region, "--stage", stage,
                               "--project", Repository.listbackup.path, "--quiet"] + arguments)
    }

    /// An AWS config and credentials pair in `folder` with one profile per `(name, server)`,
    /// its `endpoint_url` pointing at that server: how a stage picks its account in tests.
    public static func writeProfiles(_ profiles: [(name: String, server: MotoServer)], region: String,
                                     in folder: TemporaryFolder) throws -> [String: String] {
        var config = "", credentials = ""
        for (name, server) in profiles {
            config += "[profile \(name)]\nregion = \(region)\nendpoint_url = \(server.url)\n\n"
            credentials += "[\(name)]\naws_access_key_id = AKIA\(server.accountID)0000\naws_secret_access_key = secret-\(name)\n\n"
        }
        try folder.write("aws/config", config)
        try folder.write("aws/credentials", credentials)
        return ["AWS_CONFIG_FILE": folder.path("aws/config"), "AWS_SHARED_CREDENTIALS_FILE": folder.path("aws/credentials"),
                "HOME": folder.path, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
    }

    private func waitUntilAnswering() throws {
        for _ in 0..<100 {
            if Self.request(url + "/moto-api/", method: "GET") { return }
            guard process.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        stop()
        throw NotAnswering(url: url)
    }

    public struct NotAnswering: Error, CustomStringConvertible {
        public var url: String
        public var description: String { "moto_server at \(url) did not answer within 10 s (is moto[server] installed?)" }
    }

    /// One HTTP request through python3 (already needed for moto), so the test helpers do
    /// not pull in FoundationNetworking.
    private static func request(_ address: String, method: String) -> Bool {
        let script = "import urllib.request as u; u.urlopen(u.Request('\(address)', method='\(method)', data=b'' if '\(method)' == 'POST' else None), timeout=2)"
        return (try? Subprocess.run(["python3", "-c", script]))?.succeeded ?? false
    }

    private static func freePort() throws -> Int {
        let output = try Subprocess.run(["python3", "-c",
            "import socket; s=socket.socket(); s.bind(('127.0.0.1',0)); print(s.getsockname()[1])"])
        guard let port = Int(output.text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw Subprocess.Failed(command: "python3 (free port)", output: output.text)
        }
        return port
    }
}
