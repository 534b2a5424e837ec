import ArgumentParser
import CursesTerminal
import Dashboard
import DashboardLoop
import Foundation
import PlanKit
#if canImport(Glibc)
import Glibc
#endif

/// `plantrack tui`: the interactive dashboard over the plan and its live evidence.
struct TuiCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui",
        abstract: "Open the interactive dashboard: browse the plan, change marks, watch live status."
    )

    @Option(name: .long, help: "The plan file (default: plan: from the config, else ./REFACTOR_PLAN.md).")
    var plan: String?

    @Option(name: .long, help: "The config file (default: .plantrack.yml in the plan's folder, if present).")
    var config: String?

    @Option(name: .long, help: "A theme name (see `plantrack themes`) or a theme file.")
    var theme: String?

    @Flag(name: .long, help: "Click to select and scroll with the wheel (the terminal's own selection is lost).")
    var mouse = false

    @OptionGroup var aws: AWSOptions

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        BenchLog(environment: environment)?.record("run_entry_epoch", Date().timeIntervalSince1970)
        if let problem = Self.terminalProblem(environment: environment) { throw problem }
        let settings = try TuiSettings.resolve(plan: plan, config: config, theme: theme, stage: aws.stage,
                                               region: aws.region, profile: aws.profile, endpointURL: aws.endpointURL,
                                               environment: environment)
        let file = try PlanFile(path: settings.planPath)
        let themeValue = try settings.catalog.load(settings.themeName)
        let terminal: DashboardTerminal = try CursesDashboardTerminal(mouse: mouse, environment: environment)
        let app = DashboardApp(
            planFile: file, displayPath: settings.displayPath, terminal: terminal, theme: themeValue,
            themeNames: settings.catalog.entries().map(\.name), catalog: settings.catalog, live: settings.live,
            refresh: settings.refresh, stages: settings.stages, stage: settings.stage, mouse: mouse,
            environment: environment, history: Self.history(planPath: settings.planPath))
        app.run()
        terminal.shutDown()
    }

    /// The plan's history from git, read off the loop's thread (issue 14: the first frame never waits for git).
    static func history(planPath: String) -> HistorySource {
        HistorySource {
            do {
                return .historyLoaded(try LoadedHistory.load(planPath: planPath).history)
            } catch {
                return .historyFailed("No history: \(error)")
            }
        }
    }

    /// Not a terminal or TERM unset/dumb: the dashboard cannot draw (CONTRACT: exit 2).
    static func terminalProblem(environment: [String: String]) -> TerminalError? {
        if isatty(STDIN_FILENO) == 0 || isatty(STDOUT_FILENO) == 0 {
            return .notATerminal(stream: isatty(STDIN_FILENO) == 0 ? "standard input" : "standard output")
        }
        let term = environment["TERM"] ?? ""
        if term.isEmpty || term == "dumb" { return .dumbTerminal(term: term.isEmpty ? nil : term) }
        return nil
    }
}
