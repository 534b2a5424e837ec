import Evidence
import PlanKit

/// A verify verdict as the CI formats print it. The one place that reads `VerifyReport`
/// for them, so a change to how reports hold items and evidence is absorbed here.
struct CIVerdictRow: Equatable {
    var reference: ItemReference
    var line: Int
    /// The title of the section the item stands in (a phase's title without `Phase n:`).
    var phase: String
    /// The item's text as plain text, without its leading `TODO 2.5:`.
    var title: String
    var verdict: Verdict
    /// What fails, one entry per piece of evidence: `stack listbackup-s3-dev: missing`.
    var failing: [String]
    /// Why the item was not judged (skipped, unchecked), for JUnit's `<skipped message=…>`.
    var note: String

    /// The listed items of `report`, in plan order, with the section each stands in.
    static func rows(of report: VerifyReport, in document: PlanDocument) -> [CIVerdictRow] {
        report.listed.map { verdict in
            CIVerdictRow(
                reference: verdict.item.reference, line: verdict.item.line,
                phase: phaseTitle(line: verdict.item.line, in: document),
                title: InlineMarkdown.title(verdict.item.text), verdict: verdict.verdict,
                failing: verdict.evidence.filter { $0.ok == false }.map { "\($0.kind.rawValue) \($0.name): \($0.detail)" },
                note: verdict.verdict == .skipped ? "\(verdict.setAsideReason): nothing is claimed" : "no evidence to hold the claim against")
        }
    }

    /// The title of the last section starting at or before `line`; the plan's title
    /// for items before any heading.
    static func phaseTitle(line: Int, in document: PlanDocument) -> String {
        let section = document.sections.last { ($0.line ?? 0) <= line }
        return section?.title ?? document.title ?? document.name
    }
}
