/// The structural checks of `plantrack lint`. Errors are what makes the plan say
/// something false about itself; warnings are what a careful author would tidy.
public enum PlanLint {
    public static func findings(for document: PlanDocument) -> [LintFinding] {
        var findings: [LintFinding] = []
        findings += duplicateIds(document)
        findings += idsOutOfOrder(document)
        findings += settledParentsWithOpenChildren(document)
        findings += document.taskLikeLines.map {
            LintFinding(line: $0.line, severity: .warning, rule: "not-a-task",
                        message: "'\($0.snippet)' looks like a task but is not one: a task reads '[ ] ' (one character between the brackets, then a space).")
        }
        findings += metadata(document)
        return findings.sorted { ($0.line, $0.rule) < ($1.line, $1.rule) }
    }

    private static func duplicateIds(_ document: PlanDocument) -> [LintFinding] {
        var firstLine: [String: Int] = [:]
        var findings: [LintFinding] = []
        for item in document.items {
            guard let id = item.id else { continue }
            if let first = firstLine[id] {
                findings.append(LintFinding(line: item.line, severity: .error, rule: "duplicate-id",
                                            message: "TODO \(id) is also on line \(first); `plantrack mark \(id)` cannot tell them apart."))
            } else {
                firstLine[id] = item.line
            }
        }
        return findings
    }

    /// Siblings' ids must rise (2.1, 2.2, …); a top-level id should start with its phase's number.
    private static func idsOutOfOrder(_ document: PlanDocument) -> [LintFinding] {
        var findings: [LintFinding] = []
        func check(_ siblings: [Int], phase: String?) {
            var previous: PlanItem?
            for index in siblings {
                let item = document.items[index]
                guard let id = item.id else { continue }
                if let phase, item.parent == nil, id.split(separator: ".").first.map(String.init) != phase {
                    findings.append(LintFinding(line: item.line, severity: .warning, rule: "id-out-of-order",
                                                message: "TODO \(id) stands in Phase \(phase); its id should start with \(phase)."))
                } else if let previous, let previousId = previous.id, !rises(from: previousId, to: id) {
                    findings.append(LintFinding(line: item.line, severity: .warning, rule: "id-out-of-order",
                                                message: "TODO \(id) comes after TODO \(previousId) (line \(previous.line)); ids should rise."))
                }
                previous = item
            }
        }
        for section in document.sections { check(section.items, phase: section.phase) }
        for item in document.items where !item.children.isEmpty { check(item.children, phase: nil) }
        return findings
    }

    private static func rises(from a: String, to b: String) -> Bool {
        let x = a.split(separator: ".").map { Int($0) ?? 0 }
        let y = b.split(separator: ".").map { Int($0) ?? 0 }
        return x.lexicographicallyPrecedes(y)
    }

    private static func settledParentsWithOpenChildren(_ document: PlanDocument) -> [LintFinding] {
        var findings: [LintFinding] = []
        for item in document.items where item.state == .done || item.state == .aborted {
            let open = item.children.map { document.items[$0] }.filter { !$0.state.isSettled }
            guard !open.isEmpty else { continue }
            let name = item.reference.capitalizedName
            let lines = open.map { String($0.line) }.joined(separator: ", ")
            if item.state == .done {
                findings.append(LintFinding(line: item.line, severity: .error, rule: "done-parent-open-children",
                                            message: "\(name) is done but has \(open.count) open sub-task\(open.count == 1 ? "" : "s") (line\(open.count == 1 ? "" : "s") \(lines))."))
            } else {
                findings.append(LintFinding(line: item.line, severity: .warning, rule: "aborted-parent-open-children",
                                            message: "\(name) is aborted but has \(open.count) open sub-task\(open.count == 1 ? "" : "s") (line\(open.count == 1 ? "" : "s") \(lines)); mark them aborted or cancelled."))
            }
        }
        return findings
    }

    private static func metadata(_ document: PlanDocument) -> [LintFinding] {
        var findings: [LintFinding] = []
        if document.lastUpdated == nil {
            findings.append(LintFinding(line: 1, severity: .warning, rule: "missing-last-updated",
                                        message: "The plan has no **Last Updated**: `…` field; add one near the top so edits can be stamped."))
        }
        if document.status == nil {
            findings.append(LintFinding(line: 1, severity: .warning, rule: "missing-status",
                                        message: "The plan has no **Status**: `…` field; add one near the top."))
        }
        let counts = document.counts
        if let field = document.lastUpdated, field.value == MetadataField.neverStamped, counts.done > 0 {
            findings.append(LintFinding(line: field.line, severity: .warning, rule: "never-stamped",
                                        message: "Last Updated was never stamped but \(counts.done) tasks are done; `plantrack mark` stamps it."))
        }
        if let field = document.status, field.value != counts.derivedStatus {
            if StateCounts.isDerived(status: field.value) {
                findings.append(LintFinding(line: field.line, severity: .warning, rule: "status-stale",
                                            message: "Status says '\(field.value)' but the tasks say '\(counts.derivedStatus)'."))
            } else {
                findings.append(LintFinding(line: field.line, severity: .warning, rule: "status-disagrees",
                                            message: "Status says '\(field.value)', written by hand and kept by `plantrack mark`, but the tasks say '\(counts.derivedStatus)'."))
            }
        }
        return findings
    }
}
