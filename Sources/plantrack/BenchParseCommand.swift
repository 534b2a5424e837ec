import ArgumentParser
import Foundation
import PlanKit

/// Hidden: the scanner's own throughput, without process start-up or output, for
/// `make bench`.
struct BenchParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-parse", abstract: "Measure the scanner's throughput on a plan.", shouldDisplay: false)

    @Argument var file: String
    @Option(name: .customLong("repeat")) var repetitions: Int = 10

    func run() throws {
        let bytes = try PlanFile(path: file).document.bytes
        var bestWall = Double.infinity
        var bestCPU = Double.infinity
        var items = 0
        for _ in 0..<max(1, repetitions) {
            let wall = DispatchTime.now().uptimeNanoseconds
            let cpu = Self.threadCPUSeconds()
            let document = try PlanDocument(bytes: bytes, name: file)
            bestCPU = min(bestCPU, Self.threadCPUSeconds() - cpu)
            bestWall = min(bestWall, Double(DispatchTime.now().uptimeNanoseconds - wall) / 1e9)
            items = document.items.count
        }
        let mb = Double(bytes.count) / 1e6
        print(String(format: "%d items; wall %.1f ms = %.0f MB/s; cpu %.1f ms = %.0f MB/s",
                     items, bestWall * 1000, mb / bestWall, bestCPU * 1000, mb / bestCPU))
    }

    /// CPU time of this thread: steadier than wall time on a busy machine.
    static func threadCPUSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
