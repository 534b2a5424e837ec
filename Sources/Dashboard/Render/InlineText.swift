/// A run of text with one emphasis: what inline markdown becomes on screen.
public struct StyledRun: Sendable, Equatable {
    public var text: String
    public var emphasis: Emphasis
    public var role: StyleRole?

    public init(_ text: String, _ emphasis: Emphasis = [], role: StyleRole? = nil) {
        self.text = text
        self.emphasis = emphasis
        self.role = role
    }
}

/// The inline markdown the plan uses — `code`, **strong**, __strong__ — turned into
/// styled runs, so the screen shows emphasis instead of asterisks and backticks.
public enum InlineText {
    public static func runs(_ markdown: String) -> [StyledRun] {
        var runs: [StyledRun] = []
        var current = ""
        var emphasis: Emphasis = []
        let characters = Array(Sanitize.text(markdown))
        var index = 0
        func flush() {
            if !current.isEmpty { runs.append(StyledRun(current, emphasis)) }
            current = ""
        }
        while index < characters.count {
            let character = characters[index]
            if character == "`" {
                flush()
                emphasis.formSymmetricDifference(.code)
                index += 1
                continue
            }
            if !emphasis.contains(.code), (character == "*" || character == "_"), index + 1 < characters.count,
               characters[index + 1] == character {
                flush()
                emphasis.formSymmetricDifference(.strong)
                index += 2
                continue
            }
            current.append(character)
            index += 1
        }
        flush()
        return runs
    }

    /// The text without its markup, for search.
    public static func plain(_ markdown: String) -> String { runs(markdown).map(\.text).joined() }

    /// An item's text for its tree row: the leading "TODO 2.5:" is dropped (the id is shown apart).
    public static func title(_ markdown: String) -> [StyledRun] {
        var runs = self.runs(markdown)
        guard let first = runs.first else { return runs }
        let text = first.text
        guard let range = text.range(of: #"^\s*TODO\s+[0-9]+(\.[0-9]+)*\s*:?\s*"#, options: .regularExpression) else {
            return runs
        }
        let rest = String(text[range.upperBound...])
        if rest.isEmpty {
            runs.removeFirst()
            if let next = runs.first {
                let trimmed = String(next.text.drop { $0 == ":" || $0 == " " })
                if trimmed.isEmpty { runs.removeFirst() } else { runs[0].text = trimmed }
            }
        } else {
            runs[0].text = rest
        }
        return runs
    }
}

import Foundation
