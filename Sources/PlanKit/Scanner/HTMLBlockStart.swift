/// CommonMark's seven kinds of HTML block: how each starts and how it ends. Task
/// items inside them are not tasks, so the scanner must know exactly where they stop.
enum HTMLBlockKind: Int {
    case rawText = 1, comment, processingInstruction, declaration, cdata, blockTag, anyTag

    /// Kinds 6 and 7 end at a blank line; the others at their closing text.
    var endsAtBlankLine: Bool { rawValue >= 6 }

    var closingTexts: [[UInt8]] {
        switch self {
        case .rawText: ["</script>", "</pre>", "</style>", "</textarea>"].map { Array($0.utf8) }
        case .comment: [Array("-->".utf8)]
        case .processingInstruction: [Array("?>".utf8)]
        case .declaration: [Array(">".utf8)]
        case .cdata: [Array("]]>".utf8)]
        case .blockTag, .anyTag: []
        }
    }
}

private let rawTextTags: Set<String> = ["script", "pre", "style", "textarea"]
private let blockTags: Set<String> = [
    "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center",
    "col", "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5",
    "h6", "head", "header", "hr", "html", "iframe", "legend", "li", "link", "main", "menu",
    "menuitem", "nav", "noframes", "ol", "optgroup", "option", "p", "param", "search", "section",
    "source", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "track", "ul",
]

extension LineCursor {
    /// The kind of HTML block the line opens at `position`, if any. Kind 7 (any
    /// complete tag alone on its line) cannot interrupt a paragraph.
    func htmlBlockStart(at position: Int, allowAnyTag: Bool) -> HTMLBlockKind? {
        guard peek(position) == ASCII.lessThan else { return nil }
        let i = position + 1
        if startsWith("!--", at: i) { return .comment }
        if peek(i) == ASCII.question { return .processingInstruction }
        if startsWith("![CDATA[", at: i) { return .cdata }
        if peek(i) == ASCII.bang && ASCII.isLetter(peek(i + 1)) { return .declaration }

        let closing = peek(i) == ASCII.slash
        var j = closing ? i + 1 : i
        let nameStart = j
        while j < end && (ASCII.isLetter(bytes[j]) || ASCII.isDigit(bytes[j]) || bytes[j] == ASCII.hyphen) { j += 1 }
        guard j > nameStart, ASCII.isLetter(bytes[nameStart]) else { return nil }
        let name = String(decoding: bytes[nameStart..<j], as: UTF8.self).lowercased()
        let after = peek(j)
        if !closing && rawTextTags.contains(name)
            && (ASCII.isSpaceTabOrEnd(after) || after == ASCII.greaterThan) {
            return .rawText
        }
        if blockTags.contains(name) && (ASCII.isSpaceTabOrEnd(after) || after == ASCII.greaterThan
            || (after == ASCII.slash && peek(j + 1) == ASCII.greaterThan)) {
            return .blockTag
        }
        guard allowAnyTag, !rawTextTags.contains(name) else { return nil }
        guard let tagEnd = closing ? closingTagEnd(from: j) : openTagEnd(from: j) else { return nil }
        var k = tagEnd
        while k < end {
            if !ASCII.isSpaceOrTab(bytes[k]) { return nil }
            k += 1
        }
        return .anyTag
    }

    /// Whether the line, from `position`, contains the text that closes `kind`.
    func closesHTMLBlock(_ kind: HTMLBlockKind, from position: Int) -> Bool {
        for needle in kind.closingTexts where contains(needle, from: position, caseInsensitive: kind == .rawText) {
            return true
        }
        return false
    }

    private func startsWith(_ text: StaticString, at position: Int) -> Bool {
        let count = text.utf8CodeUnitCount
        guard position + count <= end else { return false }
        let pointer = text.utf8Start
        for k in 0..<count where bytes[position + k] != pointer[k] { return false }
        return true
    }

    private func contains(_ needle: [UInt8], from position: Int, caseInsensitive: Bool) -> Bool {
        guard let first = needle.first, end - position >= needle.count else { return false }
        var i = position
        while i + needle.count <= end {
            if bytes[i] == first {
                var k = 1
                while k < needle.count {
                    let b = caseInsensitive ? (bytes[i + k] | 0x20) : bytes[i + k]
                    let n = caseInsensitive ? (needle[k] | 0x20) : needle[k]
                    if b != n { break }
                    k += 1
                }
                if k == needle.count { return true }
            }
            i += 1
        }
        return false
    }

    /// After `</name`: optional blanks and `>`.
    private func closingTagEnd(from position: Int) -> Int? {
        var i = position
        while i < end && ASCII.isSpaceOrTab(bytes[i]) { i += 1 }
        return peek(i) == ASCII.greaterThan ? i + 1 : nil
    }

    /// After `<name`: attributes, an optional `/`, and `>`.
    private func openTagEnd(from position: Int) -> Int? {
        var i = position
        while true {
            let blankStart = i
            while i < end && ASCII.isSpaceOrTab(bytes[i]) { i += 1 }
            let c = peek(i)
            if c == ASCII.greaterThan { return i + 1 }
            if c == ASCII.slash { return peek(i + 1) == ASCII.greaterThan ? i + 2 : nil }
            guard i > blankStart, ASCII.isLetter(c) || c == ASCII.underscore || c == ASCII.colon else { return nil }
            while i < end, isAttributeNameByte(bytes[i]) { i += 1 }
            var k = i
            while k < end && ASCII.isSpaceOrTab(bytes[k]) { k += 1 }
            guard peek(k) == ASCII.equals else { continue }
            k += 1
            while k < end && ASCII.isSpaceOrTab(bytes[k]) { k += 1 }
            let quote = peek(k)
            if quote == 0x22 || quote == 0x27 {
                k += 1
                while k < end && bytes[k] != quote { k += 1 }
                guard k < end else { return nil }
                i = k + 1
            } else {
                let valueStart = k
                while k < end, !isUnquotedValueTerminator(bytes[k]) { k += 1 }
                guard k > valueStart else { return nil }
                i = k
            }
        }
    }

    private func isAttributeNameByte(_ b: UInt8) -> Bool {
        ASCII.isLetter(b) || ASCII.isDigit(b) || b == ASCII.underscore || b == ASCII.period
            || b == ASCII.colon || b == ASCII.hyphen
    }

    private func isUnquotedValueTerminator(_ b: UInt8) -> Bool {
        ASCII.isSpaceOrTab(b) || b == 0x22 || b == 0x27 || b == ASCII.equals || b == ASCII.lessThan
            || b == ASCII.greaterThan || b == ASCII.backtick
    }
}
