import Foundation
import PlanKit
import TestSupport
import Testing
@testable import Dashboard

/// Golden screens of the seed plan: `render` at several sizes compared with the plain
/// text files in Snapshots/. After a deliberate change of the layout, re-record with
/// PLANTRACK_RECORD_SNAPSHOTS=1 and read the diff before committing it.
@Suite struct SeedSnapshotTests {
    static let folder = Repository.url("Tests/DashboardTests")

    static func seedState(width: Int, height: Int) throws -> DashboardState {
        let document = try PlanDocument(bytes: Repository.seedPlanBytes(), name: "REFACTOR_PLAN.md")
        return DashboardState(outline: PlanOutline(document: document, path: "REFACTOR_PLAN.md"),
                              width: width, height: height, now: OutlineFixture.epoch, stages: ["dev"],
                              themes: ["default"])
    }

    func expectSnapshot(_ screen: Screen, named name: String) throws {
        let file = Self.folder.appendingPathComponent("Snapshots/\(name).txt")
        let actual = screen.text
        if ProcessInfo.processInfo.environment["PLANTRACK_RECORD_SNAPSHOTS"] == "1" {
            try actual.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(actual == expected, "screen differs from Snapshots/\(name).txt")
    }

    @Test(arguments: [(80, 24), (120, 40), (40, 10), (200, 60)])
    func seedPlanAtSize(width: Int, height: Int) throws {
        try expectSnapshot(render(try Self.seedState(width: width, height: height)), named: "seed-\(width)x\(height)")
    }

    @Test func seedPlanWithTODO25FoundAndANoteShown() throws {
        var state = try Self.seedState(width: 80, height: 24)
        _ = reduce(&state, .key(.character("/")))
        for character in "2.5" { _ = reduce(&state, .key(.character(character))) }
        _ = reduce(&state, .key(.enter))
        try expectSnapshot(render(state), named: "seed-80x24-search-2.5")
        state.select(item: try #require(state.outline.item(matching: "0.3")).index)
        let text = render(state).text
        #expect(text.contains("│ Note: After multiple attempts"))
    }

    @Test func seedPlanHelpOverlay() throws {
        var state = try Self.seedState(width: 80, height: 24)
        _ = reduce(&state, .key(.character("?")))
        try expectSnapshot(render(state), named: "seed-80x24-help")
    }

    @Test func seedPlanCountsMatchThePlan() throws {
        let state = try Self.seedState(width: 80, height: 24)
        let counts = state.outline.counts
        #expect(counts.total == 27 && counts.done == 7 && counts.aborted == 2 && counts.todo == 18)
        #expect(state.outline.phases.map(\.number) == ["0", "1", "2", "3", "4"])
        #expect(state.outline.item(matching: "3.2.1")?.parent == state.outline.item(matching: "3.2")?.index)
    }
}
