import Foundation
import TestSupport
import Testing
@testable import AWSKit

/// Profiles, regions and endpoints resolved from fixture files the way the AWS CLI v2 does.
struct ConfigurationTests {
    static let config = """
        # a comment
        [default]
        region = eu-west-1
        endpoint_url = http://127.0.0.1:4000

        [profile dev]
        region = us-west-2
        services = local-dev
        s3 =
          max_concurrent_requests = 5

        [profile noregion]
        output = json

        [dev-without-prefix]
        region = ap-south-1

        [services local-dev]
        ssm =
          endpoint_url = http://127.0.0.1:4100
        """

    static let credentials = """
        [default]
        aws_access_key_id = AKIDDEFAULT
        aws_secret_access_key = default-secret

        [dev]
        aws_access_key_id = AKIDDEV
        aws_secret_access_key = dev-secret
        region = us-east-2

        [profile ignored]
        aws_access_key_id = AKIDLITERAL
        aws_secret_access_key = literal-secret
        """

    func home() throws -> TemporaryFolder {
        let home = try TemporaryFolder.awsHome()
        try home.write(".aws/config", Self.config)
        try home.write(".aws/credentials", Self.credentials)
        return home
    }

    func resolve(_ home: TemporaryFolder, profile: String? = nil, region: String? = nil, endpoint: String? = nil,
                 environment: [String: String] = [:]) throws(AWSError) -> AWSConfiguration {
        try AWSConfiguration.resolve(AWSSettings(profile: profile, region: region, endpointURL: endpoint,
                                                 environment: environment, home: home.path))
    }

