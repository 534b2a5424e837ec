import Evidence
import Foundation
import PlanKit

/// `plantrack report --html`: one page that needs nothing else (CONTRACT §12): no
/// script, no stylesheet, font or image from outside; the charts are inline SVG with
/// titles and the same facts in text; light and dark by `prefers-color-scheme`.
enum HTMLReport {
    struct Input {
        var document: PlanDocument
        var planPath: String
        var lint: [LintFinding]
        var history: LoadedHistory?
        /// Why there is no history, when there is none.
        var historyMissing: String?
        var verdicts: [StageVerdicts] = []
        var generated: Date
    }

    /// One stage's verdicts, in plan order.
    struct StageVerdicts {
        var stage: String
        var verdicts: [ItemVerdict]
    }

    static func render(_ input: Input) -> String {
        let e = HTMLText.escaped
        let document = input.document
        let title = document.title ?? input.planPath
        var body = "<header><h1>\(e(title))</h1>\n" + summary(input) + "</header>\n"
        body += phases(document)
        body += history(input)
        body += verdicts(input.verdicts)
        body += lint(input.lint)
        body += "<footer><p>Made by plantrack from \(e(input.planPath)) on \(Timestamp.rfc3339(input.generated)).</p></footer>\n"
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(title)) — progress report</title>
            <style>\(style)</style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    static func summary(_ input: Input) -> String {
        let e = HTMLText.escaped
        let counts = input.document.counts
        let status = input.document.status?.value ?? counts.derivedStatus
        let stamp = input.document.lastUpdated.map { $0.value == MetadataField.neverStamped ? "never" : $0.value } ?? "—"
        var out = "<dl class=\"meta\"><dt>Status</dt><dd>\(e(status))"
        if let written = input.document.status?.value, written != counts.derivedStatus {
            out += " (the items say \(e(counts.derivedStatus)))"
        }
        out += "</dd><dt>Last Updated</dt><dd>\(e(stamp))</dd>"
        out += "<dt>Settled</dt><dd>\(counts.settled) of \(counts.total) items (done \(counts.done), aborted \(counts.aborted), cancelled \(counts.cancelled)); \(counts.todo) to do, \(counts.progress) in progress</dd></dl>\n"
        return out
    }

    static func phases(_ document: PlanDocument) -> String {
        let e = HTMLText.escaped
        var out = "<section><h2>Phases</h2>\n<table class=\"phases\"><thead><tr><th>Phase</th><th>Progress</th><th>Settled</th></tr></thead><tbody>\n"
        for section in document.sectionsWithTasks {
            let counts = document.counts(in: section)
            let name = section.phase.map { "Phase \($0): " } ?? ""
            let title = name + (section.title ?? "(before the first heading)")
            let label = "\(title): \(counts.settled) of \(counts.total) settled"
            out += "<tr><th scope=\"row\">\(e(title))</th><td>\(BurnUpSVG.bar(settled: counts.settled, total: counts.total, label: label))</td>"
            out += "<td>\(counts.settled) / \(counts.total)</td></tr>\n"
        }
        return out + "</tbody></table></section>\n"
    }

    static func history(_ input: Input) -> String {
        let e = HTMLText.escaped
        guard let loaded = input.history, !loaded.history.points.isEmpty else {
            return "<section><h2>Progress over time</h2><p>\(e(input.historyMissing ?? "No history."))</p></section>\n"
        }
        let buckets = BurnUp.buckets(loaded.history.points, by: .week)
        var out = "<section><h2>Progress over time</h2>\n<figure>" + BurnUpSVG.render(buckets, unit: "week")
        out += "<figcaption>Closed items (filled) against the total (line), per week.</figcaption></figure>\n"
        out += "<p class=\"forecast\">" + e(loaded.forecast.map { "Forecast: " + $0.sentence + " (" + $0.basis + ")." }
            ?? "Forecast: none, no item closed in the last 4 weeks of history.") + "</p>\n"
        out += "<details><summary>The burn-up as a table</summary><table><thead><tr><th>Week of</th><th>Closed</th><th>Total</th></tr></thead><tbody>\n"
        for bucket in buckets {
            out += "<tr><td>\(e(bucket.label))</td><td>\(bucket.closed)</td><td>\(bucket.total)</td></tr>\n"
        }
        out += "</tbody></table></details>\n"
        let changed = loaded.history.points.filter(\.hasChanges).suffix(8).reversed()
        out += "<h3>Last changes</h3><ul class=\"changes\">\n"
        for point in changed {
            let commit = point.commit.map { String($0.prefix(7)) } ?? "work tree"
            out += "<li><time>\(HistoryReport.day(point))</time> <code>\(e(commit))</code> \(e(point.author ?? "(uncommitted)")): \(e(HistoryReport.changes(point)))</li>\n"
        }
        return out + "</ul></section>\n"
    }

