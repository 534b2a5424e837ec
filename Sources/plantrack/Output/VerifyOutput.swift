import Evidence
import PlanKit

extension VerifyReport {
    /// The report in `format`; `plan` is the plan's path as the user gave it, which
    /// annotations and test cases name.
    func rendered(as format: OutputFormat, document: PlanDocument, plan: String) -> String {
        switch format {
        case .text: return table(unicode: TerminalText.unicodeLocale())
        case .json: return json()
        case .github:
            return CIVerdictRow.rows(of: self, in: document)
                .compactMap { GitHubAnnotation(row: $0, stage: stage, plan: plan)?.rendered }
                .joined(separator: "\n")
        case .junit:
            return JUnitReport(stages: [(stage, CIVerdictRow.rows(of: self, in: document))], plan: plan).document
        }
    }
}
