import Evidence
import Foundation
import PlanKit
import Testing
@testable import Dashboard

/// Issue 12 point 2: a `text`/`yaml` claim shows in the Detail pane with the file and line at fault,
/// and a change to a checked file starts a quiet judgement.
@Suite struct RepositoryEvidenceDetailTests {
    @Test func detailNamesTheFileAndLineAtFault() {
        var state = OutlineFixture.state(width: 140, height: 40)
        let failing = EvidenceCheck(kind: .text, name: "services/**/serverless.yml absent \"${cf:\"", ok: false,
                                    detail: "services/users/serverless.yml:42 still has ${cf:", source: ".plantrack.yml")
        let holding = EvidenceCheck(kind: .yaml, name: "serverless-compose.yml services", ok: true,
                                    detail: "holds in serverless-compose.yml", source: "built in")
        _ = reduce(&state, .probeFinished(LiveFixture.status([LiveFixture.verdict(id: "2.5", .pending, [holding, failing])])))
        state.select(item: 5)
        let text = render(state).text
        #expect(text.contains("text services/**/serverless.yml absent \"${cf:\"  services/users/serverless.yml:42 still has ${cf:"))
        #expect(text.contains("yaml serverless-compose.yml services  holds in serverless-compose.yml"))
    }

    @Test func aReloadedPlanIsJudgedAgainOnceItWasJudged() {
        var state = OutlineFixture.state()
        #expect(reduce(&state, .planLoaded(state.outline, reason: .outsideEdit)).isEmpty, "nothing judged yet")
        _ = reduce(&state, .probeFinished(LiveFixture.status([])))
        #expect(reduce(&state, .planLoaded(state.outline, reason: .outsideEdit)) == [.probe(stage: "dev")])
        #expect(state.message?.text == "The plan changed on disk; reloaded.")
    }

    @Test func aChangedCheckedFileStartsAQuietProbe() {
        var state = OutlineFixture.state()
        _ = reduce(&state, .probeFinished(LiveFixture.status([])))
        #expect(reduce(&state, .checkedFilesChanged) == [.probe(stage: "dev")])
        #expect(state.message?.text == "A checked file changed; judging again.")
    }
}
