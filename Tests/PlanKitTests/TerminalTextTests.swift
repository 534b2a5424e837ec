import Testing
@testable import PlanKit

@Suite struct TerminalTextTests {
    @Test func controlCharactersNeverReachTheTerminal() {
        #expect(TerminalText.sanitized("a\u{1B}[2Jb\u{9B}c\u{7F}d\te\nf") == "a\u{FFFD}[2Jb\u{FFFD}c\u{FFFD}d e f")
        #expect(TerminalText.sanitized("x\u{202E}y\u{0007}") == "x\u{FFFD}y\u{FFFD}")
        #expect(TerminalText.sanitized("plain ✓ text") == "plain ✓ text")
    }

    @Test func theLocaleDecidesBetweenGlyphsAndASCII() {
        #expect(TerminalText.unicodeLocale(["LANG": "en_US.UTF-8"]))
        #expect(!TerminalText.unicodeLocale(["LANG": "C"]))
        #expect(!TerminalText.unicodeLocale(["LC_ALL": "C", "LANG": "en_US.UTF-8"]))
    }
}
