import ArgumentParser

@main
struct PlanTrack: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plantrack",
        abstract: "Keeps a refactor plan honest: a dashboard, status, lint and live AWS evidence.",
        version: "0.1.0",
        subcommands: [TuiCommand.self, ThemesCommand.self, TerminalCheckCommand.self],
        defaultSubcommand: TuiCommand.self
    )
}
