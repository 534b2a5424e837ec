import ArgumentParser
import Foundation
import PlanKit

extension HistoryBucketing: ExpressibleByArgument {}

/// `plantrack history`: the plan's progress over its git history (CONTRACT §12).
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show the plan's progress over its git history: a burn-up, the last changes and a forecast.",
        discussion: """
            Reads the commits that changed the plan (following renames) and the uncommitted \
            changes, scans each version and names the items closed, reopened, added and removed. \
            The forecast projects the open items at the pace of the last 4 weeks. \
            Exit codes: 0 success, 2 no git, not a repository or an untracked plan, 3 plan unreadable.
            """
    )

    @OptionGroup var options: PlanOptions

    @Flag(name: .long, help: "Print CONTRACT §12's JSON instead of the chart.")
    var json = false

    @Option(name: .long, help: "Group the chart by commit, day or week (default: week).")
    var by: HistoryBucketing = .week

    func run() throws {
        let file = try options.loadPlan()
        let loaded = try LoadedHistory.load(planPath: file.path)
        loaded.notes(planPath: file.path).forEach(LoadedHistory.printNote)
        if json {
            Terminal.print(HistoryReport.json(loaded, planPath: file.path).rendered())
        } else {
            Terminal.print(HistoryReport.text(loaded, document: file.document, planPath: file.path,
                                                 by: by, unicode: TerminalText.unicodeLocale()))
        }
    }
}
