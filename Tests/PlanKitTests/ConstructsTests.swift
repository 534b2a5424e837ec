import Testing
@testable import PlanKit

/// Hand-checked constructs: code, HTML, quotes, every list marker, tabs, setext headings,
/// odd marks and lines that only look like tasks.
@Suite struct ConstructsTests {
    let document = try! Fixtures.document("constructs.md")

    @Test func onlyRealTasksAreFound() {
        #expect(document.items.map(\.line) == [3, 34, 35, 36, 37, 38, 39, 43, 44, 45, 46, 47, 49, 50, 53, 54])
        #expect(!document.items.contains { $0.text.hasPrefix("not a task") })
    }

    @Test func marksAndStates() throws {
        #expect(try document.item(matching: "1.2").state == .progress)
        #expect(try document.item(matching: "1.3").state == .cancelled)
        #expect(try document.item(matching: "1.4").state == .other)
        let multibyte = try document.item(matching: "1.5")
        #expect(multibyte.mark == "✓" && multibyte.state == .other)
        #expect(Array(document.bytes[multibyte.markOffset..<(multibyte.markOffset + 3)]) == Array("✓".utf8))
    }

    @Test func nesting() throws {
        #expect(try document.item(matching: "L35").parent == document.item(matching: "1.1").index)
        #expect(try document.item(matching: "2.1.1").parent == document.item(matching: "2.1").index)
        #expect(try document.item(matching: "2.7").parent == nil)
        #expect(try document.item(matching: "2.5").state == .todo)
        #expect(try document.item(matching: "2.6").state == .done)
    }

    @Test func sectionsAndMetadata() {
        #expect(document.title == "Setext Title")
        #expect(document.sections.first?.title == nil)
        #expect(document.sections.first?.items.count == 1)
        #expect(document.sectionsWithTasks.map(\.phase) == [nil, "1", "2"])
        #expect(document.sectionsWithTasks.map(\.title) == [nil, "Code and HTML", "Lists of every kind"])
        #expect(document.lastUpdated?.value == "2026-01-01T00:00:00Z")
        #expect(document.status?.value == "In Progress")
    }

    @Test func taskLikeLinesAreReported() {
        #expect(document.taskLikeLines.map(\.line) == [59, 60, 61, 62])
        let lint = PlanLint.findings(for: document)
        #expect(lint.filter { $0.rule == "not-a-task" }.map(\.line) == [59, 60, 61, 62])
        #expect(lint.contains { $0.rule == "done-parent-open-children" && $0.line == 34 })
    }
}