    @Test("INI: sections, comments, CRLF, nested keys; errors name the file and line")
    func iniParsing() throws {
        let file = try INIFile.parse("[a]\r\nk = v = w\r\n; c\r\nnest =\r\n  sub = 1\r\n", path: "/x")
        #expect(file.sections["a"]?["k"] == "v = w")
        #expect(file.sections["a"]?["nest.sub"] == "1")
        #expect(throws: AWSError.unreadableFile(path: "/x", line: 2, reason: "a line that is neither 'key = value' nor a [section]")) {
            try INIFile.parse("[a]\njunk\n", path: "/x")
        }
        #expect(throws: AWSError.unreadableFile(path: "/x", line: 1, reason: "a setting before any [section] header")) {
            try INIFile.parse("k = v\n", path: "/x")
        }
    }

    @Test("[profile x] in config, [x] in credentials; the credentials file wins; [x] in config is no profile")
    func profileSections() throws {
        let home = try home()
        defer { home.remove() }
        let profiles = try AWSProfiles.load(environment: [:], home: home.path)
        #expect(profiles.value("region", profile: "dev") == "us-east-2")
        #expect(profiles.config["dev"]?["region"] == "us-west-2")
        #expect(profiles.config["dev-without-prefix"] == nil)
        #expect(profiles.credentials["profile ignored"] != nil)
        #expect(!profiles.exists("ignored"))
    }

    @Test("profile: --profile, then AWS_PROFILE, then default; an unknown one is an error naming it and both files")
    func profileChoice() throws {
        let home = try home()
        defer { home.remove() }
        #expect(try resolve(home).profile == "default")
        #expect(try resolve(home, environment: ["AWS_PROFILE": "dev"]).profile == "dev")
        let chosen = try resolve(home, profile: "noregion", region: "us-east-1", environment: ["AWS_PROFILE": "dev"])
        #expect(chosen.profile == "noregion" && chosen.profileFromOption)
        do {
            _ = try resolve(home, environment: ["AWS_PROFILE": "nosuch"])
            Issue.record("an unknown profile resolved")
        } catch {
            #expect(error.description.contains("'nosuch'"))
            #expect(error.description.contains(home.path + "/.aws/config"))
            #expect(error.description.contains(home.path + "/.aws/credentials"))
        }
    }

    @Test("region: option, AWS_REGION, AWS_DEFAULT_REGION, then the profile; none is an error naming the variables")
    func regionChain() throws {
        let home = try home()
        defer { home.remove() }
        let env = ["AWS_REGION": "ca-central-1", "AWS_DEFAULT_REGION": "sa-east-1", "AWS_PROFILE": "dev"]
        #expect(try resolve(home, region: "eu-north-1", environment: env).region == "eu-north-1")
        #expect(try resolve(home, environment: env).region == "ca-central-1")
        #expect(try resolve(home, environment: env.filter { $0.key != "AWS_REGION" }).region == "sa-east-1")
        let fromProfile = try resolve(home, environment: ["AWS_PROFILE": "dev"])
        #expect(fromProfile.region == "us-east-2" && fromProfile.regionSource == "profile dev")
        #expect(throws: AWSError.noRegion(profile: "noregion")) {
            try resolve(home, profile: "noregion")
        }
    }

    @Test("endpoints: option, AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL, [services], profile endpoint_url, default")
    func endpointChain() throws {
        let home = try home()
        defer { home.remove() }
        let option = try resolve(home, endpoint: "http://127.0.0.1:9999",
                                 environment: ["AWS_ENDPOINT_URL_SSM": "http://127.0.0.1:1"])
        #expect(AWSService.allCases.allSatisfy { option.endpoint($0).url == "http://127.0.0.1:9999/" })
        let env = try resolve(home, environment: ["AWS_ENDPOINT_URL_CLOUDFORMATION": "http://127.0.0.1:5001",
                                                  "AWS_ENDPOINT_URL_STS": "http://127.0.0.1:5003",
                                                  "AWS_ENDPOINT_URL": "http://localhost:5000"])
        #expect(env.endpoint(.cloudFormation).url == "http://127.0.0.1:5001/")
        #expect(env.endpoint(.cloudFormation).source == "AWS_ENDPOINT_URL_CLOUDFORMATION")
        #expect(env.endpoint(.sts).url == "http://127.0.0.1:5003/")
        #expect(env.endpoint(.ssm).url == "http://localhost:5000/")
        let profileDefault = try resolve(home)
        #expect(profileDefault.endpoint(.ssm).url == "http://127.0.0.1:4000/")
        let services = try resolve(home, profile: "dev")
        #expect(services.endpoint(.ssm).url == "http://127.0.0.1:4100/")
        #expect(services.endpoint(.cloudFormation).url == "https://cloudformation.us-east-2.amazonaws.com/")
        let ignored = try resolve(home, environment: ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true",
                                                      "AWS_ENDPOINT_URL": "http://127.0.0.1:1"])
        #expect(ignored.endpoint(.sts).url == "https://sts.eu-west-1.amazonaws.com/")
        #expect(throws: AWSError.invalidEndpoint(setting: "AWS_ENDPOINT_URL", value: "ftp://x")) {
            try resolve(home, environment: ["AWS_ENDPOINT_URL": "ftp://x"])
        }
    }

    @Test("AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE replace the files, with ~ expanded")
    func fileOverrides() throws {
        let home = try TemporaryFolder.awsHome()
        defer { home.remove() }
        try home.write("elsewhere/cfg", "[profile alt]\nregion = me-south-1\n")
        try home.write("elsewhere/creds", "[alt]\naws_access_key_id = AKIDALT\naws_secret_access_key = s\n")
        let env = ["AWS_CONFIG_FILE": "~/elsewhere/cfg", "AWS_SHARED_CREDENTIALS_FILE": home.path + "/elsewhere/creds",
                   "AWS_PROFILE": "alt"]
        let configuration = try resolve(home, environment: env)
        #expect(configuration.region == "me-south-1")
        #expect(configuration.profiles.credentials["alt"]?["aws_access_key_id"] == "AKIDALT")
    }

    @Test("loopbackOnly refuses a real AWS endpoint before any request")
    func loopbackOnly() throws {
        let home = try TemporaryFolder.awsHome()
        defer { home.remove() }
        var settings = AWSSettings(region: "us-east-1", environment: [:], home: home.path, loopbackOnly: true)
        #expect(throws: AWSError.endpointNotLoopback(service: "cloudformation",
                                                     url: "https://cloudformation.us-east-1.amazonaws.com/")) {
            try AWSConfiguration.resolve(settings)
        }
        settings.endpointURL = "http://[::1]:4566"
        #expect(try AWSConfiguration.resolve(settings).endpoint(.ssm).isLoopback)
        settings.endpointURL = "http://169.254.169.254/"
        #expect(throws: AWSError.self) { try AWSConfiguration.resolve(settings) }
    }

    @Test("command lines split like the CLI's shlex, with no shell")
    func splitting() throws {
        #expect(try CommandLineSplitter.split("/bin/tool --profile 'my prof' \"a \\\"b\\\"\" c\\ d") ==
            ["/bin/tool", "--profile", "my prof", "a \"b\"", "c d"])
        #expect(try CommandLineSplitter.split("  x;y  $(z) | w ") == ["x;y", "$(z)", "|", "w"])
        #expect(try CommandLineSplitter.split("a''b \"\"") == ["ab", ""])
        #expect(throws: CommandLineSplitter.SplitError.unclosedQuote) { try CommandLineSplitter.split("a 'b") }
    }

    @Test("wildcards: * matches any run, slashes included")
    func wildcards() {
        let pattern = Wildcard(pattern: "/app/*/id")
        #expect(pattern.matches("/app/x/id"))
        #expect(pattern.matches("/app/x/y/id"))
        #expect(!pattern.matches("/app/id"))
        #expect(Wildcard(pattern: "svc-*-dev").matches("svc-a-b-dev"))
        #expect(!Wildcard(pattern: "svc-*-dev").matches("svc-a-prod"))
        #expect(Wildcard(pattern: "*").matches(""))
        #expect(Wildcard(pattern: "a*b*c").literalPrefix == "a")
        #expect(ParameterProbe.minimalPrefixes(["/a/b", "/a", "/c/", "/a/c"]) == ["/a", "/c/"])
    }
}