    /// One row per item with evidence in any stage, one column per stage (the matrix).
    static func verdicts(_ stages: [StageVerdicts]) -> String {
        let e = HTMLText.escaped
        guard let first = stages.first else { return "" }
        let listed = first.verdicts.indices.filter { index in
            stages.contains { index < $0.verdicts.count && !$0.verdicts[index].evidence.isEmpty }
        }
        var out = "<section><h2>Verdicts</h2>\n"
        guard !listed.isEmpty else { return out + "<p>No item has evidence to hold its claim against.</p></section>\n" }
        out += "<table class=\"verdicts\"><thead><tr><th>Item</th>"
        out += stages.map { "<th>\(e($0.stage))</th>" }.joined() + "</tr></thead><tbody>\n"
        for index in listed {
            let item = first.verdicts[index].item
            out += "<tr><th scope=\"row\">\(e(item.reference.name)) <span class=\"state\">(\(e(item.state.rawValue)))</span></th>"
            for stage in stages where index < stage.verdicts.count {
                let verdict = stage.verdicts[index]
                let failing = verdict.evidence.filter { $0.ok == false }.prefix(3).map { "\($0.kind.rawValue) \($0.name): \($0.detail)" }
                out += "<td class=\"\(verdict.verdict.rawValue)\">\(verdict.verdict.rawValue)"
                if !failing.isEmpty { out += "<small>" + failing.map(e).joined(separator: "<br>") + "</small>" }
                out += "</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody></table></section>\n"
    }

    static func lint(_ findings: [LintFinding]) -> String {
        let e = HTMLText.escaped
        guard !findings.isEmpty else { return "<section><h2>Lint</h2><p>No problems found.</p></section>\n" }
        var out = "<section><h2>Lint</h2><ul class=\"lint\">\n"
        for finding in findings {
            out += "<li class=\"\(finding.severity.rawValue)\">line \(finding.line): <strong>\(finding.severity.rawValue)</strong> \(e(finding.message)) <code>\(e(finding.rule))</code></li>\n"
        }
        return out + "</ul></section>\n"
    }

    static let style = """
        :root{color-scheme:light dark;--fg:#1f2328;--bg:#ffffff;--muted:#59636e;--line:#d1d9e0;--done:#1a7f37;--open:#d1d9e0;--total:#0969da;--error:#cf222e;--warning:#9a6700}
        @media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--muted:#9198a1;--line:#3d444d;--done:#3fb950;--open:#3d444d;--total:#4493f8;--error:#f85149;--warning:#d29922}}
        *{box-sizing:border-box}
        body{margin:0 auto;max-width:56rem;padding:1rem;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg);overflow-wrap:anywhere}
        h1{font-size:1.6rem;margin:.2rem 0}
        dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
        dt{color:var(--muted)} dd{margin:0}
        table{border-collapse:collapse;width:100%}
        th,td{text-align:left;padding:.3rem .4rem;border-bottom:1px solid var(--line);vertical-align:middle}
        table.phases td:nth-child(2){width:40%}
        svg.bar{display:block;width:100%;height:.8rem}
        svg.bar .open{fill:var(--open)} svg.bar .done{fill:var(--done)}
        svg.burnup{width:100%;height:auto;max-height:18rem}
        svg.burnup .axis{stroke:var(--muted);stroke-width:1}
        svg.burnup .closed{fill:var(--done);fill-opacity:.6;stroke:var(--done)}
        svg.burnup .total{fill:none;stroke:var(--total);stroke-width:2}
        svg.burnup text{fill:var(--muted);font-size:12px}
        figure{margin:0} figcaption,footer{color:var(--muted);font-size:.9rem}
        table.verdicts td small{display:block;color:var(--muted)}
        td.drift{color:var(--error);font-weight:600} td.verified{color:var(--done)} td.ready{color:var(--total)}
        li.error strong{color:var(--error)} li.warning strong{color:var(--warning)}
        @media (max-width:32rem){table.phases td:nth-child(2){width:30%} body{padding:.5rem}}
        @media print{:root{--fg:#000;--bg:#fff;--muted:#333;--open:#ddd;--done:#1a7f37}body{max-width:none}details{display:block}details>*{display:block}section{break-inside:avoid}}
        """
}
