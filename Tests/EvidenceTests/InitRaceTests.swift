import Foundation
import PlanKit
import TestSupport
import Testing
@testable import Evidence

/// `plantrack init` without `--force` never replaces a file (CONTRACT §10), even one made
/// between its check and its write: the write links the new file into place only while
/// nothing is there.
@Suite struct InitRaceTests {
    let users = Array("# mine, written while init ran\nstage: prod\r\n\u{FEFF}".utf8) + [0xFF, 0x00]

    func draft(in folder: TemporaryFolder) throws -> ConfigDraft {
        let plan = try folder.write("REFACTOR_PLAN.md", "# Plan\n\n- [ ] **TODO 1.1:** Start.\n")
        return ConfigDraft.find(planPath: plan.path)
    }

    @Test func aFileMadeBetweenTheCheckAndTheWriteIsKept() throws {
        let folder = try TemporaryFolder("init-race")
        defer { folder.remove() }
        let draft = try draft(in: folder)
        #expect(!FileManager.default.fileExists(atPath: draft.configPath), "the check init makes first passes")
        var thrown: Failure?
        do {
            try draft.write("plan: REFACTOR_PLAN.md\n", force: false,
                            beforeLink: { _ = try? folder.write(ConfigLookup.fileName, bytes: users) })
        } catch {
            thrown = error
        }
        #expect(try Array(Data(contentsOf: URL(fileURLWithPath: draft.configPath))) == users, "kept byte for byte")
        let failure = try #require(thrown)
        #expect(failure.exitCode == 2)
        #expect(failure.sentence == "\(draft.configPath) already exists; pass --force to replace it")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".pt") }
        #expect(leftovers.isEmpty, "no temporary file is left behind")
    }

    @Test func withNothingThereTheFileIsWritten() throws {
        let folder = try TemporaryFolder("init-race")
        defer { folder.remove() }
        let draft = try draft(in: folder)
        try draft.write("plan: REFACTOR_PLAN.md\n", force: false)
        #expect(folder.read(ConfigLookup.fileName) == "plan: REFACTOR_PLAN.md\n")
        #expect(throws: Failure.self) { try draft.write("plan: other.md\n", force: false) }
        #expect(folder.read(ConfigLookup.fileName) == "plan: REFACTOR_PLAN.md\n")
        try draft.write("plan: other.md\n", force: true)
        #expect(folder.read(ConfigLookup.fileName) == "plan: other.md\n")
    }
}
