import Foundation
import TestSupport
import Testing
@testable import AWSKit

/// The credential chain from fixture files, scripts and environments (no network: STS is in MotoProbeTests).
struct CredentialTests {
    /// Resolves credentials for `settings` with a transport that is never used for these sources.
    func resolve(_ settings: AWSSettings, resolver: CredentialResolver = CredentialResolver())
        async throws(AWSError) -> (AWSCredentials, CredentialSource) {
        let configuration = try AWSConfiguration.resolve(settings)
        let transport = AWSTransport(settings: settings)
        defer { Task { await transport.shutdown() } }
        let resolved = try await resolver.resolve(.init(configuration: configuration, settings: settings,
                                                        transport: transport, counter: CallCounter()))
        return (resolved.credentials, resolved.source)
    }

    func settings(_ home: TemporaryFolder, profile: String? = nil, env: [String: String] = [:]) -> AWSSettings {
        var environment = ["PATH": Fixtures.basePath]
        environment.merge(env) { _, new in new }
        return AWSSettings(profile: profile, region: "us-east-1", endpointURL: "http://127.0.0.1:9",
                           environment: environment, home: home.path,
                           timeouts: .init(connect: 1, request: 1, process: 2), loopbackOnly: true)
    }

    func processLine(_ home: TemporaryFolder, mode: String, extra: String = "") -> String {
        "python3 \(Fixtures.path("credential_process.py")) \(home.path)/runs \(mode)\(extra)"
    }

