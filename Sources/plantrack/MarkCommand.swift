import ArgumentParser
import Foundation
import PlanKit

struct MarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mark",
        abstract: "Set one item's state and write the plan back (only that mark, Last Updated and Status change)."
    )

    @OptionGroup var options: PlanOptions

    @Argument(help: "A TODO id as written in the plan (2.5, 3.2.1) or L<line> for an item without one.")
    var id: String

    @Argument(help: "todo, done, progress, aborted, cancelled, or a single mark character.")
    var state: String

    @Flag(name: .long, help: "Change only the mark: leave Last Updated and Status as they are.")
    var noStamp = false

    func run() throws {
        if options.plan == "-" { throw PlanError.needsAFile }
        _ = try StateChange.mark(forState: state)
        var file = try options.loadPlan()
        let item = try file.document.item(matching: id)
        let change = try StateChange(item: ItemLocator(item), requested: state)
        let outcome = try file.apply(change, stamp: noStamp ? nil : Date())
        let name = outcome.item.reference.name
        guard outcome.wrote else {
            print("\(name) is already [\(TerminalText.sanitized(outcome.item.mark))] (\(outcome.item.state.rawValue)); nothing was written.")
            return
        }
        var message = "\(name): [\(TerminalText.sanitized(outcome.before.mark))] → [\(TerminalText.sanitized(outcome.item.mark))] \(outcome.item.state.rawValue), line \(outcome.item.line)"
        if !noStamp, let status = file.document.status { message += "; Status: \(TerminalText.sanitized(status.value))" }
        if outcome.reapplied { message += " (the file had changed on disk; the change was applied to the new content)" }
        print(message + ".")
    }
}
