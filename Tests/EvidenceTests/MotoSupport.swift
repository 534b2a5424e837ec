import AWSKit
import Foundation
import Testing
@testable import Evidence

/// The moto_server that scripts/with-moto.sh started for this test run, and the
/// seeding script that deploys the sample project's stacks into it.
enum Moto {
    /// Fails the calling test (never skips it) when the tests run outside with-moto.sh.
    static func endpoint() throws -> String {
        let value = ProcessInfo.processInfo.environment["PLANTRACK_TEST_MOTO"]
        let endpoint = try #require(value, "PLANTRACK_TEST_MOTO is not set: run the tests through scripts/with-moto.sh (make test), which starts moto_server on loopback")
        let host = URL(string: endpoint)?.host
        try #require(host == "127.0.0.1" || host == "localhost", "PLANTRACK_TEST_MOTO must be a loopback URL, not \(endpoint)")
        return endpoint
    }

    /// Runs scripts/seed-moto.py for the sample project; throws with its output when it fails.
    static func seed(stage: String, region: String, arguments: [String] = []) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", RepoPaths.root.appendingPathComponent("scripts/seed-moto.py").path,
                             "--endpoint", try endpoint(), "--region", region, "--stage", stage,
                             "--project", RepoPaths.listbackup.path, "--quiet"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "seed-moto.py failed: \(text)")
    }
}

/// The three ways the issue asks credentials to come: keys in the environment,
/// a `credential_process`, and a role assumed from a source profile. Each lives
/// in its own scratch folder so no test reads the machine's ~/.aws.
enum CredentialMode: String, CaseIterable, Sendable {
    case environmentKeys
    case credentialProcess
    case assumedRole

    func settings(endpoint: String, folder: URL) throws -> AWSSettings {
        let config = folder.appendingPathComponent("config")
        let credentials = folder.appendingPathComponent("credentials")
        var environment = ["AWS_CONFIG_FILE": config.path, "AWS_SHARED_CREDENTIALS_FILE": credentials.path,
                           "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        var profile: String?
        switch self {
        case .environmentKeys:
            environment["AWS_ACCESS_KEY_ID"] = "AKIAENVKEYS000000000"
            environment["AWS_SECRET_ACCESS_KEY"] = "env-secret"
            try write("", to: config)
        case .credentialProcess:
            let script = folder.appendingPathComponent("creds.sh")
            try write("""
                #!/bin/sh
                echo '{"Version": 1, "AccessKeyId": "AKIAPROCESS000000000", "SecretAccessKey": "process-secret"}'
                """, to: script)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
            try write("[profile viaprocess]\ncredential_process = \(script.path)\n", to: config)
            profile = "viaprocess"
        case .assumedRole:
            try write("[source]\naws_access_key_id = AKIASOURCE0000000000\naws_secret_access_key = source-secret\n",
                      to: credentials)
            try write("""
                [profile deployer]
                role_arn = arn:aws:iam::123456789012:role/plantrack-reader
                source_profile = source
                """, to: config)
            profile = "deployer"
        }
        return AWSSettings(profile: profile, endpointURL: endpoint, environment: environment, home: folder.path,
                           loopbackOnly: true)
    }
}
