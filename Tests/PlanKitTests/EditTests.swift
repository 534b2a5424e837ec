import Foundation
import TestSupport
import Testing
@testable import PlanKit

/// Every edit changes exactly its bytes: the whole file is compared, not a field.
@Suite struct EditTests {
    static let stamp = Date(timeIntervalSince1970: 1_795_786_200) // 2026-11-27T13:30:00Z

    /// Writes `bytes` to a temporary plan and returns its path.
    func plan(_ bytes: [UInt8], name: String = "REFACTOR_PLAN.md") throws -> String {
        try TemporaryFolder().write(name, bytes: bytes).path
    }

    func replace(_ text: String, _ old: String, _ new: String) -> String {
        guard let range = text.range(of: old) else { Issue.record("no \(old)"); return text }
        return text.replacingCharacters(in: range, with: new)
    }

    @Test func markTwoPointFiveDoneChangesTheMarkAndBothMetadataValues() throws {
        let original = try Repository.seedPlanBytes()
        let path = try plan(original)
        var file = try PlanFile(path: path)
        let item = try file.document.item(matching: "2.5")
        let outcome = try file.apply(StateChange(item: ItemLocator(item), mark: "x"), stamp: Self.stamp)
        #expect(outcome.wrote)
        var expected = String(decoding: original, as: UTF8.self)
        expected = replace(expected, "- [ ] **TODO 2.5:**", "- [x] **TODO 2.5:**")
        expected = replace(expected, "**Last Updated**: `{{TIMESTAMP}}`", "**Last Updated**: `2026-11-27T13:30:00Z`")
        expected = replace(expected, "**Status**: `Not Started`", "**Status**: `In Progress`")
        let onDisk = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(Array(onDisk) == Array(expected.utf8))
        #expect(file.document.counts.done == 8)
    }

    @Test func noStampChangesOnlyTheMark() throws {
        let original = try Repository.seedPlanBytes()
        let path = try plan(original)
        var file = try PlanFile(path: path)
        let item = try file.document.item(matching: "3.2.4")
        _ = try file.apply(StateChange(item: ItemLocator(item), mark: "!"), stamp: nil)
        var expected = original
        expected[item.markOffset] = UInt8(ascii: "!")
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == expected)
    }

    @Test func aNoOpWritesNothing() throws {
        let path = try plan(try Repository.seedPlanBytes())
        let before = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        Thread.sleep(forTimeInterval: 0.02)
        var file = try PlanFile(path: path)
        let item = try file.document.item(matching: "0.1")
        let outcome = try file.apply(StateChange(item: ItemLocator(item), mark: "x"), stamp: Self.stamp)
        #expect(!outcome.wrote)
        let after = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        #expect(before == after)
    }

    @Test func theInverseRestoresEveryByte() throws {
        let fixtures = [("seed.md", try Repository.seedPlanBytes()),
                        ("bom-crlf.md", try Fixtures.bytes("bom-crlf.md")),
                        ("constructs.md", try Fixtures.bytes("constructs.md"))]
        for (fixture, original) in fixtures {
            let path = try plan(original)
            var file = try PlanFile(path: path)
            for item in file.document.items {
                let target = item.state == .done ? " " : "x"
                let outcome = try file.apply(StateChange(item: ItemLocator(item), mark: target), stamp: nil)
                #expect(outcome.wrote)
                var expected = original
                expected.replaceSubrange(item.markOffset..<(item.markOffset + item.mark.utf8.count), with: Array(target.utf8))
                #expect(file.document.bytes == expected, "\(fixture) line \(item.line)")
                _ = try file.apply(outcome.inverse, stamp: nil)
                #expect(file.document.bytes == original, "\(fixture) line \(item.line) undo")
            }
            #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == original)
        }
    }

    @Test func crlfBomAndMissingFinalNewlineSurviveAStampedEdit() throws {
        let original = try Fixtures.bytes("bom-crlf.md")
        let path = try plan(original)
        var file = try PlanFile(path: path)
        let item = try file.document.item(matching: "1.3")
        _ = try file.apply(StateChange(item: ItemLocator(item), mark: "x"), stamp: Self.stamp)
        var expected = String(decoding: original, as: UTF8.self)
        expected = replace(expected, "- [ ] **TODO 1.3:**", "- [x] **TODO 1.3:**")
        expected = replace(expected, "`{{TIMESTAMP}}`", "`2026-11-27T13:30:00Z`")
        expected = replace(expected, "`Not Started`", "`In Progress`")
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == Array(expected.utf8))
        #expect(Array(expected.utf8).prefix(3) == [0xEF, 0xBB, 0xBF])
    }

    @Test func anOutsideEditIsKeptAndTheChangeReappliedById() throws {
        let original = String(decoding: try Repository.seedPlanBytes(), as: UTF8.self)
        let path = try plan(Array(original.utf8))
        var file = try PlanFile(path: path)
        let item = try file.document.item(matching: "4.1")
        // Someone inserts two lines above Phase 4 and ticks 0.2's first child while we look.
        let outside = replace(replace(original, "## **Phase 4", "Inserted note.\n\n## **Phase 4"),
                              "    - [ ] List Cognito", "    - [x] List Cognito")
        try Data(outside.utf8).write(to: URL(fileURLWithPath: path))
        let outcome = try file.apply(StateChange(item: ItemLocator(item), mark: "x"), stamp: nil)
        #expect(outcome.reapplied)
        #expect(outcome.item.line == item.line + 2)
        let expected = replace(outside, "- [ ] **TODO 4.1:**", "- [x] **TODO 4.1:**")
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self) == expected)
    }

    @Test func aChangeThatCannotBePlacedWritesNothing() throws {
        let original = String(decoding: try Repository.seedPlanBytes(), as: UTF8.self)
        let path = try plan(Array(original.utf8))
        var file = try PlanFile(path: path)
        let item = try file.document.item(matching: "4.3")
        let outside = replace(original, "- [ ] **TODO 4.3:** Perform a full deployment of the entire backend using a single `serverless compose deploy` command.\n", "")
        try Data(outside.utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: PlanError.itemGone(path: path, reference: "4.3")) {
            _ = try file.apply(StateChange(item: ItemLocator(item), mark: "x"), stamp: Self.stamp)
        }
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self) == outside)
    }

    @Test func modeIsKeptAndASymlinkStaysALink() throws {
        let path = try plan(try Repository.seedPlanBytes())
        chmod(path, 0o640)
        let link = (path as NSString).deletingLastPathComponent + "/link.md"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        var file = try PlanFile(path: link)
        let item = try file.document.item(matching: "2.5")
        _ = try file.apply(StateChange(item: ItemLocator(item), mark: "x"), stamp: Self.stamp)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o640)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == path)
        #expect(try PlanFile(path: path).document.item(matching: "2.5").state == .done)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent)
        #expect(leftovers.sorted() == ["REFACTOR_PLAN.md", "link.md"])
    }

    @Test func statesMapToMarks() throws {
        #expect(try StateChange.mark(forState: "done") == "x")
        #expect(try StateChange.mark(forState: "todo") == " ")
        #expect(try StateChange.mark(forState: "progress") == "/")
        #expect(try StateChange.mark(forState: "aborted") == "!")
        #expect(try StateChange.mark(forState: "cancelled") == "-")
        #expect(try StateChange.mark(forState: "?") == "?")
        #expect(throws: PlanError.unknownState("finished")) { try StateChange.mark(forState: "finished") }
        #expect(throws: PlanError.unknownState("]")) { try StateChange.mark(forState: "]") }
    }
}