    @Test("environment keys with a session token win over AWS_PROFILE, but not over --profile")
    func environmentKeys() async throws {
        let home = try TemporaryFolder.awsHome()
        defer { home.remove() }
        try home.write(".aws/credentials", "[dev]\naws_access_key_id = AKIDFILE\naws_secret_access_key = file-secret\n")
        let env = ["AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "env-secret",
                   "AWS_SESSION_TOKEN": "env-token", "AWS_PROFILE": "dev"]
        let (keys, source) = try await resolve(settings(home, env: env))
        #expect(keys == AWSCredentials(accessKeyID: "AKIDENV", secretAccessKey: "env-secret", sessionToken: "env-token"))
        #expect(source.kind == .environment)
        let (fileKeys, fileSource) = try await resolve(settings(home, profile: "dev", env: env))
        #expect(fileKeys.accessKeyID == "AKIDFILE" && fileKeys.sessionToken == nil)
        #expect(fileSource == CredentialSource(kind: .sharedCredentialsFile, profile: "dev",
                                               detail: home.path + "/.aws/credentials"))
    }

    @Test("half a key pair is an error naming the missing variable or setting")
    func partialKeys() async throws {
        let home = try TemporaryFolder.awsHome()
        defer { home.remove() }
        await #expect(throws: AWSError.incompleteKeys(setting: "AWS_ACCESS_KEY_ID", missing: "AWS_SECRET_ACCESS_KEY",
                                                      place: "the environment")) {
            try await resolve(settings(home, env: ["AWS_ACCESS_KEY_ID": "AKID"]))
        }
        try home.write(".aws/config", "[profile half]\naws_secret_access_key = s\n")
        do {
            _ = try await resolve(settings(home, profile: "half"))
            Issue.record("half a key pair resolved")
        } catch {
            #expect(error.description.contains("aws_access_key_id"))
            #expect(error.description.contains("profile 'half'"))
        }
    }

    @Test("keys in the credentials file win over keys in the config file; none at all says what to set")
    func fileKeys() async throws {
        let home = try TemporaryFolder.awsHome()
        defer { home.remove() }
        try home.write(".aws/config", "[default]\naws_access_key_id = AKIDCONFIG\naws_secret_access_key = c\n"
            + "[profile onlyconfig]\naws_access_key_id = AKIDONLY\naws_secret_access_key = o\n[profile empty]\nregion = x\n")
        try home.write(".aws/credentials", "[default]\naws_access_key_id = AKIDCREDS\naws_secret_access_key = k\n")
        #expect(try await resolve(settings(home)).0.accessKeyID == "AKIDCREDS")
        let (keys, source) = try await resolve(settings(home, profile: "onlyconfig"))
        #expect(keys.accessKeyID == "AKIDONLY" && source.kind == .configFile)
        do {
            _ = try await resolve(settings(home, profile: "empty"))
            Issue.record("a profile without keys resolved")
        } catch {
            guard case .noCredentials(let report) = error else { Issue.record("\(error)"); return }
            #expect(report.profile == "empty" && report.chosenBy == "--profile")
            #expect(error.description.contains("AWS_ACCESS_KEY_ID"))
        }
        let bare = try TemporaryFolder.awsHome()
        defer { bare.remove() }
        do {
            _ = try await resolve(settings(bare))
            Issue.record("no keys resolved")
        } catch {
            guard case .noCredentials(let report) = error else { Issue.record("\(error)"); return }
            #expect(report.profile == "default" && report.chosenBy == nil)
        }
    }

    @Test("credential_process runs without a shell and is cached until its Expiration")
    func credentialProcessCached() async throws {
        let home = try TemporaryFolder.awsHome()
        defer { home.remove() }
        try home.write(".aws/config", "[profile proc]\ncredential_process = \(processLine(home, mode: "ok-hour"))\n"
            + "[profile soon]\ncredential_process = \(processLine(home, mode: "ok-soon"))\n")
        let resolver = CredentialResolver()
        let (keys, source) = try await resolve(settings(home, profile: "proc"), resolver: resolver)
        #expect(keys.accessKeyID == "AKIDPROCESS" && keys.sessionToken == "process-token")
        #expect(keys.expiration != nil)
        #expect(source.kind == .credentialProcess && source.profile == "proc")
        _ = try await resolve(settings(home, profile: "proc"), resolver: resolver)
        #expect(home.read("runs").split(separator: "\n").count == 1, "an unexpired result must be reused")
        _ = try await resolve(settings(home, profile: "soon"), resolver: resolver)
        _ = try await resolve(settings(home, profile: "soon"), resolver: resolver)
        #expect(home.read("runs").split(separator: "\n").count == 3, "keys expiring within the margin are fetched again")
    }

    @Test("credential_process arguments are split like the CLI: quotes kept together, no shell")
    func credentialProcessArguments() async throws {
        let home = try TemporaryFolder.awsHome()
        defer { home.remove() }
        try home.write(".aws/config", "[default]\ncredential_process = \(processLine(home, mode: "echo", extra: " 'AKID WITH;$(x)'"))\n")
        #expect(try await resolve(settings(home)).0.accessKeyID == "AKID WITH;$(x)")
    }

    @Test("a failing or babbling credential_process is an error naming the profile and the reason")
    func credentialProcessFailures() async throws {
        let home = try TemporaryFolder.awsHome()
        defer { home.remove() }
        try home.write(".aws/config", "[profile fail]\ncredential_process = \(processLine(home, mode: "fail"))\n"
            + "[profile bad]\ncredential_process = \(processLine(home, mode: "badjson"))\n"
            + "[profile gone]\ncredential_process = /nonexistent/tool --x\n"
            + "[profile stuck]\ncredential_process = \(processLine(home, mode: "hang"))\n")
        for (profile, expected) in [("fail", "exited with status 3: token for profile expired"),
                                    ("stuck", "did not finish within 2 s"),
                                    ("bad", "did not print a JSON object"),
                                    ("gone", "not an executable file")] {
            do {
                _ = try await resolve(settings(home, profile: profile))
                Issue.record("profile \(profile) resolved")
            } catch {
                #expect(error.description.contains("'\(profile)'"), "\(error)")
                #expect(error.description.contains(expected), "\(error)")
                #expect(error.kind == .configuration)
            }
        }
    }

    @Test("an SSO profile without an aws CLI on PATH tells the user what to run")
    func ssoWithoutCLI() async throws {
        let home = try TemporaryFolder.awsHome()
        defer { home.remove() }
        try home.write(".aws/config", "[profile sso]\nsso_session = corp\nsso_account_id = 1\n")
        do {
            _ = try await resolve(settings(home, profile: "sso", env: ["PATH": home.path + "/nothing"]))
            Issue.record("an SSO profile resolved with no aws CLI")
        } catch {
            #expect(error.description.contains("aws sso login --profile sso"), "\(error)")
            #expect(error.description.contains("no 'aws' is on PATH"), "\(error)")
        }
    }

    @Test("an SSO profile is read through `aws configure export-credentials` when the CLI has it")
    func ssoThroughCLI() async throws {
        let home = try TemporaryFolder.awsHome()
        defer { home.remove() }
        try home.write(".aws/config", "[profile sso]\nsso_start_url = https://corp.awsapps.com/start\n"
            + "[profile old]\nsso_start_url = https://corp.awsapps.com/start\n")
        try home.makeExecutable("bin/aws", """
            #!/bin/sh
            echo "$@" >> "\(home.path)/aws-args"
            if [ "$4" = "old" ]; then echo "usage: aws [options] <command>" >&2; echo "aws: error: argument operation: Invalid choice" >&2; exit 2; fi
            echo '{"Version": 1, "AccessKeyId": "AKIDSSO", "SecretAccessKey": "sso-secret", "SessionToken": "t", "Expiration": "2099-01-01T00:00:00Z"}'
            """)
        let path = home.path + "/bin:" + Fixtures.basePath
        let (keys, source) = try await resolve(settings(home, profile: "sso", env: ["PATH": path]))
        #expect(keys.accessKeyID == "AKIDSSO" && source.kind == .exportCredentials)
        #expect(home.read("aws-args") == "configure export-credentials --profile sso --format process\n")
        do {
            _ = try await resolve(settings(home, profile: "old", env: ["PATH": path]))
            Issue.record("an aws without export-credentials worked")
        } catch {
            #expect(error.description.contains("has no 'configure export-credentials'"), "\(error)")
        }
    }

    @Test("roles without a usable source, loops and instance metadata are refused with a reason")
    func roleMisconfigurations() async throws {
        let home = try TemporaryFolder.awsHome()
        defer { home.remove() }
        try home.write(".aws/config", """
            [profile nosource]
            role_arn = arn:aws:iam::123456789012:role/r
            [profile imds]
            role_arn = arn:aws:iam::123456789012:role/r
            credential_source = Ec2InstanceMetadata
            [profile loop1]
            role_arn = arn:aws:iam::123456789012:role/r
            source_profile = loop2
            [profile loop2]
            role_arn = arn:aws:iam::123456789012:role/r
            source_profile = loop1
            [profile dangling]
            role_arn = arn:aws:iam::123456789012:role/r
            source_profile = nowhere
            """)
        let expectations = [("nosource", "needs source_profile or credential_source"),
                            ("imds", "never asks instance metadata"),
                            ("loop1", "goes round in a loop"),
                            ("dangling", "'nowhere' is defined in neither file")]
        for (profile, expected) in expectations {
            do {
                _ = try await resolve(settings(home, profile: profile))
                Issue.record("profile \(profile) resolved")
            } catch {
                #expect(error.description.contains(expected), "\(profile): \(error)")
            }
        }
    }
}
