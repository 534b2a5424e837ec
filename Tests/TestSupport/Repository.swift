import Foundation

/// Files in this repository that tests read where they are, never copied into a
/// target: the seed plan, the sample project, the scripts.
public enum Repository {
    /// The repository root, found from this file's path (Tests/TestSupport/Repository.swift).
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static func url(_ relative: String) -> URL {
        root.appendingPathComponent(relative)
    }

    /// The sample serverless project the e2e scripts and the evidence tests probe.
    public static let listbackup = url("examples/listbackup")

    /// The seed plan, REFACTOR_PLAN.md at the root: the one copy every test reads.
    public static let seedPlan = url("REFACTOR_PLAN.md")

    public static func seedPlanBytes() throws -> [UInt8] {
        Array(try Data(contentsOf: seedPlan))
    }
}
