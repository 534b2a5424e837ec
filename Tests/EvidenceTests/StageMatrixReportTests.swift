import AWSKit
import Foundation
import PlanKit
import Testing
@testable import Evidence

/// `verify --stages` output: CONTRACT §5's JSON, and a table with a column per stage that
/// gives way to glyphs when narrow.
@Suite struct StageMatrixReportTests {
    let item = PlanItem.sample(id: "2.5", line: 48, state: .done, text: "**TODO 2.5:** Deploy all `infra` stacks.")
    let quiet = PlanItem.sample(index: 1, id: "2.6", line: 49, state: .todo, text: "**TODO 2.6:** Write the runbook.")

    func column(_ stage: String, ok: Bool?) -> StageMatrix.Column {
        let check = EvidenceCheck(kind: .stack, name: "listbackup-s3-\(stage)", ok: ok,
                                  detail: ok == true ? "CREATE_COMPLETE" : ok == false ? "missing" : "not asked: x",
                                  source: "infra/s3/serverless.yml", region: "us-west-2")
        let verdict = ItemVerdict(item: item, verdict: VerdictJudge.verdict(.done, setAsideBy: nil, [check]), evidence: [check])
        return StageMatrix.Column(stage: stage, verdicts: [verdict, ItemVerdict(item: quiet, verdict: .unchecked, evidence: [])],
                                  apiCalls: 3)
    }

    var report: StageMatrixReport {
        var refused = column("qa", ok: nil)
        refused.notAsked = true
        refused.failures = [ProbeFailure(service: "sts", code: "AccountMismatch", message: "stage qa expects account 2, but the credentials belong to account 1; nothing was asked")]
        return StageMatrixReport(matrix: StageMatrix(columns: [column("dev", ok: true), column("prod", ok: false), refused]), all: false)
    }

    @Test func jsonHoldsEachStagesVerdictAndEvidence() throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
        #expect(object["stages"] as? [String] == ["dev", "prod", "qa"])
        #expect(object["drift"] as? [String: Int] == ["dev": 0, "prod": 1, "qa": 0])
        #expect((object["notAsked"] as? [String: String])?["qa"]?.hasPrefix("not asked: stage qa expects account 2") == true)
        let items = try #require(object["items"] as? [[String: Any]])
        #expect(items.count == 1, "only items with evidence without --all")
        let stages = try #require(items[0]["stages"] as? [String: [String: Any]])
        #expect(stages["dev"]?["verdict"] as? String == "verified")
        #expect(stages["prod"]?["verdict"] as? String == "drift")
        let evidence = try #require(stages["prod"]?["evidence"] as? [[String: Any]])
        #expect(evidence[0]["name"] as? String == "listbackup-s3-prod" && evidence[0]["ok"] as? Bool == false)
        #expect(evidence[0]["region"] as? String == "us-west-2")
        #expect(report.drifts)
    }

    @Test func wideTablesSayGlyphAndWordAndNarrowOnesTheGlyphWithAKey() {
        let wide = report.table(width: 120, unicode: true).split(separator: "\n").map(String.init)
        #expect(wide[0].hasPrefix("Item      dev          prod         qa"), "\(wide[0])")
        #expect(wide[1].hasPrefix("TODO 2.5  ✓ verified   ✗ drift      - not asked  Deploy all infra stacks."), "\(wide[1])")
        #expect(wide.contains("Stage prod: 1 drift; 3 API calls."))
        #expect(wide.contains { $0.hasPrefix("Stage qa: not asked: stage qa expects account 2") })
        let narrow = report.table(width: 40, unicode: true).split(separator: "\n").map(String.init)
        #expect(narrow[1].hasPrefix("TODO 2.5  ✓    ✗     -   Deploy"), "\(narrow[1])")
        #expect(narrow.allSatisfy { DisplayWidth.of($0) <= 40 }, "\(narrow)")
        #expect(narrow.contains { $0.hasPrefix("Key: ✓ verified,") })
        let ascii = report.table(width: 40, unicode: false).split(separator: "\n").map(String.init)
        #expect(ascii[1].hasPrefix("TODO 2.5  +    X     -   Deploy"), "\(ascii[1])")
    }
}
