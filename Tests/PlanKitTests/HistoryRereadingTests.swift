import Foundation
import Testing
@testable import PlanKit

/// History reads a version that only ticks boxes or stamps the plan from the version
/// before instead of scanning it (`PlanDocument.rereading`). A wrong reuse would give a
/// wrong model silently, so each case is checked against a full scan.
@Suite struct HistoryRereadingTests {
    static let base = """
        # Plan

        **Last Updated**: `2026-11-20T10:00:00Z`
        **Status**: `In Progress`

        ## Phase 1: Start
        - [ ] **TODO 1.1: First thing**
          - [x] nested without id
        - [✓] **TODO 1.2: Ticked with a check**
        - [ x] not a task

        ## Phase 2: Next
        - [/] **TODO 2.1: Halfway**
        - [ ] **TODO 2.2: Other half**

        """

    /// A change to the base plan, and whether it may be read without a scan.
    struct Change: CustomTestStringConvertible {
        var name: String
        var text: String
        var rereadable: Bool
        var testDescription: String { name }
    }

    static func changed(_ edits: [(String, String)]) -> String {
        edits.reduce(base) { text, edit in
            let range = text.range(of: edit.0)!
            return text.replacingCharacters(in: range, with: edit.1)
        }
    }

    static let changes: [Change] = [
        Change(name: "one box ticked", text: changed([("- [ ] **TODO 1.1", "- [x] **TODO 1.1")]), rereadable: true),
        Change(name: "boxes ticked and stamped", text: changed([
            ("- [x] nested", "- [ ] nested"), ("- [/]", "- [!]"), ("- [ ] **TODO 2.2", "- [-] **TODO 2.2"),
            ("2026-11-20T10:00:00Z", "2026-11-21T09:30:00Z"), ("In Progress", "Not Started"),
        ]), rereadable: true),
        Change(name: "a mark of another kind", text: changed([("- [ ] **TODO 1.1", "- [?] **TODO 1.1")]), rereadable: true),
        Change(name: "text beside a mark", text: changed([("- [ ] **TODO 1.1", "- [x]  *TODO 1.1")]), rereadable: false),
        Change(name: "a bracket around a mark", text: changed([("- [ ] **TODO 1.1", "- [ ) **TODO 1.1")]), rereadable: false),
        Change(name: "a mark made a line break", text: changed([("- [ ] **TODO 1.1", "- [\n] **TODO 1.1")]), rereadable: false),
        Change(name: "a mark made a tab", text: changed([("- [ ] **TODO 1.1", "- [\t] **TODO 1.1")]), rereadable: false),
        Change(name: "a multi-byte mark", text: changed([("- [✓]", "- [✗]")]), rereadable: false),
        Change(name: "a one-byte mark made multi-byte", text: changed([("- [ ] **TODO 2.2", "- [✓] **TODO 2.2")]), rereadable: false),
        Change(name: "a task-like line made a task", text: changed([("- [ x] not", "- [x]  not")]), rereadable: false),
        Change(name: "an item renamed", text: changed([("First thing", "Frist thing")]), rereadable: false),
        Change(name: "an item renumbered", text: changed([("TODO 2.2", "TODO 2.3")]), rereadable: false),
        Change(name: "items moved between phases", text: changed([
            ("- [ ] **TODO 1.1: First thing**", "@"),
            ("- [ ] **TODO 2.2: Other half**", "- [ ] **TODO 1.1: First thing**"),
            ("@", "- [ ] **TODO 2.2: Other half**"),
        ]), rereadable: false),
        Change(name: "a stamp with a backtick", text: changed([("2026-11-20T10:00:00Z", "2026-11-20T10:00`00Z")]), rereadable: false),
        Change(name: "a heading changed", text: changed([("Phase 2: Next", "Phase 3: Next")]), rereadable: false),
        Change(name: "a line added", text: changed([("## Phase 2: Next\n", "## Phase 2: Next\n- [ ] new\n")]), rereadable: false),
    ]

    @Test(arguments: changes) func aRereadModelIsTheModelAScanFinds(change: Change) throws {
        let old = try PlanDocument(bytes: Array(Self.base.utf8), name: "old")
        let bytes = Array(change.text.utf8)
        let reread = old.rereading(bytes, name: "new")
        #expect((reread != nil) == change.rereadable)
        if let reread { try expectSameModel(reread.document, bytes) }
    }

    @Test func theItemsReportedChangedAreTheTickedOnes() throws {
        let old = try PlanDocument(bytes: Array(Self.base.utf8), name: "old")
        let reread = try #require(old.rereading(Array(Self.changes[1].text.utf8), name: "new"))
        #expect(reread.changedItems == [1, 3, 4])
        #expect(reread.document.lastUpdated?.value == "2026-11-21T09:30:00Z")
        #expect(reread.document.status?.value == "Not Started")
    }

