import Foundation
import Testing
@testable import Dashboard

@Suite struct ReduceLiveTests {
    let t0 = OutlineFixture.epoch

    func status(stage: String = "dev", at date: Date, verdict: LiveVerdict = .drift) -> LiveStatus {
        LiveStatus(stage: stage, probedAt: date, items: ["2.5": ItemEvidence(verdict: verdict, facts: [
            EvidenceFact(kind: .stack, name: "listbackup-s3-dev", ok: false, detail: "missing"),
        ])])
    }

    @Test func anOverlappingRefreshIsDropped() {
        var state = OutlineFixture.state()
        #expect(reduce(&state, .key(.character("r"))) == [.probe(stage: "dev")])
        #expect(reduce(&state, .key(.character("r"))).isEmpty)
        #expect(state.message?.text == "A probe is already running; this refresh was dropped.")
        #expect(render(state).text.contains("probing dev"))
    }

    @Test func autoRefreshComesDueAndBacksOffAfterFailures() {
        var state = OutlineFixture.state(refresh: 10)
        #expect(reduce(&state, .started) == [.probe(stage: "dev")])
        _ = reduce(&state, .probeFinished(status(at: t0)))
        #expect(reduce(&state, .tick(t0 + 9)).isEmpty)
        #expect(reduce(&state, .tick(t0 + 10)) == [.probe(stage: "dev")])
        _ = reduce(&state, .probeFailed(.failed("ConnectionRefused: the endpoint did not answer."), at: t0 + 11))
        #expect(state.live.nextRefresh == t0 + 11 + 20)
        #expect(reduce(&state, .tick(t0 + 30)).isEmpty)
        #expect(reduce(&state, .tick(t0 + 31)) == [.probe(stage: "dev")])
        _ = reduce(&state, .probeFailed(.failed("again"), at: t0 + 32))
        #expect(state.live.nextRefresh == t0 + 32 + 40)
        #expect(render(state).text.contains("probe failed: again"))
        _ = reduce(&state, .key(.character("r")))
        _ = reduce(&state, .probeFinished(status(at: t0 + 40)))
        #expect(state.live.consecutiveFailures == 0)
        #expect(state.live.nextRefresh == t0 + 50)
    }

    @Test func noCredentialsIsACalmOfflineStateWithoutRetries() {
        var state = OutlineFixture.state(refresh: 10)
        _ = reduce(&state, .started)
        _ = reduce(&state, .probeFailed(.offline(hint: "no AWS credentials; set AWS_PROFILE"), at: t0))
        #expect(state.live.nextRefresh == nil)
        #expect(reduce(&state, .tick(t0 + 100)).isEmpty)
        let screen = render(state).text
        #expect(screen.contains("offline: no AWS credentials; set AWS_PROFILE"))
        #expect(!screen.contains("failed"))
    }

    @Test func oldResultsAreShownAsStale() {
        var state = OutlineFixture.state(refresh: 10)
        _ = reduce(&state, .probeFinished(status(at: t0)))
        state.live.nextRefresh = nil
        _ = reduce(&state, .tick(t0 + 12))
        #expect(render(state).text.contains("dev · probed 12 s ago"))
        #expect(!render(state).text.contains("stale"))
        _ = reduce(&state, .tick(t0 + 25))
        #expect(render(state).text.contains("(stale)"))
    }

    @Test func driftFilterShowsItemsWhoseEvidenceFails() {
        var state = OutlineFixture.state(OutlineFixture.with(OutlineFixture.small, id: "2.5", mark: "x"))
        _ = reduce(&state, .probeFinished(status(at: t0)))
        _ = reduce(&state, .key(.character("f")))
        _ = reduce(&state, .key(.character("f")))
        #expect(state.filter == .drift)
        #expect(state.rows.isEmpty)  // phase 1 has no drift
        state.select(item: 5)
        #expect(state.rows.map { state.outline.items[$0.item].id } == ["2.5"])
        let screen = render(state).text
        #expect(screen.contains("Verdict: drift"))
        #expect(screen.contains("stack listbackup-s3-dev  missing"))
    }

    @Test func switchingStageProbesTheNewStage() {
        var state = OutlineFixture.state(stages: ["dev", "prod"])
        #expect(reduce(&state, .key(.character("s"))) == [.probe(stage: "prod")])
        var single = OutlineFixture.state()
        #expect(reduce(&single, .key(.character("s"))).isEmpty)
    }

    @Test func aStageSwitchDuringAProbeProbesAgainWhenItEnds() {
        var state = OutlineFixture.state(stages: ["dev", "prod"])
        _ = reduce(&state, .key(.character("r")))
        #expect(reduce(&state, .key(.character("s"))).isEmpty)
        #expect(reduce(&state, .probeFinished(status(stage: "dev", at: t0))) == [.probe(stage: "prod")])
    }
}

@Suite struct RejudgeTests {
    @Test func toggleingAnItemRejudgesItsVerdictBeforeTheNextProbe() {
        var state = OutlineFixture.state()
        let missing = EvidenceFact(kind: .stack, name: "listbackup-s3-dev", ok: false, detail: "missing")
        _ = reduce(&state, .probeFinished(LiveStatus(stage: "dev", probedAt: OutlineFixture.epoch, items: [
            "2.5": ItemEvidence(verdict: .pending, facts: [missing]),
            "2.1": ItemEvidence(verdict: .ready, facts: [EvidenceFact(kind: .file, name: "infra", ok: true, detail: "present")]),
        ])))
        state.select(item: 5)
        #expect(state.selected.flatMap(state.evidence(for:))?.verdict == .pending)
        let change = MarkChange(itemID: "2.5", line: state.selected!.line, text: state.selected!.text, from: " ", to: "x")
        _ = reduce(&state, .markWritten(change, origin: .user, outline: OutlineFixture.with(state.outline, id: "2.5", mark: "x")))
        #expect(state.selected.flatMap(state.evidence(for:))?.verdict == .drift)
        #expect(render(state).text.contains("Verdict: drift"))
        #expect(LiveVerdict.judge(.done, facts: [EvidenceFact(kind: .file, name: "f", ok: true, detail: "")]) == .verified)
        #expect(LiveVerdict.judge(.cancelled, facts: [missing]) == .skipped)
        #expect(LiveVerdict.judge(.todo, facts: []) == .unchecked)
    }
}
