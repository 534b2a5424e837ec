import PlanKit

/// `lint`'s word on `checks:` (CONTRACT §6, issue 8 point 24): a key that names no item of the
/// plan is evidence nobody will see, most often a renumbered item or a typo.
public enum ChecksLint {
    public static func findings(config: PlanTrackConfig, items: [PlanItem]) -> [LintFinding] {
        config.checks.keys.filter { key in !items.contains(where: key.names) }
            .sorted { $0.description < $1.description }
            .map { key in
                let line: Int
                if case .line(let number) = key { line = number } else { line = 1 }
                return LintFinding(line: line, severity: .warning, rule: "check-names-no-item",
                                   message: "checks: \"\(key.description)\" in \(config.file ?? ".plantrack.yml") names no "
                                       + "item of the plan (no \(key.name)); fix the key or remove it")
            }
    }
}
