import ArgumentParser
import Foundation
import Evidence
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
        if options.plan != "-", let config = try? options.lookup().config {
            findings += ChecksLint.findings(config: config, items: file.document.items)
        }
        let errors = findings.filter { $0.severity == .error }.count
        if format == .github {
            for finding in findings { print(GitHubAnnotation(finding: finding, plan: file.path).rendered) }
        } else if format == .json {
            print(JSONValue.object([
                ("plan", .string(file.path)),
                ("errors", .number(errors)),
                ("warnings", .number(findings.count - errors)),
                ("findings", .array(findings.map {
                    .object([("line", .number($0.line)), ("severity", .string($0.severity.rawValue)),
                             ("rule", .string($0.rule)), ("message", .string($0.message))])
                })),
            ]).rendered())
        } else {
            for finding in findings {
                print("\(file.path):\(finding.line): \(finding.severity.rawValue): \(TerminalText.sanitized(finding.message)) [\(finding.rule)]")
            }
            print(findings.isEmpty ? "\(file.path): no problems found." : "\(errors) errors, \(findings.count - errors) warnings.")
        }
        if errors > 0 { throw Failure.findings }
    }
}
