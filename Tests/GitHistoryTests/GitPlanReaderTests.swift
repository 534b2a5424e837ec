import Foundation
import GitHistory
import PlanKit
import Testing

/// History read from repositories made here, with set authors and dates, point by point.
@Suite struct GitPlanReaderTests {
    static let start = 1_795_000_000 // 2026-11-18T11:06:40Z

    static let v1 = """
        # Plan
        ## Phase 1: One
        - [ ] **TODO 1.1: Alpha**: a
        - [ ] **TODO 1.2: Beta**: b
        - [ ] Gamma without id
        ## Phase 2: Two
        - [ ] **TODO 2.1: Delta**: d

        """

    func history(_ repo: FixtureRepository, plan: String) throws -> (GitPlanVersions, PlanHistory) {
        let read = try GitPlanReader(planPath: repo.folder + "/" + plan, environment: repo.environment,
                                     now: Date(timeIntervalSince1970: 1_800_000_000)).read()
        return (read, PlanHistory(versions: read.versions))
    }

    /// Objects larger than the reader's buffer are read from the pipe past it, small ones
    /// through it: every version comes back byte for byte, in order.
    @Test func largeAndSmallVersionsAreReadByteForByte() throws {
        var repo = try FixtureRepository(start: Self.start)
        defer { repo.remove() }
        let long = (1...900).map { "- [ ] item \($0) with some words to make the plan long\n" }.joined()
        let texts = ["# Plan\n" + long, "# Plan\n- [x] short\n", "# Plan\n" + long + long, "# Plan\n- [ ] short\n",
                     "# Plan\n" + long.replacingOccurrences(of: "[ ] item 7 ", with: "[x] item 7 ")]
        for text in texts { try repo.commit("PLAN.md", text) }
        let (read, _) = try history(repo, plan: "PLAN.md")
        #expect(read.versions.map { String(decoding: $0.bytes, as: UTF8.self) } == texts)
    }

    @Test func closingReopeningRenumberingMovingAndRenamingArePointsWithTheirChanges() throws {
        var repo = try FixtureRepository(start: Self.start)
        defer { repo.remove() }
        let c1 = try repo.commit("PLAN.md", Self.v1)
        try repo.write("other.txt", "not the plan\n")
        try repo.commitAll(message: "a commit that leaves the plan alone")
        var text = Self.v1.replacingOccurrences(of: "- [ ] **TODO 1.1", with: "- [x] **TODO 1.1")
            .replacingOccurrences(of: "- [ ] Gamma", with: "- [x] Gamma")
        let c2 = try repo.commit("PLAN.md", text, author: "Bo Chen")
        text = text.replacingOccurrences(of: "- [x] **TODO 1.1", with: "- [ ] **TODO 1.1")
            .replacingOccurrences(of: "- [ ] **TODO 1.2", with: "- [x] **TODO 1.2")
        try repo.commit("PLAN.md", text)
        // Delta moves to phase 1 as 1.3; a new 2.1 takes its old id.
        text = text.replacingOccurrences(of: "## Phase 2: Two\n- [ ] **TODO 2.1: Delta**: d\n",
                                         with: "## Phase 2: Two\n- [ ] **TODO 2.1: Epsilon**: e\n")
            .replacingOccurrences(of: "- [x] Gamma without id\n", with: "- [x] Gamma without id\n- [ ] **TODO 1.3: Delta**: d\n")
        try repo.commit("PLAN.md", text)
        try repo.git("mv", "PLAN.md", "REFACTOR_PLAN.md")
        let renamed = try repo.commitAll(message: "rename")
        text = text.replacingOccurrences(of: "- [ ] **TODO 1.3", with: "- [-] **TODO 1.3")
        let last = try repo.commit("REFACTOR_PLAN.md", text, author: "Bo Chen")

        let (read, history) = try history(repo, plan: "REFACTOR_PLAN.md")
        #expect(!read.shallow)
        #expect(read.versions.map(\.commit) == [c1, c2, read.versions[2].commit, read.versions[3].commit, renamed, last])
        let points = history.points
        #expect(points.count == 6)
        #expect(points[0].added == ["1.1", "1.2", "L5", "2.1"])
        #expect(points[0].counts.total == 4 && points[0].counts.todo == 4)
        #expect(points[0].author == "Ana Lopez")
        #expect(Timestamp.rfc3339(points[0].date) == "2026-11-18T11:06:40Z")
        #expect(points[1].author == "Bo Chen")
        #expect(points[1].closed == ["1.1", "L5"] && points[1].reopened.isEmpty)
        #expect(points[1].counts.done == 2)
        #expect(points[2].closed == ["1.2"] && points[2].reopened == ["1.1"])
        #expect(points[3].added == ["2.1"] && points[3].removed.isEmpty && points[3].closed.isEmpty)
        #expect(points[3].counts.total == 5)
        #expect(!points[4].hasChanges, "a rename alone changes no item")
        #expect(points[5].closed == ["1.3"] && points[5].counts.cancelled == 1)
        #expect(points.allSatisfy { $0.commit != nil })
    }

