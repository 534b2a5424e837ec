import AWSKit
import Foundation
import PlanKit
import TestSupport
import Testing
@testable import Evidence

/// Issue 8 points 13, 20, 21, 22 and 24: which services exist, and what a folder claim covers.
@Suite struct DiscoveryRuleTests {
    func service(_ name: String, region: String = "us-west-2") -> String {
        "service: \(name)\nprovider:\n  name: aws\n  region: \(region)\n"
    }

    @Test func serverlessJSONIsReadAndCodeIsListedNotSkipped() throws {
        let folder = try TemporaryFolder("discovery-json")
        defer { folder.remove() }
        _ = try folder.write("alpha/serverless.json", #"{"service": "alpha", "provider": {"name": "aws", "region": "eu-west-1"}}"#)
        _ = try folder.write("beta/serverless.ts", "export default {service: 'beta'}\n")
        let discovery = ProjectDiscovery.discover(project: folder.path, stage: "dev", region: nil)
        #expect(discovery.services.map(\.stack.resolved) == ["alpha-dev"])
        #expect(discovery.services.first?.region == "eu-west-1")
        #expect(discovery.problems.map(\.description)
                    == ["beta/serverless.ts: not read (code): add checks for it under checks: in .plantrack.yml"])
    }

    @Test func excludeKeepsAnArchiveOutOfDiscovery() throws {
        let folder = try TemporaryFolder("discovery-exclude")
        defer { folder.remove() }
        _ = try folder.write("services/a/serverless.yml", service("a"))
        _ = try folder.write("_archive/a/serverless.yml", service("a-old"))
        _ = try folder.write("services/b/_archive/serverless.yml", service("b-old"))
        let all = ProjectDiscovery.discover(project: folder.path, stage: "dev", region: nil)
        #expect(all.services.count == 3)
        let kept = ProjectDiscovery.discover(project: folder.path, stage: "dev", region: nil,
                                             exclude: ["_archive/**", "**/_archive"])
        #expect(kept.services.map(\.stack.resolved) == ["a-dev"])
        let config = try PlanTrackConfig.parse("exclude: [\"_archive/**\"]\n", file: "/p/.plantrack.yml")
        #expect(config.exclude == ["_archive/**"])
    }

    @Test func globsMatchFoldersAsTheConfigWritesThem() {
        #expect(ProjectGlob("_archive/**").matches("_archive"))
        #expect(ProjectGlob("_archive/**").matches("_archive/x/y"))
        #expect(!ProjectGlob("_archive/**").matches("services/_archive"))
        #expect(ProjectGlob("**/_archive").matches("services/_archive"))
        #expect(ProjectGlob("old-*").matches("old-billing"))
        #expect(!ProjectGlob("old-?").matches("old-ab"))
    }

    /// init finds the project from discovery's one walk: the nearest compose file's folder, never
    /// one inside node_modules, a hidden folder or deeper than a few levels.
    @Test func initFindsTheProjectWithDiscoverysWalk() throws {
        let folder = try TemporaryFolder("init-search")
        defer { folder.remove() }
        _ = try folder.write("node_modules/x/serverless-compose.yml", "services: {}\n")
        _ = try folder.write(".cache/serverless-compose.yml", "services: {}\n")
        _ = try folder.write("a/b/c/d/serverless-compose.yml", "services: {}\n")
        #expect(ProjectSearch.projectFolder(in: folder.path) == nil)
        _ = try folder.write("backend/services/users/serverless.yml", service("users"))
        #expect(ProjectSearch.projectFolder(in: folder.path) == folder.path)
        _ = try folder.write("backend/serverless-compose.yml", "services: {}\n")
        _ = try folder.write("backend/services/serverless-compose.yml", "services: {}\n")
        #expect(ProjectSearch.projectFolder(in: folder.path) == folder.path + "/backend")
        _ = try folder.write("serverless-compose.yml", "services: {}\n")
        #expect(ProjectSearch.projectFolder(in: folder.path) == folder.path)
    }

    /// `exclude:` and `in:` share one glob: a character class works in both.
    @Test func excludeTakesCharacterClassesAsInDoes() throws {
        let folder = try TemporaryFolder("discovery-exclude-class")
        defer { folder.remove() }
        _ = try folder.write("services/a/serverless.yml", service("a"))
        _ = try folder.write("v1/a/serverless.yml", service("a-v1"))
        let kept = ProjectDiscovery.discover(project: folder.path, stage: "dev", region: nil, exclude: ["v[0-9]"])
        #expect(kept.services.map(\.stack.resolved) == ["a-dev"])
    }

