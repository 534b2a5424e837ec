import PlanKit

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

/// The inline markdown the plan uses — `code`, **strong**, __strong__ — as styled runs,
/// so the screen shows emphasis instead of asterisks and backticks. PlanKit's
/// `InlineMarkdown` reads the markup; this only gives its spans their emphasis.
public enum InlineText {
    public static func runs(_ markdown: String) -> [StyledRun] {
        InlineMarkdown.spans(markdown).map { span in
            var emphasis: Emphasis = []
            if span.code { emphasis.insert(.code) }
            if span.strong { emphasis.insert(.strong) }
            return StyledRun(span.text, emphasis)
        }
    }

    /// The tree row's title when the row has `columns` for it. A long text is read from its start
    /// only (a row never shows a 200 KB token's end): the runs are `title(_:)`'s as far as the row
    /// shows them, and wider than the row by a margin, so the row is cut where the whole is.
    public static func title(_ markdown: String, columns: Int) -> [StyledRun] {
        let read = 2 * max(0, columns) + 64  // characters of markdown; markup and zero-width ones show nothing
        guard let cut = markdown.index(markdown.startIndex, offsetBy: read, limitedBy: markdown.endIndex),
              cut < markdown.endIndex else { return title(markdown) }
        let runs = title(String(markdown[..<cut]))
        return Canvas.wider(runs, than: columns + 8) ? runs : title(markdown)
    }

    /// An item's text for its tree row: the leading "TODO 2.5:" is dropped (the id is shown apart).
    public static func title(_ markdown: String) -> [StyledRun] {
        var runs = self.runs(markdown)
        var drop = InlineMarkdown.leadingReferenceLength(runs.map(\.text).joined())
        while drop > 0, !runs.isEmpty {
            let count = runs[0].text.count
            if count <= drop {
                runs.removeFirst()
                drop -= count
            } else {
                runs[0].text = String(runs[0].text.dropFirst(drop))
                drop = 0
            }
        }
        return runs
    }
}
