import ArgumentParser
import Foundation
import PlanKit

@main
struct PlanTrack: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plantrack",
        abstract: "Keeps a refactor plan honest: a dashboard, status, lint and live AWS evidence.",
        version: BuildInfo.versionLine,
        subcommands: [
            TuiCommand.self, StatusCommand.self, MarkCommand.self, LintCommand.self, ProbeCommand.self,
            VerifyCommand.self, InitCommand.self, HistoryCommand.self, ReportCommand.self, ThemesCommand.self, TerminalCheckCommand.self, BenchParseCommand.self,
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
        } catch let error as UserFacingError {
            if !error.sentence.isEmpty { Terminal.printError(error.sentence) }
            Foundation.exit(error.exitCode)
        } catch {
            // ArgumentParser's own: help and version exit 0, anything else is a usage error (2, not 64).
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

extension Failure {
    /// A finding (lint error, verify drift): exit 1, the findings already printed on stdout.
    static let findings = Failure("", exitCode: 1)

    /// The one sentence for AWS failures: the first failure says what to do.
    static func aws(_ failures: [String]) -> Failure {
        Failure(failures.first ?? "AWS did not answer", exitCode: 4)
    }
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

    /// The one place a failure reaches the user: sanitised, prefixed, one sentence.
    static func printError(_ message: String) {
        var sentence = TerminalText.sanitized(message)
        if let last = sentence.last, !".!?".contains(last) { sentence += "." }
        FileHandle.standardError.write(Data(("plantrack: " + sentence + "\n").utf8))
    }

    /// Something the user should know though nothing failed ("ListStacks was denied, …"),
    /// on standard error so that a report on standard output stays clean.
    static func note(_ note: String) {
        FileHandle.standardError.write(Data(("plantrack: note: " + TerminalText.sanitized(note) + "\n").utf8))
    }

    /// A problem that does not stop the command (a file discovery could not read), on standard error.
    static func warning(_ warning: String) {
        FileHandle.standardError.write(Data(("plantrack: warning: " + TerminalText.sanitized(warning) + "\n").utf8))
    }

    /// A report on standard output, written whole.
    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