    @Test func excludeThatLeavesTheProjectIsAConfigErrorNamingTheKey() {
        #expect(throws: ConfigError.badValue(file: "/p/.plantrack.yml", line: 3, key: "exclude",
                                             expected: "a glob that stays inside project: (no .. in ../other/**)")) {
            try PlanTrackConfig.parse("exclude:\n  - _archive/**\n  - ../other/**\n", file: "/p/.plantrack.yml")
        }
        #expect(throws: ConfigError.badValue(file: "/p/.plantrack.yml", line: 1, key: "exclude",
                                             expected: "a glob relative to project:, not an absolute path (/srv/**)")) {
            try PlanTrackConfig.parse("exclude: /srv/**\n", file: "/p/.plantrack.yml")
        }
        #expect(ConfigError.badValue(file: "/p/.plantrack.yml", line: 1, key: "exclude", expected: "x").exitCode == 2)
    }

    /// A compose file in backend/ governs: its services are what "Deploy all `backend/services`" claims.
    func composeProject() throws -> TemporaryFolder {
        let folder = try TemporaryFolder("discovery-compose")
        for name in ["a", "b", "c"] {
            _ = try folder.write("backend/services/\(name)/serverless.yml", service(name))
        }
        _ = try folder.write("backend/serverless-compose.yml", """
            services:
              b:
                path: ./services/b
                dependsOn: a
              a:
                path: services/a
              gone:
                path: services/gone
            """)
        return folder
    }

    @Test func composeInASubFolderGivesOrderAndReportsPathsWithoutAService() throws {
        let folder = try composeProject()
        defer { folder.remove() }
        let discovery = ProjectDiscovery.discover(project: folder.path, stage: "dev", region: nil)
        #expect(discovery.compose?.file == "backend/serverless-compose.yml")
        #expect(discovery.services.map(\.folder).prefix(2) == ["backend/services/a", "backend/services/b"])
        #expect(discovery.problems.map(\.description) == [
            "backend/serverless-compose.yml: service gone: its path services/gone holds no serverless file; "
                + "fix path: or remove the service",
        ])
    }

    @Test func aFolderClaimCoversComposeServicesAndListsTheOthersAsNotRequired() throws {
        let folder = try composeProject()
        defer { folder.remove() }
        let discovery = ProjectDiscovery.discover(project: folder.path, stage: "dev", region: nil)
        let item = PlanItem.sample(id: "4.1", line: 9, state: .done, text: "Deploy all `backend/services`.")
        let locate = PathLocator(project: folder.path).locate
        let linked = EvidenceLinker.link(items: [item], discovery: discovery, checks: [:], locate: locate)
        #expect(linked[0].expectations.map(\.name) == ["a-dev", "b-dev"])
        #expect(linked[0].notes == ["backend/services/c/serverless.yml: outside backend/serverless-compose.yml, not required"])
        let result = ProbeResult(stacks: ["a-dev", "b-dev"].map { StackObservation(name: $0, status: "CREATE_COMPLETE", lastUpdated: nil) },
                                 parameters: [], failures: [], apiCalls: 1, probedAt: Date())
        let verdict = VerdictJudge.judge(linked, probe: ProbeAnswers(result, region: "us-west-2"), locate: locate)
        #expect(verdict[0].verdict == .verified, "c is outside compose: not required")
        let text = VerifyReport(stage: "dev", verdicts: verdict, all: false, apiCalls: 1).table(unicode: false)
        #expect(text.contains("- backend/services/c/serverless.yml: outside backend/serverless-compose.yml, not required"))
    }

    @Test func aFirstRunWithThePlanInDocsSaysWhereTheServicesAre() throws {
        let folder = try TemporaryFolder("discovery-hint")
        defer { folder.remove() }
        try folder.createFolder(".git")
        _ = try folder.write("docs/planning/REFACTOR_PLAN.md", "# Plan\n")
        for name in ["a", "b"] { _ = try folder.write("backend/golang/services/\(name)/serverless.yml", service(name)) }
        let lookup = ConfigLookup(config: PlanTrackConfig(), planPath: folder.path("docs/planning/REFACTOR_PLAN.md"),
                                  projectPath: folder.path("docs/planning"))
        let settings = EvidenceSettings(lookup: lookup, stage: nil, region: nil, profile: nil, endpointURL: nil, environment: [:])
        let discovery = settings.discover()
        #expect(discovery.services.isEmpty)
        let hint = try #require(ProjectHint.hint(settings: settings, discovery: discovery))
        #expect(hint.contains("found 2 services under backend/golang/services — set project: ../../backend/golang/services in .plantrack.yml, or run plantrack init"), "\(hint)")
        var configured = lookup
        configured.config.project = folder.path("backend")
        let quiet = EvidenceSettings(lookup: configured, stage: nil, region: nil, profile: nil, endpointURL: nil, environment: [:])
        #expect(ProjectHint.hint(settings: quiet, discovery: discovery) == nil, "project: set: the user chose")
    }

    @Test func aLongListSaysHowManyAreMissingBeforeIt() {
        let checks = (0..<107).map { index in
            EvidenceCheck(kind: .stack, name: "s\(index)", ok: index < 96 ? false : true, detail: index < 96 ? "missing" : "CREATE_COMPLETE",
                          source: "x/serverless.yml", region: "us-west-2")
        }
        let verdict = ItemVerdict(item: PlanItem.sample(id: "4.1", line: 9, state: .done, text: "Deploy all `services`."),
                                  verdict: .drift, evidence: checks)
        let lines = VerifyReport(stage: "dev", verdicts: [verdict], all: false, apiCalls: 1).table(unicode: false)
            .split(separator: "\n")
        #expect(lines[1] == "    96 of 107 missing:")
        #expect(lines[2].contains("stack s0"))
    }
}

