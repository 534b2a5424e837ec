import Foundation
import PlanKit
import TestSupport
import Testing
@testable import Evidence

/// Each file discovery reads is read and parsed once per run, whatever the number of stages
/// resolved from it (issue 9: the probe's figures; issue 11: parse once, resolve per stage).
struct ReadOnceTests {
    /// Counts the reads of each path through the reader `ProjectSources` is given.
    final class CountingReader: @unchecked Sendable {
        private let lock = NSLock()
        private var counts: [String: Int] = [:]

        var reader: ProjectSources.Reader {
            { [self] path in
                lock.withLock { counts[path, default: 0] += 1 }
                return ProjectSources.disk(path)
            }
        }

        var reads: [String: Int] { lock.withLock { counts } }
    }

    static func project() throws -> TemporaryFolder {
        let folder = try TemporaryFolder("read-once")
        _ = try folder.write("common.yml", "region: us-west-2\n")
        for name in ["a", "b"] {
            _ = try folder.write("services/\(name)/serverless.yml", """
                service: \(name)
                provider:
                  name: aws
                  region: ${file(../../common.yml):region}
                  environment:
                    TABLE: ${env:TABLE_NAME}
                resources:
                  Resources:
                    P:
                      Type: AWS::SSM::Parameter
                      Properties: { Name: "/\(name)/${sls:stage}/table", Type: String, Value: x }
                """)
            _ = try folder.write("services/\(name)/.env", "TABLE_NAME=t-\(name)\n")
        }
        return folder
    }

    func settings(_ folder: TemporaryFolder, stages: [String], sources: ProjectSources) -> [EvidenceSettings] {
        let lookup = ConfigLookup(config: PlanTrackConfig(), planPath: folder.path("REFACTOR_PLAN.md"),
                                  projectPath: folder.path)
        return stages.map {
            var settings = EvidenceSettings(lookup: lookup, stage: $0, region: nil, profile: nil, endpointURL: nil,
                                            environment: [:])
            settings.sources = sources
            return settings
        }
    }

