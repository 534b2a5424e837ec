import Foundation
import TestSupport
import Testing
@testable import PlanKit

/// The plan PlanTrack ships with, read into the model the contract describes.
@Suite struct SeedPlanTests {
    let document = try! PlanDocument(bytes: Repository.seedPlanBytes(), name: "seed.md")

    @Test func countsTwentySevenTasks() {
        let c = document.counts
        #expect(c.total == 27)
        #expect(c.done == 7)
        #expect(c.aborted == 2)
        #expect(c.todo == 18)
        #expect(c.progress == 0 && c.cancelled == 0 && c.other == 0)
        #expect(document.derivedStatus == "In Progress")
    }

    @Test func phasesZeroToFour() {
        let phases = document.sectionsWithTasks
        #expect(phases.map(\.phase) == ["0", "1", "2", "3", "4"])
        #expect(phases.map(\.title) == [
            "Investigation and Planning", "Project Restructuring", "Isolate Stateful Infrastructure Stacks",
            "Refactor Services", "Orchestrate Deployment",
        ])
        #expect(phases[0].line == 21)
        #expect(document.sections.map(\.title).contains("Guiding Principles"))
        #expect(document.sections.last?.title == "Discovered AWS Resources")
    }

    @Test func titleAndMetadata() {
        #expect(document.title == "Backend Refactoring Plan")
        #expect(document.lastUpdated?.value == "{{TIMESTAMP}}")
        #expect(document.lastUpdated?.line == 5)
        #expect(document.status?.value == "Not Started")
        #expect(document.status?.line == 6)
    }

    @Test func abortedParentHasFourChildren() throws {
        let parent = try document.item(matching: "0.2")
        #expect(parent.state == .aborted)
        #expect(parent.mark == "!")
        #expect(parent.children.count == 4)
        #expect(parent.children.map { document.items[$0].line } == [25, 26, 27, 28])
        #expect(parent.children.allSatisfy { document.items[$0].parent == parent.index })
    }

    @Test func plainBulletKeepsTheNesting() throws {
        let child = try document.item(matching: "3.2.1")
        let parent = try document.item(matching: "3.2")
        #expect(child.parent == parent.index)
        #expect(child.depth == 1)
        #expect(parent.children.count == 5)
        #expect(document.sectionsWithTasks[3].items.map { document.items[$0].id } == ["3.1", "3.2"])
    }

    @Test func todoTwoPointFiveOnLine48() throws {
        let item = try document.item(matching: "2.5")
        #expect(item.line == 48)
        #expect(item.state == .todo)
        #expect(item.text == "**TODO 2.5:** Deploy all `infra` stacks and verify that resource details are in SSM.")
        let markByte = document.bytes[item.markOffset]
        #expect(markByte == UInt8(ascii: " "))
        #expect(document.bytes[item.markOffset - 1] == UInt8(ascii: "["))
        #expect(try document.item(matching: "L48") == item)
    }

    @Test func itemsWithoutIdsAreFoundByLine() throws {
        let item = try document.item(matching: "L25")
        #expect(item.id == nil)
        #expect(item.text == "List Cognito User Pools in `us-west-2`.")
        #expect(throws: PlanError.unknownItem(path: document.name, reference: "L22")) { try document.item(matching: "L22") }
        #expect(throws: PlanError.unknownItem(path: document.name, reference: "9.9")) { try document.item(matching: "9.9") }
        #expect(throws: PlanError.badReference(reference: "two")) { try document.item(matching: "two") }
    }
}
