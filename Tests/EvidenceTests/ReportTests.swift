import AWSKit
import Foundation
import PlanKit
import Testing
@testable import Evidence

@Suite struct ReportTests {
    let when = Date(timeIntervalSince1970: 1_795_787_100) // 2026-11-27T13:45:00Z

    var plan: ProbePlan {
        let discovery = ProjectDiscovery(services: [
            ServerlessService(file: "infra/cognito/serverless.yml", folder: "infra/cognito", service: .known("c"),
                              stack: .known("listbackup-cognito-dev"), region: "us-west-2",
                              publishes: [.known("/listbackup/dev/cognito/user-pool-id"),
                                          DiscoveredName(raw: "!GetAtt X.Arn", resolved: nil, problem: "P: !GetAtt is known only after deploy")],
                              consumes: []),
            ServerlessService(file: "infra/s3/serverless.yml", folder: "infra/s3", service: .known("s"),
                              stack: .known("listbackup-s3-dev"), region: "us-west-2", publishes: [],
                              consumes: [ConsumedParameter(name: .known("/listbackup/dev/cognito/user-pool-id"))]),
        ], compose: nil, problems: [])
        return ProbePlan.make(discovery: discovery, region: nil)
    }

    var result: ProbeResult {
        ProbeResult(
            stacks: [StackObservation(name: "listbackup-cognito-dev", status: "CREATE_COMPLETE", lastUpdated: when),
                     StackObservation(name: "listbackup-s3-dev", status: nil, lastUpdated: nil)],
            parameters: [ParameterObservation(name: "/listbackup/dev/cognito/user-pool-id", exists: true, type: "String",
                                              version: 2, lastModified: when)],
            failures: [ProbeFailure(service: "ssm", code: "AccessDeniedException", message: "denied \u{1B}[31m")],
            apiCalls: 3, probedAt: when)
    }

