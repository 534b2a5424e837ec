import Foundation
import Testing

/// Every warning and note reaches the user through `Terminal.warning` / `Terminal.note`
/// (Sources/plantrack/PlanTrack.swift), which sanitise and prefix them the one way; a command
/// that writes its own "plantrack: warning:" to stderr would drift from that.
@Suite struct WarningFunnelTests {
    @Test func noSourceWritesItsOwnWarningOrNotePrefix() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let sources = root.appendingPathComponent("Sources")
        let funnel = sources.appendingPathComponent("plantrack/PlanTrack.swift").standardizedFileURL.path
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        #expect(!files.isEmpty)
        var bypasses: [String] = []
        for file in files where file.standardizedFileURL.path != funnel {
            let text = try String(contentsOf: file, encoding: .utf8)
            if text.contains("plantrack: warning:") || text.contains("plantrack: note:") {
                bypasses.append(file.lastPathComponent)
            }
        }
        #expect(bypasses == [])
    }
}
