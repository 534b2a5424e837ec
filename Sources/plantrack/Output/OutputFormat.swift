import ArgumentParser
import PlanKit

/// How a report is printed (CONTRACT §8): a table for people, JSON for scripts,
/// workflow commands that annotate a pull request, or a JUnit document for CI test views.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json, github, junit
}

/// `--format F` and its older spelling `--json`, shared by the commands that report findings.
struct FormatOptions: ParsableArguments {
    @Flag(help: "Print JSON (docs/json.md); the same as --format json.")
    var json = false

    @Option(help: "text (default), json, github (GitHub Actions workflow commands) or junit (verify only).")
    var format: OutputFormat?

    /// The format asked for, refused (exit 2) when `command` cannot print it or `--json`
    /// contradicts `--format`.
    func resolved(for command: String, supporting supported: [OutputFormat]) throws -> OutputFormat {
        let chosen = format ?? (json ? .json : .text)
        if json && chosen != .json {
            throw Failure("--json and --format \(chosen.rawValue) disagree; give one of them", exitCode: 2)
        }
        guard supported.contains(chosen) else {
            let names = supported.map(\.rawValue).joined(separator: ", ")
            throw Failure("\(command) has no --format \(chosen.rawValue); it prints \(names)", exitCode: 2)
        }
        return chosen
    }
}
