import PlanKit
import AWSKit
import Foundation
import TestSupport
import Testing
@testable import Evidence

/// Items of the sample plan, as PlanKit would give them.
enum SampleItems {
    static func item(_ index: Int, _ id: String?, _ line: Int, _ state: ItemState, _ text: String,
                     parent: Int? = nil) -> PlanItem {
        PlanItem.sample(index: index, id: id, line: line, state: state, text: text, parent: parent)
    }

    static let all: [PlanItem] = [
        item(0, "0.1", 23, .done, "**TODO 0.1: Create Planning Document**: Create this `REFACTOR_PLAN.md` file."),
        item(1, "0.2", 24, .aborted, "**TODO 0.2: Investigate Existing Cognito Resources (Aborted)**:"),
        item(2, nil, 25, .todo, "List Cognito User Pools in `us-west-2`.", parent: 1),
        item(3, "1.1", 37, .done, "**TODO 1.1:** Create new directory structure: `infra` and `services`."),
        item(4, "2.4", 47, .done, "**TODO 2.4:** Create `infra/s3/serverless.yml` for all S3 buckets."),
        item(5, "2.5", 48, .todo, "**TODO 2.5:** Deploy all `infra` stacks and verify that resource details are in SSM."),
        item(6, "3.1", 54, .todo, "**TODO 3.1: Centralize API Gateway**:"),
        item(7, nil, 55, .todo, "Create `services/api-gateway/serverless.yml`.", parent: 6),
        item(8, nil, 57, .todo, "Deploy the API Gateway stack.", parent: 6),
        item(9, "4.2", 71, .todo, "**TODO 4.2:** Define the deployment order and dependencies for all `infra` and `services` stacks."),
        item(10, "1.2", 38, .done, "**TODO 1.2:** Move all existing `serverless-*.yml` files into the `services` directory."),
    ]
}

/// Paths of the sample project, looked for under it only.
func projectLocate(_ relative: String) -> FoundPath? {
    PathLocator(project: Repository.listbackup.path).locate(relative)
}

@Suite struct LinkingTests {
    let discovery = ProjectDiscovery.discover(project: Repository.listbackup.path, stage: "dev", region: nil)

    func linked(checks: [ItemReference: ItemChecks] = [:]) -> [String: ItemExpectations] {
        let list = EvidenceLinker.link(items: SampleItems.all, discovery: discovery, checks: checks,
                                       locate: projectLocate)
        return Dictionary(list.map { ($0.item.reference.description, $0) }, uniquingKeysWith: { first, _ in first })
    }

