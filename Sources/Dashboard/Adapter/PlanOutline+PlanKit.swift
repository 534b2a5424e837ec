import PlanKit

extension PlanOutline {
    /// The dashboard's view of a parsed plan: the sections holding tasks become the
    /// phases, items keep their nesting, and the lines are kept for the detail pane.
    public init(document: PlanDocument, path: String) {
        let sections = document.sections
        var phaseOfSection: [Int: Int] = [:]
        var phases: [OutlinePhase] = []
        for (index, section) in sections.enumerated() where !section.allItems.isEmpty {
            phaseOfSection[index] = phases.count
            phases.append(OutlinePhase(number: section.phase, title: section.title ?? "(before any heading)",
                                       line: section.line, endLine: section.endLine,
                                       topItems: section.items, allItems: section.allItems))
        }
        let items = document.items.map { OutlineItem(item: $0, phase: phaseOfSection[$0.section] ?? 0) }
        let lines = (0..<document.lineCount).map { document.line($0 + 1) }
        self.init(path: path, title: document.title, status: document.status?.value,
                  lastUpdated: document.lastUpdated?.value, items: items, phases: phases, lines: lines)
    }
}
