import Evidence
import Foundation
import PlanKit
import Testing
@testable import Dashboard

/// Verdicts as the evidence layer gives them, on the items of a fixture outline (parsed by
/// PlanKit from the outline's own lines, so they carry the same ids and lines).
enum LiveFixture {
    static func verdict(_ outline: PlanOutline = OutlineFixture.small, id: String, line: Int? = nil,
                        _ verdict: Verdict, _ evidence: [EvidenceCheck]) -> ItemVerdict {
        let document = try! PlanDocument(bytes: Array(outline.lines.joined(separator: "\n").utf8))
        let item = document.items.first { $0.id == id && (line == nil || $0.line == line) }!
        return ItemVerdict(item: item, verdict: verdict, evidence: evidence)
    }

    static func status(_ verdicts: [ItemVerdict], at date: Date = OutlineFixture.epoch) -> LiveStatus {
        LiveStatus(stage: "dev", probedAt: date, verdicts: verdicts)
    }
}

@Suite struct ReduceLiveTests {
    let t0 = OutlineFixture.epoch

    func status(stage: String = "dev", at date: Date, verdict: Verdict = .drift) -> LiveStatus {
        LiveStatus(stage: stage, probedAt: date, verdicts: [LiveFixture.verdict(id: "2.5", verdict, [
            EvidenceCheck(kind: .stack, name: "listbackup-s3-dev", ok: false, detail: "missing", source: "s"),
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
        #expect(state.selected?.id == "2.5")  // phase 1 has no drift: the filter shows phase 2's
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
        let missing = EvidenceCheck(kind: .stack, name: "listbackup-s3-dev", ok: false, detail: "missing", source: "s")
        _ = reduce(&state, .probeFinished(LiveFixture.status([
            LiveFixture.verdict(id: "2.5", .pending, [missing]),
            LiveFixture.verdict(id: "2.1", .ready, [EvidenceCheck(kind: .file, name: "infra", ok: true, detail: "exists",
                                                                  source: "plan")]),
        ])))
        state.select(item: 5)
        #expect(state.selected.flatMap(state.evidence(for:))?.verdict == .pending)
        let change = StateChange(item: ItemLocator(id: "2.5", line: state.selected!.line, text: state.selected!.text), mark: "x")
        _ = reduce(&state, .markWritten(OutlineFixture.outcome(of: change, in: state.outline), origin: .user,
                                        outline: OutlineFixture.with(state.outline, id: "2.5", mark: "x")))
        #expect(state.selected.flatMap(state.evidence(for:))?.verdict == .drift)
        #expect(render(state).text.contains("Verdict: drift"))
    }

    /// Issue 12 point 5: aborting a task skips its steps at once, with the task named in Detail;
    /// reopening it judges them again.
    @Test func abortingATaskSkipsItsStepsBeforeTheNextProbe() {
        var state = OutlineFixture.state(width: 220, height: 30)
        let holds = EvidenceCheck(kind: .file, name: "go.mod", ok: true, detail: "exists", source: ".plantrack.yml")
        _ = reduce(&state, .probeFinished(LiveFixture.status([LiveFixture.verdict(id: "1.2.1", .ready, [holds])])))
        let step = 2
        #expect(state.evidence(for: state.outline.items[step])?.verdict == .ready)
        state.select(item: 1)
        let abort = StateChange(item: ItemLocator(id: "1.2", line: state.selected!.line, text: state.selected!.text), mark: "!")
        let aborted = OutlineFixture.with(state.outline, id: "1.2", mark: "!")
        _ = reduce(&state, .markWritten(OutlineFixture.outcome(of: abort, in: state.outline), origin: .user, outline: aborted))
        #expect(state.evidence(for: state.outline.items[step])?.verdict == .skipped)
        state.select(item: step)
        #expect(render(state).text.contains("skipped: under TODO 1.2"))
        let reopen = StateChange(item: ItemLocator(id: "1.2", line: aborted.items[1].line, text: aborted.items[1].text), mark: " ")
        _ = reduce(&state, .markWritten(OutlineFixture.outcome(of: reopen, in: state.outline), origin: .user,
                                        outline: OutlineFixture.with(aborted, id: "1.2", mark: " ")))
        #expect(state.evidence(for: state.outline.items[step])?.verdict == .ready)
    }
}

/// One meaning of a CloudFormation status (issue 7 item 2): the colour of a stack is the
/// probe's answer to "is it live", carried on the check, not a second reading of the status.
@Suite struct StackColourTests {
    func roles(of word: String, status: String, live: Bool, ok: Bool) -> (Set<StyleRole>, String) {
        var state = OutlineFixture.state(OutlineFixture.with(OutlineFixture.small, id: "2.5", mark: "x"))
        let check = EvidenceCheck(kind: .stack, name: "listbackup-s3-dev", ok: ok, detail: status, source: "s",
                                  status: status, live: live)
        _ = reduce(&state, .probeFinished(LiveFixture.status([LiveFixture.verdict(id: "2.5", .verified, [check])])))
        state.select(item: 5)
        let screen = render(state)
        var roles = Set<StyleRole>()
        let lines = screen.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (row, line) in lines.enumerated() {
            guard let range = line.range(of: word) else { continue }
            let start = line.distance(from: line.startIndex, to: range.lowerBound)
            if screen[row, start].role == .dim { continue }  // the verdict's one-line reason, dim, names it too
            for column in start..<(start + word.count) { roles.insert(screen[row, column].role) }
        }
        return (roles, screen.text)
    }

    @Test func importRollbackCompleteIsLiveInTheVerdictAndPaintedOk() {
        let (roles, text) = roles(of: "IMPORT_ROLLBACK_COMPLETE", status: "IMPORT_ROLLBACK_COMPLETE", live: true, ok: true)
        #expect(roles == [.stackLive])
        #expect(text.contains("Verdict: verified"))
    }

    @Test func aStackTheProbeCallsNotLiveIsPaintedFailed() {
        let (roles, text) = roles(of: "ROLLBACK_COMPLETE", status: "ROLLBACK_COMPLETE", live: false, ok: false)
        #expect(roles == [.stackFailed])
        #expect(text.contains("Verdict: drift"))
    }
}

/// Issue 10 point 10: two items sharing an id keep their own verdicts, as `verify` lists them.
@Suite struct DuplicateIdTests {
    @Test func eachOfTwoItemsNumberedAlikeShowsItsOwnVerdict() {
        let outline = OutlineFixture.make([.init(phase: "Only", number: "2", items: [
            ("2.5", "x", "**TODO 2.5:** Create `a.yml`.", 0),
            ("2.5", "x", "**TODO 2.5:** Create `b.yml`.", 0),
        ])])
        var state = OutlineFixture.state(outline)
        let first = outline.items[0].line, second = outline.items[1].line
        _ = reduce(&state, .probeFinished(LiveFixture.status([
            LiveFixture.verdict(outline, id: "2.5", line: first, .verified,
                                [EvidenceCheck(kind: .file, name: "a.yml", ok: true, detail: "exists", source: "plan")]),
            LiveFixture.verdict(outline, id: "2.5", line: second, .drift,
                                [EvidenceCheck(kind: .file, name: "b.yml", ok: false, detail: "missing", source: "plan")]),
        ])))
        #expect(state.evidence(for: state.outline.items[0])?.verdict == .verified)
        #expect(state.evidence(for: state.outline.items[1])?.verdict == .drift)
    }
}