    @Test func backtickedPathsAreFileEvidenceButWordsAndGlobsAreNot() {
        let links = linked()
        #expect(links["0.1"]?.expectations == [ExpectedEvidence(kind: .file, name: "REFACTOR_PLAN.md", source: "plan")])
        #expect(links["1.1"]?.expectations.map(\.name) == ["infra", "services"])
        #expect(links["L25"]?.expectations.isEmpty == true, "`us-west-2` is not a path")
        // A glob names no single file; the move it describes is a built-in claim (BuiltinClaimTests).
        #expect(links["1.2"]?.expectations.map(\.name)
            == ["**/serverless-*.yml none outside services/", "services/**/serverless*.yml at least one", "services"])
    }

    @Test func deployOfAFolderBringsItsStacksAndParameters() throws {
        let expectations = try #require(linked()["2.5"]).expectations
        #expect(expectations.filter { $0.kind == .stack }.map(\.name) == [
            "listbackup-domains-dev", "listbackup-cognito-dev", "listbackup-dynamodb-dev", "listbackup-s3-dev",
        ])
        let parameters = expectations.filter { $0.kind == .parameter }
        #expect(parameters.count == 8)
        #expect(parameters.contains(ExpectedEvidence(kind: .parameter, name: "/listbackup/dev/s3/data-bucket-name",
                                                source: "infra/s3/serverless.yml", region: "us-west-2")))
        #expect(!expectations.contains { $0.name.contains("api-gateway") }, "services/ is not under infra/")
    }

    @Test func definingADeploymentOrderIsNotADeploy() throws {
        let expectations = try #require(linked()["4.2"]).expectations
        #expect(!expectations.contains { $0.kind == .stack || $0.kind == .parameter })
    }

    @Test func subItemsInheritTheirParentsPathsAndConfigChecksApplyByLine() throws {
        let checks: [ItemReference: ItemChecks] = [.line(57): ItemChecks(stacks: ["listbackup-api-gateway-dev"])]
        let links = linked(checks: checks)
        #expect(links["L55"]?.expectations.map(\.name) == ["services/api-gateway/serverless.yml"])
        let deploy = try #require(links["L57"]).expectations
        #expect(deploy == [ExpectedEvidence(kind: .stack, name: "listbackup-api-gateway-dev", source: ".plantrack.yml")])
    }

    @Test func configChecksByIdAddToWhatIsDiscovered() throws {
        let checks: [ItemReference: ItemChecks] = [.id("2.4"): ItemChecks(stacks: ["listbackup-s3-*"], parameters: ["/listbackup/dev/s3/*"],
                                        files: ["./infra/s3/"])]
        let expectations = try #require(linked(checks: checks)["2.4"]).expectations
        #expect(expectations.map(\.name) == ["listbackup-s3-*", "/listbackup/dev/s3/*", "infra/s3/serverless.yml", "infra/s3"])
    }

    @Test func saysDeployOnlyForTheVerb() {
        #expect(PlanText.saysDeploy("Deploy all `infra` stacks"))
        #expect(PlanText.saysDeploy("Stacks are deployed."))
        #expect(!PlanText.saysDeploy("Define the deployment order"))
        #expect(!PlanText.saysDeploy("Redeployment later"))
    }

    @Test func codeSpansHandleDoubleBackticks() {
        #expect(PlanText.codeSpans(in: "a `x` b ``y ` z`` c `unclosed") == ["x", "y ` z"])
    }
}

/// Issue 8 points 9 and 11.
@Suite struct OwnEvidenceTests {
    let discovery = ProjectDiscovery.discover(project: Repository.listbackup.path, stage: "dev", region: nil)

    @Test func aParameterPathInBackticksIsParameterEvidence() {
        let item = PlanItem.sample(id: "5.1", line: 5, state: .done, text: "Store the config under `/configuration/default`.")
        let linked = EvidenceLinker.link(items: [item], discovery: discovery, checks: [:], checksRegion: "us-west-2",
                                         locate: projectLocate)
        #expect(linked[0].expectations == [ExpectedEvidence(kind: .parameter, name: "/configuration/default",
                                                            source: "plan", region: "us-west-2")])
        #expect(PlanText.parameterPaths(in: "`/a/${stage}/b` and `/` and `infra/s3`").isEmpty)
    }

    @Test func aSubItemNamingItsOwnPathsIsJudgedOnThoseOnly() {
        let parent = PlanItem.sample(index: 0, id: "6.1", line: 1, state: .todo,
                                     text: "Move `infra/s3`, `infra/cognito` and `infra/dynamodb`.")
        let own = PlanItem.sample(index: 1, id: nil, line: 2, state: .todo, text: "Deploy `infra/s3`.", parent: 0)
        let none = PlanItem.sample(index: 2, id: nil, line: 3, state: .todo, text: "Deploy them.", parent: 0)
        let linked = EvidenceLinker.link(items: [parent, own, none], discovery: discovery, checks: [:],
                                         locate: projectLocate)
        #expect(linked[1].expectations.filter { $0.kind == .stack }.map(\.name) == ["listbackup-s3-dev"])
        #expect(linked[2].expectations.filter { $0.kind == .stack }.map(\.name)
                    == ["listbackup-s3-dev", "listbackup-cognito-dev", "listbackup-dynamodb-dev"])
    }
}