    @Test func planGroupsByRegionAndKeepsSources() {
        #expect(plan.groups.count == 1)
        #expect(plan.groups[0].region == "us-west-2")
        #expect(plan.groups[0].request.stackNames == ["listbackup-cognito-dev", "listbackup-s3-dev"])
        #expect(plan.parameterSources["/listbackup/dev/cognito/user-pool-id"] == [
            "infra/cognito/serverless.yml", "infra/s3/serverless.yml",
        ])
        #expect(plan.unresolved.map(\.name.raw) == ["!GetAtt X.Arn"])
    }

    @Test func probeJSONHasTheContractShape() throws {
        let report = ProbeReport(plan: plan, result: result, stage: "dev", region: "us-west-2")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
        #expect(object["stage"] as? String == "dev")
        #expect(object["region"] as? String == "us-west-2")
        #expect(object["probedAt"] as? String == "2026-11-27T13:45:00Z")
        let stacks = try #require(object["stacks"] as? [[String: Any]])
        #expect(stacks.count == 2)
        #expect(stacks[0]["exists"] as? Bool == true)
        #expect(stacks[0]["deployed"] as? Bool == true)
        #expect(stacks[0]["status"] as? String == "CREATE_COMPLETE")
        #expect(stacks[0]["lastUpdated"] as? String == "2026-11-27T13:45:00Z")
        #expect(stacks[0]["sources"] as? [String] == ["infra/cognito/serverless.yml"])
        #expect(stacks[1]["exists"] as? Bool == false)
        #expect(stacks[1]["status"] is NSNull)
        let parameters = try #require(object["parameters"] as? [[String: Any]])
        #expect(parameters[0]["type"] as? String == "String")
        #expect(parameters[0]["version"] as? Int == 2)
        #expect(Set(parameters[0].keys) == ["name", "exists", "type", "version", "lastModified", "sources"])
        let errors = try #require(object["errors"] as? [[String: String]])
        #expect(errors == [["service": "ssm", "code": "AccessDeniedException", "message": "denied \u{1B}[31m"]])
        #expect(object["apiCalls"] as? Int == 3)
    }

    @Test func probeTableSaysWhatIsMissingAndStripsControlCharacters() {
        let table = ProbeReport(plan: plan, result: result, stage: "dev", region: "us-west-2").table(unicode: false)
        #expect(table.contains("3 API calls"))
        #expect(table.contains("x  listbackup-s3-dev"))
        #expect(table.contains("missing"))
        #expect(table.contains("+  listbackup-cognito-dev"))
        #expect(table.contains("!GetAtt X.Arn"))
        #expect(!table.contains("\u{1B}"))
        #expect(table.contains("1 of 2 stacks deployed, 1 of 1 parameters exist; 1 missing."))
    }

    /// Issue 8 point 23: without credentials nothing was asked; the table says "not asked", not ✗ missing.
    @Test func probeWithoutCredentialsSaysNotAsked() throws {
        let failed = ProbeResult(stacks: [], parameters: [], failures: [
            ProbeFailure(service: "sts", code: "NoCredentials", message: "No AWS credentials were found."),
        ], apiCalls: 0, probedAt: Date(timeIntervalSince1970: 1_800_000_000))
        let report = ProbeReport(plan: plan, result: failed, stage: "dev", region: "us-west-2")
        let table = report.table(unicode: false)
        #expect(!table.contains("x  listbackup-s3-dev"))
        #expect(table.contains("?  listbackup-s3-dev"))
        #expect(table.contains("not asked"))
        #expect(table.contains("0 missing, 3 not asked."))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
        let stacks = try #require(object["stacks"] as? [[String: Any]])
        #expect(stacks.allSatisfy { $0["asked"] as? Bool == false })
    }

    @Test func verifyJSONListsOnlyItemsWithEvidenceUnlessAll() throws {
        let item = { (id: String, state: ItemState) in
            PlanItem.sample(id: id, line: 48, state: state, text: "**TODO \(id):** x\u{1B}]0;t\u{07}")
        }
        let verdicts = [
            ItemVerdict(item: item("2.5", .done), verdict: .drift, evidence: [
                EvidenceCheck(kind: .stack, name: "listbackup-s3-dev", ok: false, detail: "missing", source: "s"),
            ]),
            ItemVerdict(item: item("3.1", .todo), verdict: .unchecked, evidence: []),
        ]
        let report = VerifyReport(stage: "dev", verdicts: verdicts, all: false, apiCalls: 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
        #expect(object["drift"] as? Int == 1)
        let items = try #require(object["items"] as? [[String: Any]])
        #expect(items.count == 1)
        #expect(items[0]["verdict"] as? String == "drift")
        #expect(items[0]["state"] as? String == "done")
        let evidence = try #require(items[0]["evidence"] as? [[String: Any]])
        #expect(evidence[0]["kind"] as? String == "stack")
        #expect(evidence[0]["ok"] as? Bool == false)
        #expect(evidence[0]["detail"] as? String == "missing")
        #expect(VerifyReport(stage: "dev", verdicts: verdicts, all: true, apiCalls: 1).listed.count == 2)
        let table = report.table(unicode: true)
        #expect(table.contains("DRIFT     TODO 2.5 (done, line 48): x"))
        #expect(table.contains("✗ stack listbackup-s3-dev: missing"))
        #expect(!table.contains("\u{1B}") && !table.contains("\u{07}"))
    }

    /// CONTRACT §5: unknown evidence is `"ok": null` with a detail; stacks and parameters name
    /// their region, in the JSON, the text and the summary line (issue 8 points 1 and the rule).
    @Test func verifyShowsUnknownAsNullAndNamesRegions() throws {
        let item = PlanItem.sample(id: "2.5", line: 48, state: .done, text: "**TODO 2.5:** Deploy `api`.")
        let verdicts = [ItemVerdict(item: item, verdict: .unchecked, evidence: [
            EvidenceCheck(kind: .stack, name: "api-dev", ok: nil, detail: "not asked: no credentials; set AWS_PROFILE",
                          source: "api/serverless.yml", region: "us-west-2"),
            EvidenceCheck(kind: .file, name: "api", ok: true, detail: "exists", source: "plan"),
        ])]
        let report = VerifyReport(stage: "dev", verdicts: verdicts, all: false, apiCalls: 0)
        let json = report.json()
        #expect(json.contains(#""ok":null"#) || json.contains(#""ok": null"#))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["regions"] as? [String] == ["us-west-2"])
        let evidence = try #require((object["items"] as? [[String: Any]])?.first?["evidence"] as? [[String: Any]])
        #expect(evidence[0]["ok"] is NSNull)
        #expect(evidence[0]["region"] as? String == "us-west-2")
        #expect(evidence[1]["region"] == nil)
        let table = report.table(unicode: true)
        #expect(table.contains("? stack api-dev (us-west-2): not asked: no credentials; set AWS_PROFILE"))
        #expect(table.contains("Stage dev, region us-west-2: 1 unchecked"))
    }

    @Test func controlCharactersBecomeSpaces() {
        #expect(TerminalText.sanitized("a\u{1B}[2Jb\u{9B}c\u{7F}d\te") == "a\u{FFFD}[2Jb\u{FFFD}c\u{FFFD}d e")
        #expect(TerminalText.unicodeLocale(["LANG": "en_US.UTF-8"]))
        #expect(!TerminalText.unicodeLocale(["LANG": "C"]))
        #expect(!TerminalText.unicodeLocale(["LC_ALL": "C", "LANG": "en_US.UTF-8"]))
    }
}
