import ArgumentParser
import Dashboard
import Foundation
import PlanKit

/// `plantrack themes`: every theme found, one a line, with where it comes from.
/// A theme file that does not parse is listed as invalid and, after the list, named
/// in one sentence on stderr (exit 2, as for any malformed theme).
struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List the themes found: next to the plan, in $XDG_CONFIG_HOME/plantrack/themes, in the install prefix, built in."
    )

    @OptionGroup var options: PlanOptions

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let catalog = ThemeCatalog.standard(planDirectory: try planDirectory, environment: environment)
        let entries = catalog.entries()
        let nameWidth = max(16, (entries.map(\.name.count).max() ?? 0) + 2)
        var firstProblem: ThemeError?
        for entry in entries {
            var origin: String
            switch entry.origin {
            case .builtIn: origin = "built-in"
            case .file(let path):
                let shadowsBuiltIn = BuiltInThemes.names.contains(entry.name)
                origin = path + (entry.overridesBuiltIn ? " (overrides built-in)" : shadowsBuiltIn ? " (same as built-in)" : "")
            }
            do {
                _ = try catalog.load(entry.name)
            } catch {
                origin += " (invalid)"
                firstProblem = firstProblem ?? error
            }
            let name = entry.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
            print(TerminalText.sanitized(name + origin))
        }
        if let firstProblem {
            throw firstProblem
        }
    }

    /// The folder whose themes/ is searched first: the config's when one is named,
    /// else the plan's (`--plan`, else `plan:` of the config, else ./REFACTOR_PLAN.md).
    private var planDirectory: String {
        get throws {
            if let config = options.config {
                return (config as NSString).deletingLastPathComponent.nonEmpty ?? "."
            }
            return (try options.lookup().planPath as NSString).deletingLastPathComponent.nonEmpty ?? "."
        }
    }
}

extension String {
    fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}
