import ArgumentParser
import Evidence
import Foundation
import PlanKit

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Report structural problems of the plan, with line numbers; exit 1 when there is an error."
    )

    @OptionGroup var options: PlanOptions

    @OptionGroup var output: FormatOptions

    func run() throws {
        let format = try output.resolved(for: "lint", supporting: [.text, .json, .github])
        let file = try options.readPlan()
        var findings = PlanLint.findings(for: file.document)
        // A config that cannot be read is reported by the commands that use it, not by lint.
        let lookup = options.plan == "-" ? nil : try? options.lookup()
        if let lookup { findings += ChecksLint.findings(config: lookup.config, items: file.document.items) }
        findings += lookup.map(serverlessWarnings) ?? []
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.count - errors
        switch format {
        case .github:
            for finding in findings { print(GitHubAnnotation(finding: finding, plan: file.path).rendered) }
        case .json:
            print(JSONValue.object([
                ("plan", .string(file.path)),
                ("errors", .number(errors)),
                ("warnings", .number(warnings)),
                ("findings", .array(findings.map(Self.json))),
            ]).rendered())
        default:
            for finding in findings {
                print("\(finding.file ?? file.path):\(finding.line): \(finding.severity.rawValue): "
                      + "\(TerminalText.sanitized(finding.message)) [\(finding.rule)]")
            }
            print(findings.isEmpty ? "\(file.path): no problems found." : "\(errors) errors, \(warnings) warnings.")
        }
        if errors > 0 { throw Failure.findings }
    }

    /// Warnings about the project's serverless files (a v2 `${ssm:…~true}` suffix), their
    /// paths as seen from here; folders `exclude:` keeps out are not read.
    private func serverlessWarnings(_ lookup: ConfigLookup) -> [LintFinding] {
        // Only with a .plantrack.yml, which names the project: a plan alone never makes lint walk a large tree.
        guard lookup.config.file != nil else { return [] }
        let discovery = ProjectDiscovery.discover(project: lookup.projectPath, stage: lookup.config.stage, region: nil,
                                                  exclude: lookup.config.exclude)
        let cwd = FileManager.default.currentDirectoryPath
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return discovery.warnings.map { warning in
            var shown = warning
            let path = URL(fileURLWithPath: lookup.projectPath).appendingPathComponent(warning.file ?? "").standardizedFileURL.path
            shown.file = path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
            return shown
        }
    }

    /// A finding as `lint --json` prints it: `file` only when the line is not the plan's.
    private static func json(_ finding: LintFinding) -> JSONValue {
        .object((finding.file.map { [("file", JSONValue.string($0))] } ?? [])
                + [("line", .number(finding.line)), ("severity", .string(finding.severity.rawValue)),
                   ("rule", .string(finding.rule)), ("message", .string(finding.message))])
    }
}
