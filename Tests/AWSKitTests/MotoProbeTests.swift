import Foundation
import TestSupport
import Testing
@testable import AWSKit

/// The probe against a real peer: moto_server on loopback (scripts/with-moto.sh),
/// seeded by Fixtures/seed_moto.py with 110 stacks and 64 parameters.
struct MotoProbeTests {
    func probe(home: TemporaryFolder, profile: String? = nil, environment: [String: String] = [:]) throws -> AWSProbe {
        AWSProbe(settings: Moto.settings(endpoint: try Moto.endpoint(), home: home.path,
                                         environment: environment, profile: profile))
    }

    @Test("many exact names and a pattern: one ListStacks answers them all, deleted stacks count as missing")
    func stacksThroughListStacks() async throws {
        let prefix = try await Moto.seeded()
        let home = try TemporaryFolder.awsHome()
        defer { home.remove() }
        let probe = try probe(home: home)
        let names = (0..<110).map { String(format: "\(prefix)-s%03d", $0) } + ["\(prefix)-never", "\(prefix)-s01*"]
        let result = await probe.run(ProbeRequest(stackNames: names, parameterNames: []))
        await probe.shutdown()
        #expect(result.failures.isEmpty, "\(result.failures)")
        #expect(result.apiCalls == 1)
        let byName = Dictionary(uniqueKeysWithValues: result.stacks.map { ($0.name, $0) })
        #expect(byName.count == 112)
        #expect(byName["\(prefix)-s000"]?.status == "CREATE_COMPLETE")
        #expect(byName["\(prefix)-s000"]?.deployed == true)
        #expect(byName["\(prefix)-s011"]?.status == "UPDATE_COMPLETE")
        #expect(byName["\(prefix)-s020"]?.status == "DELETE_COMPLETE")
        #expect(byName["\(prefix)-s020"]?.exists == false)
        #expect(byName["\(prefix)-s022"]?.status == "CREATE_COMPLETE", "re-created after deletion: the live one wins")
        #expect(byName["\(prefix)-never"]?.exists == false)
        #expect(byName["\(prefix)-s000"]?.lastUpdated != nil)
        let pattern = try #require(byName["\(prefix)-s01*"])
        #expect(pattern.matches.count == 10 && pattern.exists)
        #expect(result.stacks.filter(\.exists).count == 110 - 2 + 1, "108 live exact names and the pattern")
    }

    @Test("a few names: DescribeStacks each; a deleted or unknown name is missing, not an error")
    func stacksThroughDescribe() async throws {
        let prefix = try await Moto.seeded()
        let home = try TemporaryFolder.awsHome()
        defer { home.remove() }
        let probe = try probe(home: home)
        let result = await probe.run(ProbeRequest(
            stackNames: ["\(prefix)-s001", "\(prefix)-s021", "\(prefix)-none"], parameterNames: []))
        await probe.shutdown()
        #expect(result.failures.isEmpty, "\(result.failures)")
        #expect(result.apiCalls == 3)
        #expect(result.stacks.map(\.exists) == [true, false, false])
        #expect(result.stacks[0].status == "CREATE_COMPLETE")
    }

    @Test("exact parameters in batches of 10, patterns through DescribeParameters, values never kept")
    func parameters() async throws {
        let prefix = try await Moto.seeded()
        let home = try TemporaryFolder.awsHome()
        defer { home.remove() }
        let probe = try probe(home: home)
        let exact = (0..<60).map { String(format: "/\(prefix)/app/p%02d", $0) }
            + ["/\(prefix)/app/missing", "/\(prefix)/secret"]
        let patterns = ["/\(prefix)/app/deep/*", "/\(prefix)/stack/*/id", "/\(prefix)/nothing/*"]
        let result = await probe.run(ProbeRequest(stackNames: [], parameterNames: exact + patterns))
        await probe.shutdown()
        #expect(result.failures.isEmpty, "\(result.failures)")
        let byName = Dictionary(uniqueKeysWithValues: result.parameters.map { ($0.name, $0) })
        #expect(byName.count == 65)
        #expect(byName["/\(prefix)/app/p00"]?.version == 2)
        #expect(byName["/\(prefix)/app/p59"]?.type == "String")
        #expect(byName["/\(prefix)/app/p59"]?.lastModified != nil)
        #expect(byName["/\(prefix)/app/missing"]?.exists == false)
        #expect(byName["/\(prefix)/secret"]?.type == "SecureString")
        #expect(byName["/\(prefix)/app/deep/*"]?.matches.count == 3)
        #expect(byName["/\(prefix)/stack/*/id"]?.matches.count == 3, "published by the stacks' AWS::SSM::Parameter")
        #expect(byName["/\(prefix)/nothing/*"]?.exists == false)
        // 62 exact names: 7 GetParameters calls; 3 prefixes listed by DescribeParameters.
        #expect(result.apiCalls >= 10 && result.apiCalls <= 14, "\(result.apiCalls) calls")
        #expect(!"\(result)".contains("TOPSECRET"))
        #expect(!"\(result)".contains("value-"))
    }

