import ArgumentParser
import Foundation
import PlanKit

@main
struct PlanTrack: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plantrack",
        abstract: "Keeps a refactor plan honest: a dashboard, status, lint and live AWS evidence.",
        version: "0.1.0",
        subcommands: [
            TuiCommand.self, StatusCommand.self, MarkCommand.self, LintCommand.self, ProbeCommand.self,
            VerifyCommand.self, HistoryCommand.self, ReportCommand.self, ThemesCommand.self, TerminalCheckCommand.self, BenchParseCommand.self,
        ],
        defaultSubcommand: TuiCommand.self
    )

    /// Runs the command and maps every failure to CONTRACT §2: one sentence on stderr and
    /// its exit code (argument errors are usage errors, 2, not ArgumentParser's 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            Terminal.printError(failure.message)
            Foundation.exit(failure.code)
        } catch let error as PlanError {
            Terminal.printError(error.description)
            Foundation.exit(error.exitCode)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                Foundation.exit(0)
            }
            if !message.isEmpty { Terminal.printError(Terminal.oneSentence(message)) }
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}

/// A failure with the sentence the user reads and the exit code CONTRACT §2 gives it.
struct CommandFailure: Error {
    var message: String
    var code: Int32
}

enum Terminal {
    /// ArgumentParser's error with its usage block reduced to one line: the sentence and
    /// where help is.
    static func oneSentence(_ message: String) -> String {
        let lines = message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        var sentence = lines.first ?? message
        if sentence.hasPrefix("Error: ") { sentence.removeFirst("Error: ".count) }
        if let help = lines.first(where: { $0.hasPrefix("See '") }) { sentence += "; s" + help.dropFirst() }
        return sentence
    }

    static func printError(_ message: String) {
        var sentence = TerminalText.sanitized(message)
        if let last = sentence.last, !".!?".contains(last) { sentence += "." }
        FileHandle.standardError.write(Data(("plantrack: " + sentence + "\n").utf8))
    }
}