/// Issue 8 point 24: `lint` warns on `checks:` keys that name no item.
@Suite struct ChecksLintTests {
    @Test func aCheckUnderAnIdOrLineThatNamesNoItemIsAWarning() throws {
        let config = try PlanTrackConfig.parse("""
            checks:
              "2.5": {stacks: [a]}
              "9.9": {stacks: [b]}
              "L40": {stacks: [c]}
              "L7": {stacks: [d]}
            """, file: "/repo/.plantrack.yml")
        let items = [PlanItem.sample(id: "2.5", line: 5, state: .todo, text: "Deploy `a`."),
                     PlanItem.sample(id: nil, line: 7, state: .todo, text: "Deploy it.")]
        let findings = ChecksLint.findings(config: config, items: items)
        #expect(findings.map(\.message) == [
            "checks: \"9.9\" in /repo/.plantrack.yml names no item of the plan (no TODO 9.9); fix the key or remove it",
            "checks: \"L40\" in /repo/.plantrack.yml names no item of the plan (no line 40); fix the key or remove it",
        ])
        #expect(findings.allSatisfy { $0.severity == .warning && $0.rule == "check-names-no-item" })
        #expect(findings.map(\.line) == [1, 40])
    }
}

/// Issue 8 point 24: every reason a name is not probed carries a fix.
@Suite struct UnresolvedFixTests {
    @Test func aReasonWithoutAFixGetsOne() {
        let cf = ProbePlan.Unresolved(kind: .parameter, name: DiscoveredName(raw: "${cf:x.Out}", resolved: nil,
                                                                             problem: "${cf:x.Out} is known only after deploy"),
                                      source: "a/serverless.yml")
        #expect(cf.reason == "${cf:x.Out} is known only after deploy; to have it asked, add the name under checks: in .plantrack.yml")
        let env = ProbePlan.Unresolved(kind: .stack, name: DiscoveredName(raw: "${env:X}-dev", resolved: nil,
                                                                          problem: "${env:X} is not set; export X or add it to .env"),
                                       source: "a/serverless.yml")
        #expect(env.reason == "${env:X} is not set; export X or add it to .env")
        var plan = ProbePlan.make(discovery: ProjectDiscovery(services: [], compose: nil, problems: []), region: nil)
        plan.unresolved = [cf]
        let report = ProbeReport(plan: plan, result: ProbeResult(stacks: [], parameters: [], failures: [], apiCalls: 0,
                                                                 probedAt: Date()), stage: "dev", region: nil)
        #expect(report.table(unicode: false).contains("to have it asked, add the name under checks: in .plantrack.yml"))
        #expect(report.json().contains("to have it asked"))
    }
}
