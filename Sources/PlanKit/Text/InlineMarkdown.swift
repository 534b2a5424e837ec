/// One run of an item's inline markdown with the emphasis it had: what `code`,
/// **strong** and __strong__ become once their markers are gone.
public struct InlineSpan: Sendable, Equatable {
    public var text: String
    public var code: Bool
    public var strong: Bool

    public init(_ text: String, code: Bool = false, strong: Bool = false) {
        self.text = text
        self.code = code
        self.strong = strong
    }
}

/// The inline markdown plans use, read once for every reader: the dashboard styles the
/// spans, the CLI and reports print them plain, the scanner takes heading titles from it.
/// The text stays as written otherwise: sanitising is for whoever shows it on a terminal.
public enum InlineMarkdown {
    /// The spans of one line of inline markdown. Backticks open and close code (inside
    /// it every character is text); outside code `**`/`__` toggle strong and a single `*`
    /// or `_` is emphasis and dropped — but an `_` inside a word (snake_case) is text.
    public static func spans(_ markdown: String) -> [InlineSpan] {
        var spans: [InlineSpan] = []
        var current = ""
        var code = false
        var strong = false
        // Text between markers is copied as one slice, not character by character: an item
        // can hold a 200 KB token, and the dashboard reads it again for every frame.
        var textStart = markdown.startIndex
        var index = markdown.startIndex
        var previous: Character = " "
        func flush() {
            current += markdown[textStart..<index]
            if !current.isEmpty { spans.append(InlineSpan(current, code: code, strong: strong)) }
            current = ""
        }
        while index < markdown.endIndex {
            let character = markdown[index]
            let after = markdown.index(after: index)
            if character == "`" {
                flush()
                code.toggle()
                index = after
                textStart = index
            } else if code || (character != "*" && character != "_") {
                index = after
            } else {
                let next: Character = after < markdown.endIndex ? markdown[after] : " "
                current += markdown[textStart..<index]
                textStart = index
                if next == character {
                    flush()
                    strong.toggle()
                    previous = next
                    index = markdown.index(after: after)
                    textStart = index
                    continue
                }
                if character == "_" && previous.isLetterOrDigit && next.isLetterOrDigit { current.append(character) }
                index = after
                textStart = index
            }
            previous = character
        }
        flush()
        return spans
    }

    /// The text without its markup: for search, one-line listings and reports.
    public static func plain(_ markdown: String) -> String { spans(markdown).map(\.text).joined() }

    /// An item's text for a row that shows the id apart: plain, with a leading
    /// `TODO 2.5:` dropped.
    public static func title(_ markdown: String) -> String {
        let text = plain(markdown)
        return String(text.dropFirst(leadingReferenceLength(text)))
    }

    /// How many characters a leading `TODO 2.5:` (and the spaces after it) takes.
    public static func leadingReferenceLength(_ text: String) -> Int {
        TaskID.leadingPrefixLength(in: Substring(text))
    }
}

private extension Character {
    var isLetterOrDigit: Bool { isLetter || isNumber }
}
