import Evidence
import PlanKit

extension Painter {
    /// The selected item in full: state, text (wrapped), the notes near it, its evidence.
    mutating func paintDetail() {
        let rect = layout.detail
        paintTitle("Detail", in: rect, pane: .detail)
        let width = rect.width - 2
        guard let item = state.selected, width > 4 else {
            canvas.put("Nothing selected.", row: rect.row + 1, column: rect.column + 1, width: width, role: .dim)
            return
        }
        let lines = detailLines(item, width: width)
        let rows = layout.detailRows
        var (shown, count) = lines.window(state.detailScroll..<(state.detailScroll + rows))
        let scroll = min(state.detailScroll, max(0, count - rows))
        if scroll != state.detailScroll { shown = lines.window(scroll..<(scroll + rows)).lines }
        for (offset, line) in shown.enumerated() {
            canvas.put(line, row: rect.row + 1 + offset, column: rect.column + 1, width: width, role: .text)
        }
        if count > rows {
            let more = "\(scroll + 1)–\(min(count, scroll + rows))/\(count)"
            canvas.put(more, row: rect.row, column: rect.column + rect.width - DisplayWidth.of(more) - 1,
                       width: DisplayWidth.of(more), role: .dim)
        }
    }

    func detailLines(_ item: OutlineItem, width: Int) -> DetailLines {
        var lines = DetailLines(cache: state.detailCache)
        var heading = [StyledRun(glyphs.mark(item.state, raw: item.mark) + " " + item.state.label, role: item.state.role)]
        if item.id != nil { heading.append(StyledRun(glyphs.separator + item.reference.name, role: .itemId)) }
        heading.append(StyledRun(glyphs.separator + ItemReference.line(item.line).name, role: .dim))
        if item.state == .other { heading.append(StyledRun(glyphs.separator + "mark “\(item.mark)”", role: .dim)) }
        lines.append(heading)
        if let closed = closedLine(item) { lines.append([StyledRun(closed, role: .dim)]) }
        lines.wrap(markdown: item.text, width: width)
        for text in state.ownLines(item) {
            lines.wrap(markdown: text, width: width)
        }
        let notes = state.notesNear(item)
        if !notes.isEmpty {
            lines.append([])
            for note in notes {
                let quoted = note.hasPrefix(">")
                let prefix = quoted ? StyledRun(glyphs.vertical + " ", role: .dim) : StyledRun("")
                lines.wrap(markdown: DashboardState.noteBody(note), width: width - 2, first: prefix,
                           rest: quoted ? prefix : StyledRun("  "))
            }
        }
        lines.append([])
        lines.append(contentsOf: evidenceLines(item, width: width))
        return lines
    }

    func evidenceLines(_ item: OutlineItem, width: Int) -> [[StyledRun]] {
        let live = state.live
        if let reason = state.matrixNotAskedReason {
            return Wrap.lines([StyledRun("Live status (\(state.stage ?? "")): " + reason, role: .error)], width: width)
        }
        guard let status = state.shownStatus else {
            switch live.lastProblem {
            case .offline(let hint)?: return Wrap.lines([StyledRun("Live status offline: " + hint, role: .dim)], width: width)
            case .failed(let message)?: return Wrap.lines([StyledRun("Live status failed: " + message, role: .error)], width: width)
            case nil:
                let text = live.probing ? "Live status: probing…" : "Live status: not probed yet; r probes."
                return [[StyledRun(text, role: .dim)]]
            }
        }
        var head = "Evidence (\(status.stage), \(Self.age(state.now.timeIntervalSince(status.probedAt))))"
        if stale { head += " — stale" }
        var lines: [[StyledRun]] = [[StyledRun(head, .strong, role: stale ? .stale : .text)]]
        guard let evidence = state.evidence(for: item) else {
            lines.append([StyledRun("Verdict: ", role: .dim), StyledRun("unchecked", role: .verdictUnchecked),
                          StyledRun(" (no evidence names this item)", role: .dim)])
            return lines
        }
        lines.append([StyledRun("Verdict: ", role: .dim), StyledRun(evidence.verdict.rawValue, .strong,
                                                                      role: stale ? .stale : evidence.verdict.role)])
        lines += Wrap.lines([StyledRun(VerdictReason.sentence(evidence), role: .dim)], width: width)
        // What fails first: that is what the user needs to see in a short pane.
        let ordered = evidence.evidence.filter { $0.ok == false } + evidence.evidence.filter { $0.ok == nil }
            + evidence.evidence.filter { $0.ok == true }
        for check in ordered {
            let role: StyleRole = stale ? .stale : checkRole(check)
            let mark = check.ok.map { $0 ? glyphs.ok : glyphs.bad } ?? "?"
            let runs = [StyledRun(mark + " ", role: role),
                        StyledRun(check.kind.rawValue + " ", role: .dim),
                        StyledRun(check.name, .code), StyledRun("  " + check.detail, role: role)]
                + (check.changed.map { [StyledRun(", updated " + Self.age(state.now.timeIntervalSince($0)), role: .dim)] } ?? [])
            lines += Wrap.lines(runs, width: width)
        }
        return lines
    }

    /// A check's colour. Whether a stack is live is the probe's answer (`EvidenceCheck.live`),
    /// never re-read from the status here; the status only adds "in progress" and "deleted".
    func checkRole(_ check: EvidenceCheck) -> StyleRole {
        guard let ok = check.ok else { return .dim }
        guard check.kind == .stack, let status = check.status else { return ok ? .stackLive : .stackMissing }
        if status.hasSuffix("_IN_PROGRESS") { return .stackInProgress }
        if check.live == true { return .stackLive }
        return status == "DELETE_COMPLETE" ? .stackMissing : .stackFailed
    }
}

import Foundation
