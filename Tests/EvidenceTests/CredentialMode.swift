import AWSKit
import Foundation
import TestSupport

/// The three ways the issue asks credentials to come: keys in the environment,
/// a `credential_process`, and a role assumed from a source profile. Each lives
/// in its own scratch folder so no test reads the machine's ~/.aws.
enum CredentialMode: String, CaseIterable, Sendable {
    case environmentKeys
    case credentialProcess
    case assumedRole

    func settings(endpoint: String, folder: TemporaryFolder) throws -> AWSSettings {
        var environment = ["AWS_CONFIG_FILE": folder.path("config"),
                           "AWS_SHARED_CREDENTIALS_FILE": folder.path("credentials"),
                           "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        var profile: String?
        switch self {
        case .environmentKeys:
            environment["AWS_ACCESS_KEY_ID"] = "AKIAENVKEYS000000000"
            environment["AWS_SECRET_ACCESS_KEY"] = "env-secret"
            try folder.write("config", "")
        case .credentialProcess:
            let script = try folder.makeExecutable("creds.sh", """
                #!/bin/sh
                echo '{"Version": 1, "AccessKeyId": "AKIAPROCESS000000000", "SecretAccessKey": "process-secret"}'
                """)
            try folder.write("config", "[profile viaprocess]\ncredential_process = \(script.path)\n")
            profile = "viaprocess"
        case .assumedRole:
            try folder.write("credentials",
                             "[source]\naws_access_key_id = AKIASOURCE0000000000\naws_secret_access_key = source-secret\n")
            try folder.write("config", """
                [profile deployer]
                role_arn = arn:aws:iam::123456789012:role/plantrack-reader
                source_profile = source
                """)
            profile = "deployer"
        }
        return AWSSettings(profile: profile, endpointURL: endpoint, environment: environment, home: folder.path,
                           loopbackOnly: true)
    }
}
