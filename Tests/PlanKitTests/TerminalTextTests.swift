import Foundation
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

@Suite struct TimestampTests {
    @Test func rfc3339InUTCToTheSecond() {
        #expect(Timestamp.rfc3339(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(Timestamp.rfc3339(Date(timeIntervalSince1970: 1_795_786_200.9)) == "2026-11-27T13:30:00Z")
        #expect(Timestamp.rfc3339(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00Z")
        #expect(Timestamp.rfc3339(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
        #expect(Timestamp.string(nil) == nil)
    }
}

@Suite("Display width per grapheme cluster")
struct DisplayWidthClusterTests {
    @Test func flagsJoinedEmojiSkinTonesAndInvisibleCharacters() {
        #expect(DisplayWidth.of("🇺🇸") == 2)
        #expect(DisplayWidth.of("👨\u{200D}👩\u{200D}👧\u{200D}👦") == 2)
        #expect(DisplayWidth.of("👍🏽") == 2)
        #expect(DisplayWidth.of("❤️") == 2)
        #expect(DisplayWidth.of("a\u{200B}b") == 2)
        #expect(DisplayWidth.of("\u{2060}") == 0)
        #expect(DisplayWidth.of("e\u{301}") == 1)
    }

    @Test func asciiPunctuationForTheCLocale() {
        #expect(TerminalText.asciiPunctuation("probing dev…") == "probing dev...")
        #expect(TerminalText.asciiPunctuation("No item matches “x” — 2 → 3") == "No item matches \"x\" - 2 -> 3")
        #expect(TerminalText.asciiPunctuation("plain") == "plain")
    }
}
