/// Where the scanner stands inside one line, the way CommonMark measures it:
/// a byte offset, a column (tabs stop every 4 columns), and whether a tab has been
/// consumed only partly (a list item's content may begin in the middle of a tab).
/// Mirrors cmark's offset/column/partially_consumed_tab so nesting matches it exactly.
struct LineCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    /// First byte of the line and the end of its content (line ending excluded).
    let start: Int
    let end: Int

    var offset: Int
    var column = 0
    var partiallyConsumedTab = false
    var firstNonspace: Int
    var firstNonspaceColumn = 0
    var indent = 0
    var blank = false

    init(bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) {
        self.bytes = bytes
        self.start = start
        self.end = end
        offset = start
        firstNonspace = start
    }

    /// The byte at `index`, or a newline past the end of the line's content.
    @inline(__always) func peek(_ index: Int) -> UInt8 {
        index < end ? bytes[index] : ASCII.newline
    }

    @inline(__always) func isLineEnd(_ index: Int) -> Bool { index >= end }

    mutating func findFirstNonspace() {
        var charsToTab = 4 - (column % 4)
        if firstNonspace <= offset {
            firstNonspace = offset
            firstNonspaceColumn = column
            while firstNonspace < end {
                let c = bytes[firstNonspace]
                if c == ASCII.space {
                    firstNonspace += 1
                    firstNonspaceColumn += 1
                    charsToTab -= 1
                    if charsToTab == 0 { charsToTab = 4 }
                } else if c == ASCII.tab {
                    firstNonspace += 1
                    firstNonspaceColumn += charsToTab
                    charsToTab = 4
                } else {
                    break
                }
            }
        }
        indent = firstNonspaceColumn - column
        blank = firstNonspace >= end
    }

    /// Moves on by `count` columns (tabs expand) or `count` bytes.
    mutating func advance(_ count: Int, columns: Bool) {
        var count = count
        while count > 0 && offset < end {
            if bytes[offset] == ASCII.tab {
                let charsToTab = 4 - (column % 4)
                if columns {
                    partiallyConsumedTab = charsToTab > count
                    let step = min(count, charsToTab)
                    column += step
                    offset += partiallyConsumedTab ? 0 : 1
                    count -= step
                } else {
                    partiallyConsumedTab = false
                    column += charsToTab
                    offset += 1
                    count -= 1
                }
            } else {
                partiallyConsumedTab = false
                offset += 1
                column += 1
                count -= 1
            }
        }
    }

    mutating func advanceToFirstNonspace() {
        advance(firstNonspace - offset, columns: false)
    }
}

enum ASCII {
    static let tab: UInt8 = 0x09
    static let newline: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let bang: UInt8 = 0x21
    static let hash: UInt8 = 0x23
    static let asterisk: UInt8 = 0x2A
    static let plus: UInt8 = 0x2B
    static let hyphen: UInt8 = 0x2D
    static let period: UInt8 = 0x2E
    static let slash: UInt8 = 0x2F
    static let zero: UInt8 = 0x30
    static let nine: UInt8 = 0x39
    static let colon: UInt8 = 0x3A
    static let lessThan: UInt8 = 0x3C
    static let equals: UInt8 = 0x3D
    static let greaterThan: UInt8 = 0x3E
    static let question: UInt8 = 0x3F
    static let leftBracket: UInt8 = 0x5B
    static let rightBracket: UInt8 = 0x5D
    static let underscore: UInt8 = 0x5F
    static let backtick: UInt8 = 0x60
    static let tilde: UInt8 = 0x7E
    static let rightParen: UInt8 = 0x29

    @inline(__always) static func isSpaceOrTab(_ c: UInt8) -> Bool { c == space || c == tab }
    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= zero && c <= nine }
    @inline(__always) static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    /// CommonMark's whitespace after a list marker: space, tab, or the line's end.
    @inline(__always) static func isSpaceTabOrEnd(_ c: UInt8) -> Bool {
        c == space || c == tab || c == newline || c == carriageReturn || c == 0x0B || c == 0x0C
    }
}
