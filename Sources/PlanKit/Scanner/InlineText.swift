/// The little inline reading a plan needs: heading text without emphasis, phase
/// numbers, task ids and metadata values. Full inline parsing is not needed and not done.
enum InlineText {
    /// Heading text without its emphasis markers: `**Phase 0: Investigation**` → `Phase 0: Investigation`.
    static func plain(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var previous: Character = " "
        let characters = Array(text)
        for (i, ch) in characters.enumerated() {
            if ch == "*" || ch == "_" {
                // `_` inside a word (snake_case) is text, not emphasis.
                let next = i + 1 < characters.count ? characters[i + 1] : " "
                if ch == "_" && previous.isLetterOrDigit && next.isLetterOrDigit { out.append(ch) }
                previous = ch
                continue
            }
            out.append(ch)
            previous = ch
        }
        return out.trimmingBlanks()
    }

    /// `Phase 2: Isolate …` → ("2", "Isolate …").
    static func phase(in title: String) -> (number: String, title: String)? {
        let utf8 = Array(title.utf8)
        let word = Array("Phase".utf8)
        guard utf8.count > word.count, Array(utf8[0..<word.count]) == word else { return nil }
        var i = word.count
        guard i < utf8.count, ASCII.isSpaceOrTab(utf8[i]) else { return nil }
        while i < utf8.count && ASCII.isSpaceOrTab(utf8[i]) { i += 1 }
        let numberStart = i
        while i < utf8.count && (ASCII.isDigit(utf8[i]) || (utf8[i] == ASCII.period && i + 1 < utf8.count && ASCII.isDigit(utf8[i + 1]))) { i += 1 }
        guard i > numberStart else { return nil }
        let number = String(decoding: utf8[numberStart..<i], as: UTF8.self)
        while i < utf8.count && ASCII.isSpaceOrTab(utf8[i]) { i += 1 }
        guard i < utf8.count, utf8[i] == ASCII.colon else { return nil }
        let rest = String(decoding: utf8[(i + 1)...], as: UTF8.self)
        return (number, rest.trimmingBlanks())
    }
}

private extension Character {
    var isLetterOrDigit: Bool { isLetter || isNumber }
}

extension String {
    func trimmingBlanks() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}

/// `TODO <id>`: the first such in a task's first line, the id being digits separated by dots.
enum TaskID {
    static func find(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> String? {
        var i = start
        while i + 5 < end {
            if bytes[i] == 0x54, bytes[i + 1] == 0x4F, bytes[i + 2] == 0x44, bytes[i + 3] == 0x4F,
               bytes[i + 4] == ASCII.space, i == start || !isWordByte(bytes[i - 1]) {
                var j = i + 5
                let idStart = j
                while j < end && (ASCII.isDigit(bytes[j]) || (bytes[j] == ASCII.period && j + 1 < end && ASCII.isDigit(bytes[j + 1]) && j > idStart)) {
                    j += 1
                }
                if j > idStart { return String(decoding: bytes[idStart..<j], as: UTF8.self) }
            }
            i += 1
        }
        return nil
    }

    private static func isWordByte(_ b: UInt8) -> Bool { ASCII.isLetter(b) || ASCII.isDigit(b) || b == ASCII.underscore }

    /// Whether `text` is a well-formed id (`2`, `2.5`, `3.2.1`).
    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return !parts.isEmpty && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigitCharacter) }
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}

/// The two metadata fields and how their lines read.
enum MetadataName {
    case lastUpdated, status

    private static let lastUpdatedLabel = Array("Last Updated".utf8)
    private static let statusLabel = Array("Status".utf8)

    var label: [UInt8] { self == .lastUpdated ? Self.lastUpdatedLabel : Self.statusLabel }

    /// The value's bytes in `**Label**: `value`` or `**Label:** `value``.
    static func valueRange(of name: MetadataName, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Range<Int>? {
        let label = name.label
        var i = start + 2
        guard i + label.count < end else { return nil }
        for k in 0..<label.count where bytes[i + k] != label[k] { return nil }
        i += label.count
        // `**: ` or `:**`
        if i + 2 < end && bytes[i] == ASCII.asterisk && bytes[i + 1] == ASCII.asterisk && bytes[i + 2] == ASCII.colon {
            i += 3
        } else if i + 2 < end && bytes[i] == ASCII.colon && bytes[i + 1] == ASCII.asterisk && bytes[i + 2] == ASCII.asterisk {
            i += 3
        } else {
            return nil
        }
        while i < end && ASCII.isSpaceOrTab(bytes[i]) { i += 1 }
        guard i < end, bytes[i] == ASCII.backtick else { return nil }
        let valueStart = i + 1
        var j = valueStart
        while j < end && bytes[j] != ASCII.backtick { j += 1 }
        guard j < end else { return nil }
        return valueStart..<j
    }
}
