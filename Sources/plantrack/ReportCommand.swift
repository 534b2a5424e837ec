import ArgumentParser
import Foundation
import GitHistory
import PlanKit

/// `plantrack report --html FILE`: one self-contained page to share (CONTRACT §12).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML page: status, phases, burn-up and forecast, lint findings.",
        discussion: """
            The page needs nothing else: no script and nothing loaded from outside; charts are \
            inline SVG with text alternatives; it follows the reader's light or dark setting. \
            Without git history the page says why and leaves the burn-up out. \
            Exit codes: 0 written, 2 bad input, 3 plan unreadable or FILE unwritable.
            """
    )

    @OptionGroup var options: PlanOptions

    @Option(name: .long, help: "The HTML file to write.")
    var html: String

    func run() throws {
        let file = try options.loadPlan()
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
            history: history, historyMissing: missing, generated: Date()))
        do {
            try Data(page.utf8).write(to: URL(fileURLWithPath: html), options: .atomic)
        } catch {
            throw Failure("\(html) cannot be written (\((error as NSError).localizedDescription)); no report was made", exitCode: 3)
        }
    }
}
