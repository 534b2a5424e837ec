import Foundation
import TestSupport
import Testing
@testable import AWSKit

/// Issue 9, points 3, 7, 8, 12, 14, 17: where the files are, which profile wins, and what
/// the messages say — the AWS CLI v2's rules (CONTRACT §6–§7).
extension CredentialTests {
    @Test("$HOME is where ~/.aws is read from, not the passwd home (CI containers, sudo -E)")
    func homeFromEnvironment() async throws {
        let home = try TemporaryFolder.awsHome()
        defer { home.remove() }
        try home.write(".aws/credentials", "[default]\naws_access_key_id = AKIDHOME\naws_secret_access_key = s\n")
        let settings = AWSSettings(region: "us-east-1", endpointURL: "http://127.0.0.1:9",
                                   environment: ["HOME": home.path, "PATH": Fixtures.basePath], loopbackOnly: true)
        #expect(settings.home == home.path)
        #expect(try await resolve(settings).0.accessKeyID == "AKIDHOME")
    }

    @Test("AWS_DEFAULT_PROFILE chooses the profile when AWS_PROFILE is unset; AWS_PROFILE wins over it")
    func defaultProfileVariable() async throws {
        let home = try TemporaryFolder.awsHome()
        defer { home.remove() }
        try home.write(".aws/credentials", "[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = s\n"
            + "[ci]\naws_access_key_id = AKIDCI\naws_secret_access_key = s\n"
            + "[other]\naws_access_key_id = AKIDOTHER\naws_secret_access_key = s\n")
        #expect(try await resolve(settings(home, env: ["AWS_DEFAULT_PROFILE": "ci"])).0.accessKeyID == "AKIDCI")
        #expect(try await resolve(settings(home, env: ["AWS_DEFAULT_PROFILE": "ci", "AWS_PROFILE": "other"])).0.accessKeyID
            == "AKIDOTHER")
        do {
            _ = try await resolve(settings(home, env: ["AWS_DEFAULT_PROFILE": "nowhere"]))
            Issue.record("an undefined AWS_DEFAULT_PROFILE resolved")
        } catch {
            #expect(error.description.contains("chosen by AWS_DEFAULT_PROFILE"), "\(error)")
        }
    }

    @Test("the config file's profile is a default: env keys and AWS_PROFILE win, and messages name it")
    func configProfileIsADefault() async throws {
        let home = try TemporaryFolder.awsHome()
        defer { home.remove() }
        try home.write(".aws/credentials", "[listbackup]\naws_access_key_id = AKIDCONFIGPROFILE\naws_secret_access_key = s\n"
            + "[other]\naws_access_key_id = AKIDOTHER\naws_secret_access_key = s\n")
        try home.write(".aws/config", "[profile empty]\nregion = us-east-1\n")
        func withDefault(_ profile: String, env: [String: String] = [:]) -> AWSSettings {
            var settings = settings(home, env: env)
            settings.defaultProfile = profile
            settings.defaultProfileSource = "profile: of /repo/.plantrack.yml"
            return settings
        }
        #expect(try await resolve(withDefault("listbackup")).0.accessKeyID == "AKIDCONFIGPROFILE")
        let oidc = ["AWS_ACCESS_KEY_ID": "AKIDOIDC", "AWS_SECRET_ACCESS_KEY": "s", "AWS_SESSION_TOKEN": "t"]
        #expect(try await resolve(withDefault("listbackup", env: oidc)).0.accessKeyID == "AKIDOIDC",
                "environment keys win over the config's profile (CI with OIDC)")
        #expect(try await resolve(withDefault("listbackup", env: ["AWS_PROFILE": "other"])).0.accessKeyID == "AKIDOTHER")
        do {
            _ = try await resolve(withDefault("empty"))
            Issue.record("a profile without keys resolved")
        } catch {
            #expect(error.description.contains("chosen by profile: of /repo/.plantrack.yml"), "\(error)")
            #expect(!error.description.contains("chosen by --profile"), "the message must not blame --profile: \(error)")
        }
    }

    @Test("the no-credentials message lists what was tried and says instance metadata is never asked")
    func noCredentialsListsTried() async throws {
        let home = try TemporaryFolder.awsHome()
        defer { home.remove() }
        do {
            _ = try await resolve(settings(home))
            Issue.record("no keys resolved")
        } catch {
            let text = error.description
            for source in ["AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY in the environment", "AWS_WEB_IDENTITY_TOKEN_FILE",
                           "credential_process of profile 'default'", "keys of profile 'default' in the credentials file",
                           "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "instance metadata is deliberately never asked"] {
                #expect(text.contains(source), "\(source) missing from: \(text)")
            }
        }
    }

    @Test("a credential_process whose keys already expired is refused, as botocore refuses them")
    func expiredProcessKeys() async throws {
        let home = try TemporaryFolder.awsHome()
        defer { home.remove() }
        try home.write(".aws/config", "[default]\ncredential_process = \(processLine(home, mode: "expired"))\n")
        do {
            let (keys, _) = try await resolve(settings(home))
            Issue.record("expired keys were used: \(keys)")
        } catch {
            #expect(error.description.contains("expired at"), "\(error)")
            #expect(error.description.contains("profile 'default'"), "\(error)")
        }
    }

    @Test("config lines may use ':' as botocore's parser allows")
    func colonLines() async throws {
        let home = try TemporaryFolder.awsHome()
        defer { home.remove() }
        try home.write(".aws/credentials", "[default]\naws_access_key_id: AKIDCOLON\naws_secret_access_key : s=1\n")
        let (keys, _) = try await resolve(settings(home))
        #expect(keys.accessKeyID == "AKIDCOLON" && keys.secretAccessKey == "s=1")
    }
}

extension ConfigurationTests {
    @Test("ignore_configured_endpoint_urls in the profile ignores the configured endpoints; the variable wins over it")
    func ignoreConfiguredInProfile() throws {
        let home = try TemporaryFolder.awsHome()
        defer { home.remove() }
        try home.write(".aws/config", "[default]\nregion = eu-west-1\nendpoint_url = http://127.0.0.1:4000\n"
            + "ignore_configured_endpoint_urls = true\n")
        #expect(try resolve(home).endpoint(.ssm).url == "https://ssm.eu-west-1.amazonaws.com/")
        let kept = try resolve(home, environment: ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "false"])
        #expect(kept.endpoint(.ssm).url == "http://127.0.0.1:4000/")
    }
}
