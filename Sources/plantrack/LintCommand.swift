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
        let serverless = lookup.map(serverlessWarnings) ?? []
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.count - errors + serverless.count
        if format == .github {
            for finding in findings { print(GitHubAnnotation(finding: finding, plan: file.path).rendered) }
            for warning in serverless {
                print(GitHubAnnotation(level: .warning, file: warning.file, line: warning.line, title: warning.rule,
                                       message: warning.message).rendered)
            }
        } else if format == .json {
            print(JSONValue.object([
                ("plan", .string(file.path)),
                ("errors", .number(errors)),
                ("warnings", .number(warnings)),
                ("findings", .array(findings.map {
                    .object([("line", .number($0.line)), ("severity", .string($0.severity.rawValue)),
                             ("rule", .string($0.rule)), ("message", .string($0.message))])
                } + serverless.map {
                    .object([("file", .string($0.file)), ("line", .number($0.line)), ("severity", .string("warning")),
                             ("rule", .string($0.rule)), ("message", .string($0.message))])
                })),
            ]).rendered())
        } else {
            for finding in findings {
                print("\(file.path):\(finding.line): \(finding.severity.rawValue): \(TerminalText.sanitized(finding.message)) [\(finding.rule)]")
            }
            for warning in serverless {
                print("\(warning.file):\(warning.line): warning: \(TerminalText.sanitized(warning.message)) [\(warning.rule)]")
            }
            print(findings.isEmpty && serverless.isEmpty ? "\(file.path): no problems found." : "\(errors) errors, \(warnings) warnings.")
        }
        if errors > 0 { throw Failure.findings }
    }

    /// Warnings about the project's serverless files (a v2 `${ssm:…~true}` suffix), their
    /// paths as seen from here; folders `exclude:` keeps out are not read.
    private func serverlessWarnings(_ lookup: ConfigLookup) -> [ServerlessFileWarning] {
        // Only with a .plantrack.yml, which names the project: a plan alone never makes lint walk a large tree.
        guard lookup.config.file != nil else { return [] }
        let discovery = ProjectDiscovery.discover(project: lookup.projectPath, stage: lookup.config.stage, region: nil,
                                                  exclude: lookup.config.exclude)
        let cwd = FileManager.default.currentDirectoryPath
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return discovery.warnings.map { warning in
            var shown = warning
            let path = URL(fileURLWithPath: lookup.projectPath).appendingPathComponent(warning.file).standardizedFileURL.path
            shown.file = path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
            return shown
        }
    }
}
