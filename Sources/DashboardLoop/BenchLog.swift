import Foundation

/// Timings for scripts/bench-tui.sh, written only when PLANTRACK_BENCH_LOG names a file:
/// wall-clock instants (so the script can subtract its own launch time) and durations.
public struct BenchLog {
    public let path: String

    public init?(environment: [String: String]) {
        guard let path = environment["PLANTRACK_BENCH_LOG"], !path.isEmpty else { return nil }
        self.path = path
    }

    public func record(_ name: String, _ value: Double) {
        let line = "\(name) \(String(format: "%.3f", value))\n"
        guard let handle = FileHandle(forWritingAtPath: path) ?? {
            FileManager.default.createFile(atPath: path, contents: nil)
            return FileHandle(forWritingAtPath: path)
        }() else { return }
        handle.seekToEndOfFile()
        handle.write(Data(line.utf8))
        try? handle.close()
    }
}
