import Dashboard
import DashboardLoop
import Foundation
import Testing

/// Issue 10 point 14: a deleted plan (or a folder in its place) is a lasting banner, and
/// `W` writes the copy in memory back only after the user says y.
@Suite struct PlanGoneLoopTests {
    @Test func aDeletedPlanIsWrittenBackOnlyAfterYes() async throws {
        let plan = try AppHarness()
        defer { plan.cleanUp() }
        var afterNo = true
        let terminal = RecordingTerminal(steps: [
            .waitFor("Create the folder"),
            .run { plan.remove() },
            .waitFor("REFACTOR_PLAN.md was deleted: showing the last version read; W writes it back."),
            .event(.key(.character("W"))),
            .waitFor("y writes, any other key does not"),
            .event(.key(.character("n"))),
            .waitFor("Nothing written."),
            .run { afterNo = FileManager.default.fileExists(atPath: plan.path) },
            .event(.key(.character(" "))),  // a mark while the file is gone: refused, the banner stays
            .waitFor("REFACTOR_PLAN.md was deleted"),  // the write was refused; the banner stays
            .event(.key(.character("W"))),
            .event(.key(.character("y"))),
            .waitFor("Wrote the copy in memory back"),
        ])
        let app = try await plan.run(terminal, pollInterval: 0)
        #expect(terminal.timedOut == nil, "\(terminal.timedOut ?? "")")
        #expect(!afterNo, "n wrote the plan")
        #expect(try plan.read() == AppHarness.plan)
        #expect(app.state.planGone == nil && !terminal.text.contains("W writes it back"))
    }

    @Test func aFolderInThePlansPlaceIsNeverWrittenOver() async throws {
        let plan = try AppHarness()
        defer { plan.cleanUp() }
        let terminal = RecordingTerminal(columns: 140, steps: [
            .waitFor("Create the folder"),
            .run {
                plan.remove()
                try? FileManager.default.createDirectory(atPath: plan.path, withIntermediateDirectories: false)
            },
            .waitFor("REFACTOR_PLAN.md is a folder now: showing the last version read; W writes it back."),
            .event(.key(.character("W"))),
            .event(.key(.character("y"))),
            .waitFor("cannot be written"),
        ])
        let app = try await plan.run(terminal, pollInterval: 0)
        #expect(terminal.timedOut == nil, "\(terminal.timedOut ?? "")")
        var folder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: plan.path, isDirectory: &folder) && folder.boolValue)
        #expect(app.state.planGone != nil, "the banner went away while the plan is still a folder")
    }
}
