import Foundation
import TestSupport
import Testing
@testable import PlanKit

/// Issue 10's write rules (CONTRACT §3–§4): what a mark may rewrite, what it must keep,
/// and what it refuses. Each test compares the whole file on disk.
@Suite struct WriteRulesTests {
    static let stamp = Date(timeIntervalSince1970: 1_795_786_200) // 2026-11-27T13:30:00Z

    func plan(_ text: String, name: String = "REFACTOR_PLAN.md") throws -> String {
        let path = try TemporaryFolder("writes").path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func onDisk(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    }

    func mark(_ path: String, _ reference: String, _ word: String, stamp: Date? = Self.stamp) throws -> EditOutcome {
        var file = try PlanFile(path: path)
        let item = try file.document.item(matching: reference)
        return try file.apply(StateChange(item: ItemLocator(item), requested: word), stamp: stamp)
    }

    static let small = """
        # Plan

        **Last Updated**: `{{TIMESTAMP}}`
        **Status**: `Not Started`

        ## Phase 2: Work

        - [X] **TODO 2.5:** Done already
        - [ ] **TODO 2.6:** Open

        """

    // 5
    @Test func doneOnACapitalXWritesNothing() throws {
        let path = try plan(Self.small)
        let outcome = try mark(path, "2.5", "done")
        #expect(!outcome.wrote)
        #expect(try onDisk(path) == Self.small)
    }

    @Test func aRawMarkComparesAsACharacter() throws {
        let path = try plan(Self.small)
        #expect(!(try mark(path, "2.5", "X", stamp: nil)).wrote)
        #expect(try mark(path, "2.5", "x", stamp: nil).wrote)
        #expect(try onDisk(path) == Self.small.replacingOccurrences(of: "[X]", with: "[x]"))
    }

    // 1
    @Test func anAuthorsStatusIsKeptAndLintSaysItDisagrees() throws {
        let written = "Blocked — waiting on security sign-off (see #123)"
        let text = Self.small.replacingOccurrences(of: "Not Started", with: written)
        let path = try plan(text)
        #expect(try mark(path, "2.6", "progress").wrote)
        let expected = text.replacingOccurrences(of: "[ ] **TODO 2.6", with: "[/] **TODO 2.6")
            .replacingOccurrences(of: "{{TIMESTAMP}}", with: "2026-11-27T13:30:00Z")
        #expect(try onDisk(path) == expected)
        let findings = PlanLint.findings(for: try PlanFile(path: path).document)
        let finding = findings.first { $0.rule == "status-disagrees" }
        #expect(finding?.line == 4)
        #expect(finding?.message.contains("the tasks say 'In Progress'") == true)
    }

    @Test func anEmptyOrDerivedStatusIsRewritten() throws {
        for value in ["", "Completed"] {
            let path = try plan(Self.small.replacingOccurrences(of: "`Not Started`", with: "`\(value)`"))
            _ = try mark(path, "2.6", "progress")
            #expect(try PlanFile(path: path).document.status?.value == "In Progress", "\(value)")
        }
    }

    // 7d
    static let notes = """
        # Plan

        **Last Updated**: `{{TIMESTAMP}}`

        ## Phase 1: Work

        - [ ] **TODO 1.1:** Vendor
          **Status**: `blocked on vendor`
        > **Status**: `quoted`

        ## Notes

        **Status**: `a later note`

        """

    @Test func statusFieldsOutsideThePreambleAreTheAuthors() throws {
        let path = try plan(Self.notes)
        let document = try PlanFile(path: path).document
        #expect(document.status == nil)
        #expect(document.lastUpdated?.line == 3)
        _ = try mark(path, "1.1", "done")
        let expected = Self.notes.replacingOccurrences(of: "- [ ] **TODO 1.1", with: "- [x] **TODO 1.1")
            .replacingOccurrences(of: "{{TIMESTAMP}}", with: "2026-11-27T13:30:00Z")
        #expect(try onDisk(path) == expected)
    }

    @Test func metadataAfterTheFirstTaskOrASecondHeadingIsNotThePlans() throws {
        let afterTask = try PlanDocument(bytes: Array("# T\n\n- [ ] a\n\n**Status**: `x`\n".utf8))
        #expect(afterTask.status == nil)
        let afterHeading = try PlanDocument(bytes: Array("# T\n\n## Intro\n\n**Status**: `x`\n\n- [ ] a\n".utf8))
        #expect(afterHeading.status == nil)
        let preamble = try PlanDocument(bytes: Array("# T\n\nSome words.\n\n**Status**: `x`\n\n## P\n\n- [ ] a\n".utf8))
        #expect(preamble.status?.value == "x")
    }

    // 7c
    @Test func aMarkOfSeveralCodePointsIsRefusedAndNothingWritten() throws {
        let path = try plan(Self.small)
        for word in ["e\u{301}", "👍🏽", "🇺🇸"] {
            do {
                _ = try mark(path, "2.6", word)
                Issue.record("\(word) was accepted")
            } catch let error as PlanError {
                #expect(error.exitCode == 2)
                #expect(error.sentence.contains("code points"), "\(error.sentence)")
            }
        }
        #expect(try onDisk(path) == Self.small)
        #expect(try mark(path, "2.6", "é", stamp: nil).wrote)
        #expect(try PlanFile(path: path).document.item(matching: "2.6").mark == "é")
    }

    // 7e
    @Test func reapplyingRefusesATextThatNowNamesTwoItems() throws {
        let text = "# P\n\n- [ ] Write tests\n- [ ] Ship\n"
        let path = try plan(text)
        var file = try PlanFile(path: path)
        let item = try file.document.item(matching: "L3")
        let outside = "# P\n\n- [ ] Write tests\n- [ ] Write tests\n- [ ] Ship\n"
        try Data(outside.utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: PlanError.ambiguousAfterEdit(path: path, reference: "line 3", lines: [3, 4])) {
            _ = try file.apply(StateChange(item: ItemLocator(item), mark: "x"), stamp: nil)
        }
        #expect(try onDisk(path) == outside)
    }

    @Test func reapplyingRefusesAnIdThatNowNamesTwoItemsWithTheSameText() throws {
        let path = try plan(Self.small)
        var file = try PlanFile(path: path)
        let item = try file.document.item(matching: "2.6")
        let outside = Self.small + "- [ ] **TODO 2.6:** Open\n"
        try Data(outside.utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: PlanError.ambiguousAfterEdit(path: path, reference: "TODO 2.6", lines: [9, 10])) {
            _ = try file.apply(StateChange(item: ItemLocator(item), mark: "x"), stamp: nil)
        }
        #expect(try onDisk(path) == outside)
    }

    // 2 / 3
    /// The seed with 2.5 marked done and stamped: the plan's text before, its path, the
    /// file and the outcome.
    func seedWithTwoPointFiveDone() throws -> (original: String, path: String, file: PlanFile, done: EditOutcome) {
        let original = String(decoding: try Repository.seedPlanBytes(), as: UTF8.self)
        let path = try plan(original)
        var file = try PlanFile(path: path)
        let item = try file.document.item(matching: "2.5")
        let done = try file.apply(StateChange(item: ItemLocator(item), mark: "x"), stamp: Self.stamp)
        return (original, path, file, done)
    }

    @Test func undoAndRedoRestoreMarkAndBothMetadataValuesByteForByte() throws {
        let (original, path, seeded, done) = try seedWithTwoPointFiveDone()
        var file = seeded
        let afterDone = try onDisk(path)
        #expect(afterDone.contains("`In Progress`"))
        let undone = try file.apply(done.inverse, stamp: Self.stamp.addingTimeInterval(60))
        #expect(undone.wrote)
        #expect(try onDisk(path) == original)
        _ = try file.apply(undone.inverse, stamp: Self.stamp.addingTimeInterval(120))
        #expect(try onDisk(path) == afterDone)
    }

    @Test func undoWritesNothingWhenTheFileNoLongerHoldsWhatTheChangeWrote() throws {
        let (_, path, seeded, done) = try seedWithTwoPointFiveDone()
        var file = seeded
        let outside = try onDisk(path).replacingOccurrences(of: "- [x] **TODO 2.5:**", with: "- [!] **TODO 2.5:**")
        try Data(outside.utf8).write(to: URL(fileURLWithPath: path))
        do {
            _ = try file.apply(done.inverse, stamp: Self.stamp)
            Issue.record("undo wrote over an outside change")
        } catch {
            let sentence = (error as any UserFacingError).sentence
            #expect(sentence.contains("TODO 2.5 changed on disk"), "\(sentence)")
            #expect(sentence.contains("[!]"))
        }
        #expect(try onDisk(path) == outside)
    }

    // 4 / 7f (as root; the unprivileged cases are in Tests/e2e/plan_permissions.sh)
    @Test func aHardLinkedPlanKeepsItsLinks() throws {
        let path = try plan(Self.small)
        let other = (path as NSString).deletingLastPathComponent + "/other-name.md"
        try FileManager.default.linkItem(atPath: path, toPath: other)
        #expect(try mark(path, "2.6", "done").wrote)
        #expect(try onDisk(other) == (try onDisk(path)))
        #expect(try onDisk(other).contains("[x] **TODO 2.6"))
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.referenceCount] as? Int) == 2)
    }

    // 7h
    @Test func aPlanWithALongNameCanBeMarked() throws {
        let name = String(repeating: "p", count: 247) + ".md"
        #expect(name.utf8.count == 250)
        let path = try plan(Self.small, name: name)
        #expect(try mark(path, "2.6", "done").wrote)
        #expect(try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent) == [name])
    }

    @Test func aDeviceIsNotAPlan() throws {
        #expect(throws: PlanError.notARegularFile(path: "/dev/zero")) { try PlanFile(path: "/dev/zero") }
        #expect(PlanError.notARegularFile(path: "/dev/zero").sentence.contains("a plan must be a regular file"))
    }

    @Test func aUTF16PlanIsNamedAsUTF16() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "# Plan\n- [ ] a\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(throws: PlanError.notText(path: "u.md", line: 1, reason: "it is UTF-16 (little-endian) text")) {
            try PlanDocument(bytes: bytes, name: "u.md")
        }
        #expect(throws: PlanError.notText(path: "u.md", line: 1, reason: "it is UTF-16 (little-endian) text")) {
            try PlanDocument(bytes: Array(bytes.dropFirst(2)), name: "u.md")
        }
    }
}
