import ArgumentParser
import Evidence
import Foundation
import GitHistory
import PlanKit

/// `plantrack report --html FILE`: one self-contained page to share (CONTRACT §12).
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML page: status, phases, burn-up and forecast, verdicts, lint findings.",
        discussion: """
            The page needs nothing else: no script and nothing loaded from outside; charts are \
            inline SVG with text alternatives; it follows the reader's light or dark setting. \
            Without git history the page says why and leaves the burn-up out. With --stages, \
            each item's verdict per stage, judged as plantrack verify judges it. \
            Exit codes: 0 written, 2 bad input, 3 plan unreadable or FILE unwritable, 4 AWS failure.
            """
    )

    @OptionGroup var options: PlanOptions
    @OptionGroup var aws: AWSOptions

    @Option(name: .long, help: "The HTML file to write.")
    var html: String

    @Option(name: .long, help: "Stages whose verdicts the page shows side by side, comma-separated (e.g. dev,prod).")
    var stages: String?

    func run() async throws {
        let lookup = try options.lookup()
        let file = try options.loadPlan()
        let verdicts = try await stageVerdicts(lookup: lookup, document: file.document)
        var history: LoadedHistory?
        var missing: String?
        do {
            history = try LoadedHistory.load(planPath: file.path)
            history?.notes(planPath: file.path).forEach(LoadedHistory.printNote)
        } catch let failure as GitHistoryError {
            missing = "No burn-up: " + failure.sentence
        }
        let page = HTMLReport.render(HTMLReport.Input(
            document: file.document, planPath: file.path, lint: PlanLint.findings(for: file.document),
            history: history, historyMissing: missing, verdicts: verdicts, generated: Date()))
        do {
            try Data(page.utf8).write(to: URL(fileURLWithPath: html), options: .atomic)
        } catch {
            throw Failure("\(html) cannot be written (\((error as NSError).localizedDescription)); no report was made", exitCode: 3)
        }
    }

    /// Each stage asked for, judged at once as `verify --stages` judges them; the command ends
    /// as `verify` does (exit 4, before anything is written) only when no stage could be asked.
    private func stageVerdicts(lookup: ConfigLookup, document: PlanDocument) async throws -> [HTMLReport.StageVerdicts] {
        let names = (stages ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !names.isEmpty else { return [] }
        let settings = names.map {
            EvidenceSettings(lookup: lookup, stage: $0, region: aws.region, profile: aws.profile, endpointURL: aws.endpointURL)
        }
        try settings[0].validateProject()
        let matrix = await StageMatrix.evaluate(items: document.items, stages: settings)
        if !matrix.anyAsked { throw Failure.aws(matrix.columns.flatMap { $0.failures.map(\.message) }) }
        return matrix.columns.map { HTMLReport.StageVerdicts(stage: $0.stage, verdicts: $0.verdicts) }
    }
}
