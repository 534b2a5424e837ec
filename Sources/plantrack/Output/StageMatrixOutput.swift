import Evidence
import PlanKit

extension StageMatrixReport {
    /// The matrix in `format`: the CI formats hold each stage as a one-stage `verify` would
    /// (annotations titled by stage, one JUnit suite per stage).
    func rendered(as format: OutputFormat, document: PlanDocument, plan: String, width: Int) -> String {
        switch format {
        case .text: return table(width: width, unicode: TerminalText.unicodeLocale())
        case .json: return json()
        case .github:
            return stageReports.flatMap { stage, report in
                CIVerdictRow.rows(of: report, in: document).compactMap {
                    GitHubAnnotation(row: $0, stage: stage, plan: plan)?.rendered
                }
            }.joined(separator: "\n")
        case .junit:
            return JUnitReport(stages: stageReports.map { ($0.stage, CIVerdictRow.rows(of: $0.report, in: document)) },
                               plan: plan).document
        }
    }

    /// Each stage's column as the report a one-stage `verify` gives.
    private var stageReports: [(stage: String, report: VerifyReport)] {
        matrix.columns.map { ($0.stage, VerifyReport(stage: $0.stage, verdicts: $0.verdicts, all: all, apiCalls: $0.apiCalls)) }
    }
}
