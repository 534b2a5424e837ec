/// The little inline reading the scanner needs: heading titles (through `InlineMarkdown`),
/// phase numbers, task ids and metadata values.
enum InlineText {
    /// Heading text without its emphasis markers: `**Phase 0: Investigation**` → `Phase 0: Investigation`.
    static func plain(_ text: String) -> String { InlineMarkdown.plain(text).trimmingBlanks() }

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

extension String {
    func trimmingBlanks() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}

/// `TODO <id>`: the first such in a task's first line, the id being digits separated by
/// dots, optionally ending in letters (`2.5`, `3.2.1`, `2.5a`: CONTRACT §3).
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
                if j > idStart {
                    while j < end && ASCII.isLetter(bytes[j]) { j += 1 }
                    return String(decoding: bytes[idStart..<j], as: UTF8.self)
                }
            }
            i += 1
        }
        return nil
    }

    private static func isWordByte(_ b: UInt8) -> Bool { ASCII.isLetter(b) || ASCII.isDigit(b) || b == ASCII.underscore }

    /// Whether `text` is a well-formed id (`2`, `2.5`, `3.2.1`, `2.5a`).
    static func isValid(_ text: String) -> Bool {
        let letters = text.reversed().prefix { $0.isASCII && $0.isLetter }.count
        let digits = text.dropLast(letters)
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        return !digits.isEmpty && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigitCharacter) }
    }

    /// The length, in characters, of a leading `TODO 2.5:` and the spaces after it in an
    /// item's text; 0 when the text does not start with one. Titles drop it: the id is shown apart.
    static func leadingPrefixLength(in text: Substring) -> Int {
        var rest = text.drop { $0 == " " || $0 == "\t" }
        guard rest.hasPrefix("TODO ") else { return 0 }
        rest = rest.dropFirst(5).drop { $0 == " " }
        let id = rest.prefix { $0.isASCIIDigitCharacter || $0 == "." }
        guard id.first?.isASCIIDigitCharacter == true else { return 0 }
        rest = rest.dropFirst(id.count).drop { $0.isASCII && $0.isLetter }.drop { $0 == " " }
        if rest.first == ":" { rest = rest.dropFirst() }
        rest = rest.drop { $0 == " " }
        return text.count - rest.count
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
