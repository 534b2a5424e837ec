import Foundation
import PlanKit

/// `${ssm:/path~true}` / `~split` (issue 8 point 6): Serverless v2 stripped the suffix,
/// v3 and later do not, and read a parameter named with it. PlanTrack asks for the path
/// without it (what the author meant) and `lint` warns, naming the file and line.
enum LegacySSMSuffix {
    static let rule = "ssm-suffix"

    static func warnings(in text: String, file: String) -> [LintFinding] {
        var warnings: [LintFinding] = []
        guard text.holds("~true") || text.holds("~split") else { return warnings }
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for suffix in ["~true", "~split"] where line.contains(suffix) {
                for reference in references(in: String(line)) where reference.hasSuffix(suffix) {
                    guard let (name, _) = VariableResolver.ssmReference(reference) else { continue }
                    warnings.append(LintFinding(
                        file: file, line: offset + 1, severity: .warning, rule: rule,
                        message: "${\(reference)}: Serverless v3 and later no longer strip \(suffix) and read a parameter "
                            + "named with it; write ${\(reference.dropLast(suffix.count))} (PlanTrack asks for \(name))"))
                }
            }
        }
        return warnings
    }

    /// The sources of every `${…}` on a line (`ssm:/a~true`), nested ones included.
    private static func references(in line: String) -> [String] {
        var found: [String] = []
        var index = line.startIndex
        while let start = line[index...].range(of: "${") {
            guard let close = VariableResolver.matchingBrace(in: line, from: start.lowerBound) else { break }
            let body = String(line[start.upperBound..<close])
            found += VariableResolver.splitSources(body)
            index = start.upperBound
        }
        return found
    }
}

extension ProjectDiscovery {
    /// What `lint` warns about in the serverless files, by file (relative to the project) and line.
    public var warnings: [LintFinding] { services.flatMap(\.warnings) }
}
