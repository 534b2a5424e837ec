import Foundation

/// The repository root, found from this file's path so tests can read examples/.
enum RepoPaths {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let listbackup = root.appendingPathComponent("examples/listbackup")
}