    @Test func threeStagesReadAndParseEachFileOnceAndResolveEachStageForItself() async throws {
        let folder = try Self.project()
        defer { folder.remove() }
        let counter = CountingReader()
        let sources = ProjectSources(project: folder.path, reader: counter.reader)
        let stages = settings(folder, stages: ["dev", "staging", "prod"], sources: sources)

        let discoveries = await StageMatrix.perStage(stages) { _, settings in settings.discover() }

        #expect(discoveries.map { $0.services.map(\.stack.resolved) } ==
                [["a-dev", "b-dev"], ["a-staging", "b-staging"], ["a-prod", "b-prod"]])
        #expect(discoveries[2].services.flatMap(\.publishes).compactMap(\.resolved) == ["/a/prod/table", "/b/prod/table"])
        #expect(discoveries.allSatisfy { $0.services.allSatisfy { $0.region == "us-west-2" } }, "the include was read")
        let reads = counter.reads
        for file in ["services/a/serverless.yml", "services/b/serverless.yml", "common.yml", "services/a/.env"] {
            #expect(reads[folder.path(file)] == 1, "\(file) read \(reads[folder.path(file)] ?? 0) times")
        }
        #expect(reads.values.allSatisfy { $0 == 1 }, "\(reads.filter { $0.value > 1 })")
    }

    @Test func theMatrixSharesOneReadingWhenTheStagesComeWithoutOne() async throws {
        let folder = try Self.project()
        defer { folder.remove() }
        let lookup = ConfigLookup(config: PlanTrackConfig(), planPath: folder.path("REFACTOR_PLAN.md"),
                                  projectPath: folder.path)
        let stages = ["dev", "prod"].map {
            EvidenceSettings(lookup: lookup, stage: $0, region: nil, profile: nil, endpointURL: nil, environment: [:])
        }
        let readings = await StageMatrix.perStage(stages) { _, settings in settings.sources.map(ObjectIdentifier.init) }
        #expect(readings.count == 2 && readings[0] != nil && readings[0] == readings[1])
    }

    @Test func aNameNeedingTheAccountIDIsResolvedAgainWithoutReadingTheFilesAgain() async throws {
        let folder = try Self.project()
        defer { folder.remove() }
        _ = try folder.write("services/c/serverless.yml", """
            service: c
            provider: { name: aws, region: us-west-2 }
            resources:
              Resources:
                P:
                  Type: AWS::SSM::Parameter
                  Properties: { Name: "/c/${aws:accountId}/table", Type: String, Value: x }
            """)
        let counter = CountingReader()
        let lookup = ConfigLookup(config: PlanTrackConfig(), planPath: folder.path("REFACTOR_PLAN.md"),
                                  projectPath: folder.path)
        // No credentials anywhere, and a closed loopback port: STS cannot answer, so discovery runs twice.
        var settings = EvidenceSettings(lookup: lookup, stage: "dev", region: nil, profile: nil,
                                        endpointURL: "http://127.0.0.1:9",
                                        environment: ["HOME": folder.path, "AWS_CONFIG_FILE": folder.path("none"),
                                                      "AWS_SHARED_CREDENTIALS_FILE": folder.path("none")])
        settings.sources = ProjectSources(project: folder.path, reader: counter.reader)
        let discovery = await EvidenceEngine.discover(settings: &settings)
        guard case .unavailable = settings.accountID else {
            Issue.record("STS was not asked: \(settings.accountID)")
            return
        }
        #expect(discovery.service(file: "services/c/serverless.yml")?.publishes.first?.resolved == nil)
        #expect(counter.reads[folder.path("services/c/serverless.yml")] == 1)
        #expect(counter.reads.values.allSatisfy { $0 == 1 }, "\(counter.reads.filter { $0.value > 1 })")
    }

    @Test func theByteSearchDiscoveryUsesFindsWhatContainsFinds() {
        let samples = ["${ssm:/a/b}", "x", "", "ssm", "a${cf:stack.Out}", "ssxssm", "ß${ssm:/ü}", "{{resolve:ssm:/p}}"]
        for text in samples {
            for needle in ["ssm", "cf:", "{{resolve:ssm", "ß", "x"] {
                #expect(text.holds(needle) == text.contains(needle), "\(text) / \(needle)")
                #expect(text.dropFirst().holds(needle) == text.dropFirst().contains(needle), "\(text) / \(needle)")
            }
        }
    }
}

/// `StageMatrix.perStage`, the one way stages run side by side (the matrix, `probe --stages`).
struct StagesAtOnceTests {
    @Test func threeStagesRunAtOnceSharingOneCallBoundAndComeBackInStageOrder() async throws {
        let folder = try ReadOnceTests.project()
        defer { folder.remove() }
        let lookup = ConfigLookup(config: PlanTrackConfig(), planPath: folder.path("REFACTOR_PLAN.md"),
                                  projectPath: folder.path)
        let stages = ["dev", "staging", "prod"].map {
            EvidenceSettings(lookup: lookup, stage: $0, region: nil, profile: nil, endpointURL: nil, environment: [:])
        }
        // Each stage waits until all three have begun: one after another, the first would wait
        // in vain (30 s, then it gives up); at once, they meet whatever the machine's load.
        let arrived = Arrivals()
        let answers = await StageMatrix.perStage(stages) { position, settings in
            let met = await arrived.arriveAndWait(forAll: 3, within: 30)
            // The last stage finishes first: the answers must still come back in stage order.
            try? await Task.sleep(nanoseconds: UInt64(0.1 * Double(3 - position) * 1_000_000_000))
            return (settings.stage, settings.gate.map(ObjectIdentifier.init), met)
        }
        #expect(answers.map(\.0) == ["dev", "staging", "prod"])
        #expect(answers[0].1 != nil && Set(answers.map { $0.1 }).count == 1, "one bound for all stages")
        #expect(answers.allSatisfy { $0.2 }, "every stage was under way before any finished")
    }
}

/// Counts stages that have begun; each waits, polling, until all `expected` have.
private actor Arrivals {
    private var count = 0

    func arriveAndWait(forAll expected: Int, within seconds: Double) async -> Bool {
        count += 1
        let deadline = Date().addingTimeInterval(seconds)
        while count < expected, Date() < deadline {
            try? await Task.sleep(nanoseconds: 20_000_000)
        }
        return count >= expected
    }
}
