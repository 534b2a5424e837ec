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
        let plan = try options.readPlan()
        if json {
            print(StatusReport.json(plan.document, planPath: plan.path).rendered())
        } else {
            print(StatusReport.table(plan.document, unicode: TerminalText.unicodeLocale()), terminator: "")
        }
    }
}