    @Test("GetParametersByPath pages through moto, recursive or not")
    func byPath() async throws {
        let prefix = try await Moto.seeded()
        let settings = Moto.settings(endpoint: try Moto.endpoint(), home: "/nonexistent")
        let transport = AWSTransport(settings: settings)
        let counter = CallCounter()
        let client = try SSMClient.forTest(settings: settings, transport: transport, counter: counter)
        let flat = try await client.getParametersByPath("/\(prefix)/app", recursive: false)
        let deep = try await client.getParametersByPath("/\(prefix)/app", recursive: true)
        await transport.shutdown()
        #expect(flat.count == 60)
        #expect(deep.count == 63)
        #expect(await counter.count >= 13, "pages of at most 10")
    }

    @Test("a role profile assumes the role through moto's STS once, then reuses the keys")
    func assumedRole() async throws {
        let prefix = try await Moto.seeded()
        let home = try TemporaryFolder.awsHome()
        defer { home.remove() }
        try home.write(".aws/credentials", "[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = base-secret\n")
        try home.write(".aws/config", """
            [profile deployer]
            role_arn = arn:aws:iam::123456789012:role/plantrack-reader
            source_profile = base
            role_session_name = plantrack-test
            region = us-east-1
            """)
        let probe = AWSProbe(settings: Moto.settings(endpoint: try Moto.endpoint(), home: home.path, profile: "deployer"),
                             resolver: CredentialResolver())
        let request = ProbeRequest(stackNames: ["\(prefix)-s005"], parameterNames: [])
        let first = await probe.run(request)
        let second = await probe.run(request)
        let fetches = await probe.credentialFetches
        await probe.shutdown()
        #expect(first.failures.isEmpty && second.failures.isEmpty, "\(first.failures) \(second.failures)")
        #expect(first.stacks.first?.exists == true)
        #expect(first.apiCalls == 2, "AssumeRole + DescribeStacks")
        #expect(second.apiCalls == 1, "the assumed keys are cached")
        #expect(fetches == 1)
        // A new probe (as the CLI makes per region and per refresh) shares the process-wide cache.
        let settings = Moto.settings(endpoint: try Moto.endpoint(), home: home.path, profile: "deployer")
        async let one = AWSProbe(settings: settings).run(request)
        async let two = AWSProbe(settings: settings).run(request)
        let (a, b) = await (one, two)
        let three = await AWSProbe(settings: settings).run(request)
        #expect(a.failures.isEmpty && b.failures.isEmpty && three.failures.isEmpty)
        #expect(a.apiCalls + b.apiCalls + three.apiCalls == 4,
                "two probes at once and one after: 3 DescribeStacks and one AssumeRole between them")
        #expect(first.context?.credentialSource?.kind == .assumedRole)
        #expect(first.context?.credentialSource?.detail == "arn:aws:iam::123456789012:role/plantrack-reader")
    }

    @Test("a credential_process profile probes moto and reports where its keys came from")
    func credentialProcess() async throws {
        let prefix = try await Moto.seeded()
        let home = try TemporaryFolder.awsHome()
        defer { home.remove() }
        try home.write(".aws/config", "[profile proc]\nregion = us-east-1\ncredential_process = python3 "
            + "\(Fixtures.path("credential_process.py")) \(home.path)/runs ok-hour\n")
        let probe = try probe(home: home, profile: "proc")
        let result = await probe.run(ProbeRequest(stackNames: ["\(prefix)-s007"], parameterNames: ["/\(prefix)/app/p07"]))
        let context = await probe.describeContext()
        await probe.shutdown()
        #expect(result.failures.isEmpty, "\(result.failures)")
        #expect(result.stacks.first?.deployed == true && result.parameters.first?.exists == true)
        #expect(result.context?.credentialSource?.kind == .credentialProcess)
        #expect(result.context?.profile == "proc" && result.context?.region == "us-east-1")
        #expect(try context.get().endpoints["ssm"] == (try Moto.endpoint()) + "/")
        #expect(home.read("runs").split(separator: "\n").count == 1)
    }

    @Test("no credentials: one failure naming what to set, no request sent")
    func noCredentials() async throws {
        let home = try TemporaryFolder.awsHome()
        defer { home.remove() }
        let probe = AWSProbe(settings: AWSSettings(region: "us-east-1", endpointURL: try Moto.endpoint(),
                                                   environment: [:], home: home.path, loopbackOnly: true))
        let result = await probe.run(ProbeRequest(stackNames: ["x"], parameterNames: ["/x"]))
        await probe.shutdown()
        #expect(result.apiCalls == 0)
        #expect(result.failures.count == 1)
        #expect(result.failures.first?.code == "NoCredentials")
        #expect(result.failures.first?.kind == .configuration)
        #expect(result.failures.first?.message.contains("AWS_ACCESS_KEY_ID") == true)
        #expect(result.stacks.isEmpty && result.parameters.isEmpty)
    }
}
