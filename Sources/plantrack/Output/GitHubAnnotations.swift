import PlanKit

/// One GitHub Actions workflow command that annotates a line of a file in a pull
/// request: `::error file=F,line=N,title=T::message`.
struct GitHubAnnotation: Equatable {
    enum Level: String { case error, warning, notice }

    var level: Level
    var file: String
    var line: Int
    var title: String
    var message: String

    /// The command line. Plan and AWS text is data: sanitised for the log, then escaped
    /// as GitHub documents, so it cannot end the command or start another.
    var rendered: String {
        let properties = "file=\(Self.escapeProperty(file)),line=\(line),title=\(Self.escapeProperty(clean(title)))"
        return "::\(level.rawValue) \(properties)::\(Self.escapeData(clean(message)))"
    }

    private func clean(_ text: String) -> String { TerminalText.sanitized(text) }

    /// Message data: `%`, CR and LF are percent-encoded.
    static func escapeData(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Property values: as data, and `:` and `,` too, which would end the value.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

extension GitHubAnnotation {
    /// A lint finding: an error or a warning on its line, titled by its rule.
    init(finding: LintFinding, plan: String) {
        self.init(level: finding.severity == .error ? .error : .warning, file: finding.file ?? plan, line: finding.line,
                  title: "lint (\(finding.rule))", message: finding.message)
    }

    /// A verify row: drift is an error, ready a notice; other verdicts need no one's attention.
    init?(row: CIVerdictRow, stage: String, plan: String) {
        switch row.verdict {
        case .drift:
            self.init(level: .error, file: plan, line: row.line, title: "drift (\(stage))",
                      message: "\(row.reference.name): \(row.failing.joined(separator: "; "))")
        case .ready:
            self.init(level: .notice, file: plan, line: row.line, title: "ready (\(stage))",
                      message: "\(row.reference.name): all evidence holds; it can be marked done")
        default:
            return nil
        }
    }
}
