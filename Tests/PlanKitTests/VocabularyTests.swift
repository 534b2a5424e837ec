import Foundation
import Testing
@testable import PlanKit

/// One answer for each question the modules used to answer differently (issue "One vocabulary").
@Suite struct ItemReferenceTests {
    @Test func readsEveryFormAUserTypes() {
        #expect(ItemReference(parsing: "2.5") == .id("2.5"))
        #expect(ItemReference(parsing: "TODO 2.5") == .id("2.5"))
        #expect(ItemReference(parsing: "todo 3.2.1") == .id("3.2.1"))
        #expect(ItemReference(parsing: "2.5a") == .id("2.5a"))
        #expect(ItemReference(parsing: "L48") == .line(48))
        #expect(ItemReference(parsing: "l48") == .line(48))
        #expect(ItemReference(parsing: " L48 ") == .line(48))
        for bad in ["", "L", "L0", "L-3", "2..5", ".5", "2.", "abc", "L4x", "TODO", "2.5 b"] {
            #expect(ItemReference(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test func formatsAndNamesTheSameWayEverywhere() {
        #expect(ItemReference.id("2.5").description == "2.5")
        #expect(ItemReference.line(48).description == "L48")
        #expect(ItemReference.id("2.5").name == "TODO 2.5")
        #expect(ItemReference.line(48).name == "line 48")
        #expect(ItemReference.line(48).capitalizedName == "Line 48")
        for text in ["2.5", "2.5a", "L48"] {
            #expect(ItemReference(parsing: text)?.description == text)
        }
    }

    static let plan = """
    # Plan

    ## Phase 2: Stacks

    - [ ] **TODO 2.5:** Deploy all infra stacks.
    - [ ] **TODO 2.5a:** Deploy the extra stack.
    - [ ] A task without an id.
    - [x] **TODO 2.6:** One.
    - [ ] **TODO 2.6:** Two.

    """

    @Test func aLetterSuffixIsItsOwnId() throws {
        let document = try PlanDocument(bytes: Array(Self.plan.utf8))
        #expect(document.items.map(\.id) == ["2.5", "2.5a", nil, "2.6", "2.6"])
        #expect(try document.item(matching: "2.5").line == 5)
        #expect(try document.item(matching: "2.5a").line == 6)
        #expect(try document.item(matching: "TODO 2.5a").line == 6)
    }

    @Test func lowerCaseLineReferencesWorkInMark() throws {
        let document = try PlanDocument(bytes: Array(Self.plan.utf8))
        #expect(try document.item(matching: "l7").text == "A task without an id.")
        #expect(try document.item(matching: "L7").reference == .line(7))
        #expect(try document.item(matching: "2.5").reference.name == "TODO 2.5")
    }

    @Test func aReferenceThatNamesTwoItemsIsRefusedNamingBoth() throws {
        let document = try PlanDocument(bytes: Array(Self.plan.utf8), name: "plan.md")
        #expect(throws: PlanError.ambiguousReference(path: "plan.md", reference: "2.6", lines: [8, 9])) {
            try document.item(matching: "2.6")
        }
        let error = PlanError.ambiguousReference(path: "plan.md", reference: "2.6", lines: [8, 9])
        #expect(error.sentence == "plan.md: 2.6 names lines 8 and 9: use L8 or L9.")
        #expect(error.exitCode == 2)
        #expect(try document.item(matching: "L9").text.contains("Two"))
    }
}

@Suite struct InlineMarkdownTests {
    @Test func oneReadingOfInlineMarkup() {
        #expect(InlineMarkdown.plain("**TODO 2.5:** Deploy `infra/s3` __now__") == "TODO 2.5: Deploy infra/s3 now")
        #expect(InlineMarkdown.plain("*Phase* with snake_case and `**literal**`") == "Phase with snake_case and **literal**")
        #expect(InlineMarkdown.spans("a `b` **c**") == [
            InlineSpan("a "), InlineSpan("b", code: true), InlineSpan(" "), InlineSpan("c", strong: true),
        ])
    }

    @Test func titlesDropTheLeadingReferenceOnce() {
        #expect(InlineMarkdown.title("**TODO 2.5:** Deploy all infra stacks.") == "Deploy all infra stacks.")
        #expect(InlineMarkdown.title("TODO 2.5a: Extra") == "Extra")
        #expect(InlineMarkdown.title("Deploy TODO 2.5 later") == "Deploy TODO 2.5 later")
    }

    @Test func headingTitlesUseTheSameReading() throws {
        let document = try PlanDocument(bytes: Array("# **Plan** for `infra`\n\n- [ ] x\n".utf8))
        #expect(document.title == "Plan for infra")
    }
}

@Suite struct StrictTerminalTextTests {
    @Test func bidiMarksOverridesAndIsolatesNeverReachTheTerminal() {
        for scalar: Unicode.Scalar in ["\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}",
                                       "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}", "\u{200E}", "\u{200F}",
                                       "\u{061C}", "\u{2028}", "\u{2029}", "\u{85}", "\u{9B}", "\u{1B}", "\u{7F}"] {
            #expect(TerminalText.sanitized("a\(Character(scalar))b") == "a\u{FFFD}b", "U+\(String(scalar.value, radix: 16))")
        }
    }

    @Test func invalidUTF8IsReplacedNotPassedOn() {
        #expect(TerminalText.sanitized(bytes: [0x61, 0xFF, 0x1B, 0x62]) == "a\u{FFFD}\u{FFFD}b")
    }

    @Test func ordinaryTextIsLeftAlone() {
        let text = "Deploy ✓ — 日本語 👍🏽 🇺🇸 a\u{200B}b"
        #expect(TerminalText.sanitized(text) == text)
    }
}

@Suite struct JSONValueTests {
    @Test func keysKeepTheirOrder() {
        let json = JSONValue.object([("b", .number(1)), ("a", .array([.null, .bool(true), .string("x\u{1B}")]))])
        #expect(json.rendered(pretty: false) == #"{"b":1,"a":[null,true,"x\u001b"]}"#)
        #expect(json.rendered() == "{\n  \"b\": 1,\n  \"a\": [\n    null,\n    true,\n    \"x\\u001b\"\n  ]\n}")
    }

    @Test func aValueNestedThousandsDeepIsWrittenWithoutRecursionInLinearSpace() {
        var value = JSONValue.string("leaf")
        for _ in 0..<2_000 { value = .array([value]) }
        let text = value.rendered()
        // Linear: indentation stops growing, so 2 000 levels cost a bounded width per line.
        #expect(text.utf8.count < 2_000 * 2 * (2 * JSONValue.maxIndentLevels + 4))
        #expect(text.utf8.filter { $0 == UInt8(ascii: "[") }.count == 2_000)
        #expect(text.utf8.filter { $0 == UInt8(ascii: "]") }.count == 2_000)
        #expect(text.contains("\"leaf\""))
    }
}