    @Test func uncommittedChangesAreALastPointWithoutACommit() throws {
        var repo = try FixtureRepository(start: Self.start)
        defer { repo.remove() }
        try repo.commit("REFACTOR_PLAN.md", Self.v1)
        try repo.write("REFACTOR_PLAN.md", Self.v1.replacingOccurrences(of: "- [ ] **TODO 2.1", with: "- [x] **TODO 2.1"))
        let (_, history) = try history(repo, plan: "REFACTOR_PLAN.md")
        #expect(history.points.count == 2)
        #expect(history.points[1].commit == nil && history.points[1].author == nil)
        #expect(history.points[1].closed == ["2.1"])
        #expect(history.points[1].date == Date(timeIntervalSince1970: 1_800_000_000))
    }

    @Test func aMergeOfTwoBranchesThatBothChangedThePlanEndsWithBothChanges() throws {
        var repo = try FixtureRepository(start: Self.start)
        defer { repo.remove() }
        try repo.commit("REFACTOR_PLAN.md", Self.v1)
        try repo.git("checkout", "-q", "-b", "feature")
        try repo.commit("REFACTOR_PLAN.md", Self.v1.replacingOccurrences(of: "- [ ] **TODO 2.1", with: "- [x] **TODO 2.1"),
                        author: "Bo Chen")
        try repo.git("checkout", "-q", "main")
        try repo.commit("REFACTOR_PLAN.md", Self.v1.replacingOccurrences(of: "- [ ] **TODO 1.1", with: "- [x] **TODO 1.1"))
        try repo.git("merge", "-q", "--no-edit", "feature", date: repo.clock)
        let merge = try repo.git("rev-parse", "HEAD")
        let (_, history) = try history(repo, plan: "REFACTOR_PLAN.md")
        let points = history.points
        #expect(points.count == 4)
        #expect(points.last?.commit == merge)
        #expect(points.last?.counts.done == 2)
        // Points follow git log's order (newest commit date first, reversed): each branch's
        // view shows when its commit comes, so net closures count each item once.
        let net = points.reduce(0) { $0 + $1.closed.count - $1.reopened.count }
        #expect(net == 2)
    }

    @Test func aPlanOutsideARepositoryIsRefusedWithASentence() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plantrack-norepo-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data(Self.v1.utf8).write(to: URL(fileURLWithPath: folder + "/REFACTOR_PLAN.md"))
        var env = ProcessInfo.processInfo.environment
        env["GIT_CEILING_DIRECTORIES"] = FileManager.default.temporaryDirectory.path
        #expect(throws: GitHistoryError.notARepository(path: folder + "/REFACTOR_PLAN.md")) {
            try GitPlanReader(planPath: folder + "/REFACTOR_PLAN.md", environment: env).read()
        }
    }

    @Test func anUntrackedPlanIsRefusedWithASentence() throws {
        var repo = try FixtureRepository(start: Self.start)
        defer { repo.remove() }
        try repo.commit("README.md", "readme\n")
        try repo.write("REFACTOR_PLAN.md", Self.v1)
        #expect(throws: GitHistoryError.untracked(path: repo.folder + "/REFACTOR_PLAN.md")) {
            try GitPlanReader(planPath: repo.folder + "/REFACTOR_PLAN.md", environment: repo.environment).read()
        }
    }

    @Test func noGitOnPathIsRefusedWithASentence() throws {
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = "/nonexistent"
        #expect(throws: GitHistoryError.noGit) {
            try GitPlanReader(planPath: "/tmp/REFACTOR_PLAN.md", environment: env).read()
        }
        #expect(GitHistoryError.noGit.description.contains("PATH"))
    }

    @Test func aShallowCloneSaysSo() throws {
        var repo = try FixtureRepository(start: Self.start)
        defer { repo.remove() }
        try repo.commit("REFACTOR_PLAN.md", Self.v1)
        try repo.commit("REFACTOR_PLAN.md", Self.v1.replacingOccurrences(of: "- [ ] **TODO 1.1", with: "- [x] **TODO 1.1"))
        try repo.commit("REFACTOR_PLAN.md", Self.v1.replacingOccurrences(of: "- [ ] **TODO 1.2", with: "- [x] **TODO 1.2"))
        let clone = repo.folder + "-clone"
        defer { try? FileManager.default.removeItem(atPath: clone) }
        try repo.git("clone", "-q", "--depth", "2", "file://" + repo.folder, clone)
        let read = try GitPlanReader(planPath: clone + "/REFACTOR_PLAN.md", environment: repo.environment).read()
        #expect(read.shallow)
        #expect(read.versions.count == 2)
    }
}
