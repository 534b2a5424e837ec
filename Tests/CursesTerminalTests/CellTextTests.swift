import CNcursesw
import Dashboard
import Glibc
import Testing
@testable import CursesTerminal

/// What reaches the tty for a cell: never a control character, always the cell's width.
@Suite("Cell text on the terminal")
struct CellTextTests {
    init() {
        setlocale(LC_ALL, "C.UTF-8")  // wcwidth answers for non-ASCII only in a UTF-8 locale
    }

    /// The pieces as strings, one per terminal column written.
    private func shown(_ cell: Cell, utf8: Bool = true) -> [String] {
        CellText.pieces(for: cell, utf8: utf8).map { piece in
            String(String.UnicodeScalarView(piece.dropLast().compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }))
        }
    }

    @Test("plain, accented, combining and wide text is written as it is")
    func showable() {
        #expect(shown(Cell(grapheme: "a")) == ["a"])
        #expect(shown(Cell(grapheme: "é")) == ["é"])
        #expect(shown(Cell(grapheme: "e\u{301}")) == ["e\u{301}"])  // base + combining accent, one column
        #expect(shown(Cell(grapheme: "漢", width: 2)) == ["漢"])
        #expect(shown(Cell(grapheme: "✓")) == ["✓"])
    }

    @Test("control characters become U+FFFD: ESC, CSI (0x9B), NUL, DEL, bidi overrides, line separator",
          arguments: ["\u{1B}", "\u{9B}", "\u{00}", "\u{7F}", "\u{202E}", "\u{2028}", "\u{07}", "\r\n", "a\u{1B}"])
    func controls(grapheme: String) {
        #expect(shown(Cell(grapheme: grapheme)) == ["\u{FFFD}"])
    }

    @Test("a width the grapheme does not have is padded, never left to misalign the row")
    func widthMismatch() {
        #expect(shown(Cell(grapheme: "a", width: 2)) == ["a", " "])
        #expect(shown(Cell(grapheme: "❤️", width: 2)) == ["❤️", " "])
        #expect(shown(Cell(grapheme: "漢", width: 1)) == ["\u{FFFD}"])
    }

    @Test("a joined emoji is drawn as its first emoji, at the two columns the canvas counted, never U+FFFD")
    func joinedEmoji() {
        let family = "👨\u{200D}👩\u{200D}👧\u{200D}👦"  // 7 scalars; curses holds 5
        #expect(shown(Cell(grapheme: family, width: 2)) == ["👨"])
        #expect(shown(Cell(grapheme: "👍🏽", width: 2)) == ["👍"])
    }

    @Test("a flag is its two regional indicators, one column each")
    func flag() {
        #expect(shown(Cell(grapheme: "🇺🇸", width: 2)) == ["🇺", "🇸"])
    }

    @Test("in a locale that is not UTF-8, anything but ASCII is '?' at the cell's width")
    func asciiLocale() {
        #expect(shown(Cell(grapheme: "é"), utf8: false) == ["?"])
        #expect(shown(Cell(grapheme: "漢", width: 2), utf8: false) == ["?", " "])
        #expect(shown(Cell(grapheme: "\u{1B}"), utf8: false) == ["?"])
        #expect(shown(Cell(grapheme: "x"), utf8: false) == ["x"])
    }

    @Test("the ASCII fast path takes printable ASCII only")
    func asciiFastPath() {
        #expect(CellText.printableASCII(Cell(grapheme: "x")) == wchar_t(UInt8(ascii: "x")))
        #expect(CellText.printableASCII(Cell(grapheme: " ")) == 32)
        #expect(CellText.printableASCII(Cell(grapheme: "\u{1B}")) == nil)
        #expect(CellText.printableASCII(Cell(grapheme: "\u{7F}")) == nil)
        #expect(CellText.printableASCII(Cell(grapheme: "é")) == nil)
        #expect(CellText.printableASCII(Cell(grapheme: "e\u{301}")) == nil)  // first scalar ASCII, grapheme not
        #expect(CellText.printableASCII(Cell(grapheme: "x", width: 2)) == nil)
    }
}
