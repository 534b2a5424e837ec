import Foundation
import TestSupport
import Testing
@testable import PlanKit

/// Bad input never crashes or hangs: a correct result, or one clear sentence that names
/// the file and the exit code CONTRACT §2 gives it.
@Suite(.timeLimit(.minutes(2))) struct BadInputTests {
    @Test func aMissingPlanIsAFileError() {
        #expect(throws: PlanError.missing(path: "/nonexistent/REFACTOR_PLAN.md")) {
            try PlanFile(path: "/nonexistent/REFACTOR_PLAN.md")
        }
        #expect(PlanError.missing(path: "x").exitCode == 3)
    }

    @Test func aDirectoryIsNotAPlan() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(throws: PlanError.notAFile(path: folder.path)) { try PlanFile(path: folder.path) }
    }

    @Test func binaryAndInvalidUTF8AreRejectedWithTheLine() throws {
        #expect(throws: PlanError.notText(path: "bin.md", line: 2, reason: "it holds a NUL byte (offset 7), so it is binary, not text")) {
            try PlanDocument(bytes: Array("- [ ] \n\0abc".utf8), name: "bin.md")
        }
        do {
            _ = try PlanDocument(bytes: [0x23, 0x20, 0x0A, 0x0A, 0x61, 0xFF, 0x0A], name: "bad.md")
            Issue.record("invalid UTF-8 was accepted")
        } catch {
            #expect(error.exitCode == 2)
            #expect(error.description.hasPrefix("bad.md, line 3: byte 0xFF at offset 5 is not valid UTF-8"))
        }
        // Overlong encodings and surrogates are not UTF-8 either.
        #expect(throws: PlanError.self) { try PlanDocument(bytes: [0xC0, 0xAF], name: "x") }
        #expect(throws: PlanError.self) { try PlanDocument(bytes: [0xED, 0xA0, 0x80], name: "x") }
        #expect(throws: PlanError.self) { try PlanDocument(bytes: [0xE2, 0x82], name: "x") }
    }

    @Test func anEmptyFileIsAnEmptyPlan() throws {
        let document = try PlanDocument(bytes: [], name: "empty.md")
        #expect(document.items.isEmpty)
        #expect(document.lineCount == 0)
        #expect(document.lastUpdated == nil)
        #expect(document.derivedStatus == "Not Started")
    }

    @Test func aFiftyMegabytePlan() throws {
        let unit = Array("- [ ] **TODO 1.1:** a task line with some `code` in it\n  - [x] a child\n".utf8)
        var bytes: [UInt8] = Array("# Big\n\n## Phase 1: All\n\n".utf8)
        bytes.reserveCapacity(50 << 20)
        while bytes.count < 50 << 20 { bytes += unit }
        let document = try PlanDocument(bytes: bytes, name: "big.md")
        let pairs = (bytes.count - 24) / unit.count
        #expect(document.items.count == pairs * 2)
        #expect(document.items[1].parent == 0)
        #expect(document.sections[1].items.count == pairs)
    }

    @Test func tenThousandDeepNesting() throws {
        var text = ""
        for depth in 0..<10_000 { text += String(repeating: "  ", count: depth) + "- [ ] level \(depth)\n" }
        let document = try PlanDocument(bytes: Array(text.utf8), name: "deep.md")
        #expect(document.items.count == 10_000)
        #expect(document.items.last?.depth == 9_999)
        #expect(document.items.last?.parent == 9_998)
        // Quotes nest too.
        let quotes = String(repeating: ">", count: 10_000) + " - [x] deep in quotes\n"
        let quoted = try PlanDocument(bytes: Array(quotes.utf8), name: "quotes.md")
        #expect(quoted.items.count == 1 && quoted.items[0].state == .done)
    }

    @Test func aFiveMegabyteLine() throws {
        let line = "- [ ] " + String(repeating: "word ", count: 1 << 20) + "\n- [x] next\n"
        let document = try PlanDocument(bytes: Array(line.utf8), name: "long.md")
        #expect(document.items.count == 2)
        #expect(document.items[1].line == 2)
    }

    @Test func twoHundredThousandOpenBracketsOnOneLine() throws {
        let line = String(repeating: "- [", count: 200_000) + "\n"
        let document = try PlanDocument(bytes: Array(line.utf8), name: "brackets.md")
        #expect(document.items.isEmpty)
        // Nested bullets on one line open one list item each and must stay linear too.
        let bullets = String(repeating: "- ", count: 200_000) + "[ ] innermost\n"
        let nested = try PlanDocument(bytes: Array(bullets.utf8), name: "bullets.md")
        #expect(nested.items.count == 1)
        #expect(nested.items[0].text == "innermost")
    }
}
