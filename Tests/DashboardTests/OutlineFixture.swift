import Foundation
@testable import PlanKit
@testable import Dashboard

/// Small plans built by hand, so reducer tests need no parser: each item is
/// (id, mark, text, depth); depth 1 nests under the closest item above at depth 0.
enum OutlineFixture {
    struct Spec {
        var phase: String
        var number: String?
        var items: [(id: String?, mark: String, text: String, depth: Int)]
    }

    static func make(_ specs: [Spec], path: String = "PLAN.md") -> PlanOutline {
        var items: [OutlineItem] = []
        var phases: [OutlinePhase] = []
        var lines: [String] = ["# Test Plan", "", "**Last Updated**: `{{TIMESTAMP}}`", "**Status**: `Not Started`", ""]
        for (phaseIndex, spec) in specs.enumerated() {
            lines.append("## Phase \(spec.number ?? "?"): \(spec.phase)")
            let headingLine = lines.count
            var top: [Int] = []
            var all: [Int] = []
            var stack: [Int] = []  // open ancestors by depth
            for entry in spec.items {
                let index = items.count
                let indent = String(repeating: "    ", count: entry.depth)
                lines.append("\(indent)- [\(entry.mark)] \(entry.text)")
                stack = Array(stack.prefix(entry.depth))
                let parent = stack.last
                let item = PlanItem(index: index, id: entry.id, line: lines.count, markOffset: 0, mark: entry.mark,
                                    state: ItemState(mark: entry.mark), text: entry.text, parent: parent,
                                    children: [], depth: entry.depth, section: phaseIndex, endLine: lines.count)
                items.append(OutlineItem(item: item, phase: phaseIndex))
                if let parent { items[parent].children.append(index) } else { top.append(index) }
                var ancestor = parent
                while let a = ancestor { items[a].endLine = lines.count; ancestor = items[a].parent }
                stack.append(index)
                all.append(index)
            }
            lines.append("")
            phases.append(OutlinePhase(number: spec.number, title: spec.phase, line: headingLine,
                                       endLine: lines.count, topItems: top, allItems: all))
        }
        return PlanOutline(path: path, title: "Test Plan", status: "Not Started", lastUpdated: "{{TIMESTAMP}}",
                           items: items, phases: phases, lines: lines)
    }

    /// Two phases: 1.1 done, 1.2 with children 1.2.1 (todo) and 1.2.2 (done); 2.1 todo, 2.5 todo.
    static let small = make([
        Spec(phase: "First", number: "1", items: [
            ("1.1", "x", "**TODO 1.1:** Create `infra` folder.", 0),
            ("1.2", " ", "**TODO 1.2: Refactor services**:", 0),
            ("1.2.1", " ", "**TODO 1.2.1:** Add the plugin.", 1),
            ("1.2.2", "x", "**TODO 1.2.2:** Remove resources.", 1),
        ]),
        Spec(phase: "Second", number: "2", items: [
            ("2.1", " ", "**TODO 2.1:** Create the table.", 0),
            ("2.5", " ", "**TODO 2.5:** Deploy all `infra` stacks and verify SSM.", 0),
        ]),
    ])

    static let epoch = Date(timeIntervalSince1970: 1_800_000_000)

    static func state(_ outline: PlanOutline = small, width: Int = 80, height: Int = 24,
                      refresh: TimeInterval = 0, stages: [String] = ["dev"]) -> DashboardState {
        DashboardState(outline: outline, width: width, height: height, now: epoch, refresh: refresh,
                       stages: stages, themes: ["default", "light", "mono"])
    }

    /// The same plan with one item's mark changed, as a write would leave it.
    static func with(_ outline: PlanOutline, id: String, mark: String) -> PlanOutline {
        var copy = outline
        if let index = copy.items.firstIndex(where: { $0.id == id }) {
            copy.items[index].mark = mark
            copy.items[index].state = ItemState(mark: mark)
        }
        return copy
    }

    /// What PlanFile reports for `change` written to `outline`: the item before and after,
    /// with the metadata the fixture's plan holds before and a stamp after.
    static func outcome(of change: StateChange, in outline: PlanOutline) -> EditOutcome {
        let item = outline.items.first { change.item.reference.names($0.item) }!.item
        var written = item
        written.mark = change.mark
        written.state = ItemState(mark: change.mark)
        let before = MarkedState(mark: item.mark, lastUpdated: outline.lastUpdated, status: outline.status)
        let after = change.restoring
            ?? MarkedState(mark: change.mark, lastUpdated: "2027-01-15T08:00:00Z", status: "In Progress")
        return EditOutcome(wrote: true, reapplied: false, item: written, before: before, after: after)
    }
}
