import ArgumentParser
import Foundation
import PlanKit

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the plan's progress: phases, counts and a progress bar each."
    )

    @OptionGroup var options: PlanOptions

    @Flag(name: .long, help: "Print JSON (docs/json.md) instead of a table.")
    var json = false

    func run() throws {
        let file = try options.loadPlan()
        if json {
            print(StatusReport.json(file.document, planPath: file.path).rendered())
        } else {
            print(StatusReport.table(file.document, unicode: TerminalText.unicodeLocale()), terminator: "")
        }
    }
}
