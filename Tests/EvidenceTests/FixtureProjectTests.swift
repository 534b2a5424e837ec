import AWSKit
import Foundation
import PlanKit
import TestSupport
import Testing
@testable import Evidence

/// Small projects shaped like real Serverless projects (Tests/EvidenceTests/Fixtures/<project>/),
/// each judged against a private moto seeded full, half and empty, with the user's default
/// region different from the project's. Every item's verdict is compared with the one written
/// by hand in the project's fixture.json; every mismatch is reported by item.
@Suite(.serialized) struct FixtureProjectTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static var projects: [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []
        return entries.filter {
            FileManager.default.fileExists(atPath: fixtures.appendingPathComponent($0).appendingPathComponent("fixture.json").path)
        }.sorted()
    }

    @Test func thereAreFixtureProjects() {
        #expect(Self.projects.count >= 1)
    }

    @Test(arguments: projects)
    func verdictsAreTheOnesWrittenByHand(project: String) async throws {
        let folder = Self.fixtures.appendingPathComponent(project)
        let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: folder.appendingPathComponent("fixture.json")))
        #expect(Set(fixture.seeds.keys) == Set(fixture.expected.keys), "\(project): every seed needs expected verdicts")
        let moto = try MotoServer(accountID: "111111111111")
        let scratch = try TemporaryFolder("fixture-\(project)")
        defer { scratch.remove() }
        _ = try scratch.write("config", "")
        _ = try scratch.write("credentials", "")
        for seedName in fixture.seeds.keys.sorted() {
            try moto.reset()
            let seed = String(decoding: try JSONEncoder().encode(fixture.seeds[seedName]), as: UTF8.self)
            try Subprocess.python(Self.fixtures.appendingPathComponent("seed.py").path, ["--endpoint", moto.url, seed])
            let verdicts = try await judge(folder: folder, fixture: fixture, endpoint: moto.url, scratch: scratch)
            for (id, expected) in (fixture.expected[seedName] ?? [:]).sorted(by: { $0.key < $1.key }) {
                let found = verdicts[id]
                #expect(found?.verdict.rawValue == expected,
                        "\(project) seeded \(seedName): item \(id) is \(found?.verdict.rawValue ?? "not judged"), expected \(expected); evidence: \(found.map(Self.describe) ?? "none")")
            }
        }
    }

    /// What `verify` would say for every item of the project's plan.
    private func judge(folder: URL, fixture: Fixture, endpoint: String, scratch: TemporaryFolder) async throws
        -> [String: ItemVerdict] {
        var environment = fixture.env ?? [:]
        environment["AWS_ACCESS_KEY_ID"] = "AKIAFIXTURE000000000"
        environment["AWS_SECRET_ACCESS_KEY"] = "fixture"
        environment["AWS_DEFAULT_REGION"] = fixture.defaultRegion
        environment["AWS_CONFIG_FILE"] = scratch.path("config")
        environment["AWS_SHARED_CREDENTIALS_FILE"] = scratch.path("credentials")
        environment["HOME"] = scratch.path
        let plan = folder.appendingPathComponent(fixture.plan ?? ConfigLookup.defaultPlan).path
        let lookup = try ConfigLookup.resolve(planOption: plan, configOption: nil, currentDirectory: folder.path)
        let settings = EvidenceSettings(lookup: lookup, stage: nil, region: nil, profile: nil, endpointURL: endpoint,
                                        environment: environment)
        let document = try PlanFile(path: lookup.planPath).document
        let snapshot = await EvidenceEngine.evaluate(document: document, settings: settings)
        return Dictionary(snapshot.verdicts.map { ($0.item.id ?? "L\($0.item.line)", $0) }, uniquingKeysWith: { a, _ in a })
    }

    private static func describe(_ verdict: ItemVerdict) -> String {
        verdict.evidence.map { check in
            "\(check.kind.rawValue) \(check.name) in \(check.region ?? "-"): \(check.ok.map { $0 ? "holds" : "fails" } ?? "unknown") (\(check.detail))"
        }.joined(separator: "; ")
    }

    struct Fixture: Decodable {
        var defaultRegion: String
        /// Where the plan is, when not REFACTOR_PLAN.md at the project's root (`docs/planning/REFACTOR_PLAN.md`).
        var plan: String?
        var env: [String: String]?
        var seeds: [String: Seed]
        var expected: [String: [String: String]]
    }

    struct Seed: Codable {
        struct Stack: Codable {
            var name: String
            var region: String
            var outputs: [String: String]?
            var deleted: Bool?
        }
        struct Parameter: Codable {
            var name: String
            var region: String
            var type: String?
        }
        var stacks: [Stack]?
        var parameters: [Parameter]?
    }
}
