import Foundation
import PlanKit
import TestSupport
import Testing
@testable import Evidence

/// The sample project's own plan and config, read by PlanKit, linked end to end.
@Suite struct SamplePlanTests {
    let config: ConfigLookup
    let items: [PlanItem]

    init() throws {
        config = try ConfigLookup.resolve(planOption: nil, configOption: nil,
                                          currentDirectory: Repository.listbackup.path)
        items = try PlanFile(path: config.planPath).document.items
    }

    func linked(stage: String = "dev") -> [String: ItemExpectations] {
        let checks = config.config.checks.mapValues { $0.expanded(stage: stage, region: "us-west-2") }
        let discovery = ProjectDiscovery.discover(project: config.projectPath, stage: stage, region: nil)
        let list = EvidenceLinker.link(items: items, discovery: discovery, checks: checks, locate: projectLocate)
        return Dictionary(list.map { ($0.item.reference.description, $0) }, uniquingKeysWith: { first, _ in first })
    }

    @Test func configOfTheSampleNamesItsPlanAndProject() {
        #expect(config.planPath == Repository.listbackup.appendingPathComponent("REFACTOR_PLAN.md").standardizedFileURL.path)
        #expect(config.projectPath == Repository.listbackup.standardizedFileURL.path)
        #expect(config.config.stages == ["dev", "prod"])
        #expect(config.config.region == "us-west-2")
    }

    @Test func lineChecksOfTheConfigPointAtTheItemsTheyMean() throws {
        let deploy = try #require(items.first { $0.line == 57 })
        #expect(deploy.text == "Deploy the API Gateway stack.")
        #expect(deploy.id == nil)
        #expect(deploy.parent != nil)
        let links = linked(stage: "prod")
        // Its parent (3.1) names no path, so only the config's checks apply.
        #expect(links["L57"]?.expectations.map(\.name) == ["listbackup-api-gateway-prod", "/listbackup/prod/api-gateway/*"])
        #expect(links["4.3"]?.expectations.count == 8)
    }

    @Test func itemsWithoutEvidenceAreUncheckedAndAbortedAreSkipped() {
        let linked = Array(linked().values)
        let repository = RepositoryChecker.answers(linked.flatMap { $0.expectations.compactMap(\.rule) },
                                                   project: config.projectPath)
        let verdicts = VerdictJudge.judge(linked, probe: nil, repository: repository, locate: projectLocate)
        let byReference = Dictionary(verdicts.map { ($0.item.reference.description, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byReference["0.2"]?.verdict == .skipped)
        #expect(byReference["3.2.1"]?.verdict == .ready, "the sample's yaml: checks hold")
        #expect(byReference["3.2.2"]?.verdict == .ready, "a built-in claim: no resources in the services")
        #expect(byReference["L25"]?.verdict == .skipped, "a step of the aborted TODO 0.2")
        #expect(byReference["2.1"]?.verdict == .verified)
        #expect(byReference["0.1"]?.verdict == .verified)
        #expect(byReference["4.1"]?.verdict == .ready, "serverless-compose.yml exists in the sample")
    }
}
