import CNcursesw
import Dashboard
import Testing
@testable import CursesTerminal

@Suite("Key decoding")
struct KeyDecoderTests {
    @Test("curses function keys")
    func functionKeys() {
        let expected: [(Int32, Key)] = [
            (KEY_UP, .up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right),
            (KEY_PPAGE, .pageUp), (KEY_NPAGE, .pageDown), (KEY_HOME, .home), (KEY_END, .end),
            (KEY_ENTER, .enter), (KEY_BTAB, .backTab), (KEY_BACKSPACE, .backspace), (KEY_DC, .delete),
            (pt_key_f0() + 1, .function(1)), (pt_key_f0() + 12, .function(12)),
        ]
        for (code, key) in expected {
            #expect(KeyDecoder.functionKey(code) == key, "code \(code)")
        }
        #expect(KeyDecoder.functionKey(KEY_SUSPEND) == nil)
    }

    @Test("characters: Enter, Tab, Esc, Backspace, Ctrl-letters, printable and non-ASCII")
    func characters() {
        #expect(KeyDecoder.character(10) == .enter)
        #expect(KeyDecoder.character(13) == .enter)
        #expect(KeyDecoder.character(9) == .tab)
        #expect(KeyDecoder.character(27) == .escape)
        #expect(KeyDecoder.character(127) == .backspace)
        #expect(KeyDecoder.character(8) == .backspace)
        #expect(KeyDecoder.character(18) == .control("r"))
        #expect(KeyDecoder.character(1) == .control("a"))
        #expect(KeyDecoder.character(26) == .control("z"))
        #expect(KeyDecoder.character(31) == .control("_"))
        #expect(KeyDecoder.character(UInt32(UInt8(ascii: "q"))) == .character("q"))
        #expect(KeyDecoder.character(UInt32(UInt8(ascii: " "))) == .character(" "))
        #expect(KeyDecoder.character(0xE9) == .character("é"))
        #expect(KeyDecoder.character(0x6F22) == .character("漢"))
        #expect(KeyDecoder.character(0x9B) == nil)  // a C1 control is never a key to act on
        #expect(KeyDecoder.character(0xD800) == nil)  // a lone surrogate is no character
    }
}

@Suite("SGR mouse reports")
struct SGRMouseTests {
    @Test("columns past 223 arrive (X10 reports cannot carry them)")
    func wideColumns() {
        #expect(KeyDecoder.sgrMouse("0;250;5", final: "M") == MouseEvent(kind: .press, row: 4, column: 249))
        #expect(KeyDecoder.sgrMouse("64;300;2", final: "M") == MouseEvent(kind: .wheelUp, row: 1, column: 299))
        #expect(KeyDecoder.sgrMouse("65;1;1", final: "M") == MouseEvent(kind: .wheelDown, row: 0, column: 0))
    }

    @Test("releases, drags and malformed reports are nothing")
    func ignored() {
        #expect(KeyDecoder.sgrMouse("0;10;5", final: "m") == nil)
        #expect(KeyDecoder.sgrMouse("32;10;5", final: "M") == nil)
        #expect(KeyDecoder.sgrMouse("0;10", final: "M") == nil)
        #expect(KeyDecoder.sgrMouse("0;0;5", final: "M") == nil)
    }
}