    /// A paragraph that an underline makes a heading takes its first line as the title: a
    /// stamp there changes the heading, so it is scanned; under a blank line or an ATX
    /// heading the paragraph has ended and the stamp is read in place.
    @Test(arguments: [("---\n- [ ] a\n", false), ("more\n===\n", false), ("\n---\n- [ ] a\n", true),
                      ("## Phase 1\n- [ ] a\n", true), ("", true)])
    func aStampIsReadInPlaceOnlyWhereNoUnderlineCanFollow(after: String, rereadable: Bool) throws {
        let plan = { (stamp: String) in "**Last Updated**: `\(stamp)`\n" + after }
        let old = try PlanDocument(bytes: Array(plan("2026-11-20T10:00:00Z").utf8), name: "old")
        let bytes = Array(plan("2026-11-21T10:00:00Z").utf8)
        let reread = old.rereading(bytes, name: "new")
        #expect((reread != nil) == rereadable)
        if let reread { try expectSameModel(reread.document, bytes) }
    }

    @Test(arguments: changes) func historyReadsTheChangeAsAScanDoes(change: Change) {
        let versions = [Self.base, change.text, Self.base].enumerated().map { index, text in
            PlanVersion(bytes: Array(text.utf8), commit: "c\(index)", date: Date(timeIntervalSince1970: Double(index) * 86_400), author: "A")
        }
        expectSameHistory(versions)
    }

    /// Generated plans (nested lists, code, HTML, quotes, lazy lines) changed at random, a
    /// box ticked, a stamp, a byte anywhere, two lines swapped, version after version.
    @Test func historyOfGeneratedPlansEqualsAScanOfEveryVersion() throws {
        var reread = 0
        for seed in UInt64(1)...60 {
            var generator = DocumentGenerator(seed: seed)
            var rng = SplitMix64(seed: seed &* 7919)
            var text = Array(("**Last Updated**: `2026-11-20T10:00:00Z`\n\n" + generator.document()).utf8)
            var versions: [PlanVersion] = []
            for index in 0..<40 {
                versions.append(PlanVersion(bytes: text, commit: "c\(index)", date: Date(timeIntervalSince1970: Double(index) * 3_600), author: nil))
                let before = text
                mutate(&text, &rng)
                if let document = try? PlanDocument(bytes: before), let read = document.rereading(text, name: "new") {
                    reread += 1
                    try expectSameModel(read.document, text)
                }
            }
            expectSameHistory(versions)
        }
        #expect(reread > 500, "most changes should be ticks the history reads without a scan")
    }

    func mutate(_ text: inout [UInt8], _ rng: inout SplitMix64) {
        let marks = text.indices.dropLast(2).filter { text[$0] == UInt8(ascii: "[") && text[$0 + 2] == UInt8(ascii: "]") }.map { $0 + 1 }
        let choice = rng.int(0...9)
        if choice < 6, !marks.isEmpty {
            text[marks[rng.int(0...marks.count - 1)]] = Array(" xX/!-?\t\n]".utf8)[rng.int(0...9)]
        } else if choice < 8, let stamp = text.firstIndex(of: UInt8(ascii: "`")), stamp + 21 < text.count {
            text[stamp + 1 + rng.int(0...19)] = UInt8(rng.int(0x20...0x7E))
        } else if choice == 8 {
            let ascii = text.indices.filter { text[$0] < 0x80 }
            text[ascii[rng.int(0...ascii.count - 1)]] = UInt8(rng.int(0x20...0x7E))
        } else {
            var lines = text.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            lines.swapAt(rng.int(0...lines.count - 1), rng.int(0...lines.count - 1))
            text = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
        }
    }

    func expectSameHistory(_ versions: [PlanVersion], sourceLocation: SourceLocation = #_sourceLocation) {
        let fast = PlanHistory(versions: versions, rereading: true)
        let scanned = PlanHistory(versions: versions, rereading: false)
        #expect(fast.points == scanned.points, sourceLocation: sourceLocation)
        #expect(fast.unreadable.map(\.commit) == scanned.unreadable.map(\.commit), sourceLocation: sourceLocation)
    }

    func expectSameModel(_ reread: PlanDocument, _ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let scanned = try PlanDocument(bytes: bytes, name: "new")
        #expect(reread.bytes == scanned.bytes, sourceLocation: sourceLocation)
        #expect(reread.items == scanned.items, sourceLocation: sourceLocation)
        #expect(reread.sections == scanned.sections, sourceLocation: sourceLocation)
        #expect(reread.lineStarts == scanned.lineStarts, sourceLocation: sourceLocation)
        #expect(reread.title == scanned.title, sourceLocation: sourceLocation)
        #expect(reread.lastUpdated == scanned.lastUpdated, sourceLocation: sourceLocation)
        #expect(reread.status == scanned.status, sourceLocation: sourceLocation)
        #expect(reread.taskLikeLines == scanned.taskLikeLines, sourceLocation: sourceLocation)
    }
}
