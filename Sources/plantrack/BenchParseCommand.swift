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

    @Option(help: "Also time PlanFile.apply (read, patch, check, parse, atomic write) toggling this item.")
    var mark: String?

    func run() throws {
        if let mark { try timeMark(mark) }
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

    /// One edit in process, as `plantrack mark` and the dashboard make it: the file is
    /// toggled and toggled back, best of `repetitions`.
    private func timeMark(_ reference: String) throws {
        var plan = try PlanFile(path: file)
        var best = Double.infinity
        for _ in 0..<max(1, repetitions) * 2 {
            let item = try plan.document.item(matching: reference)
            let mark = item.state == .done ? " " : "x"
            let start = DispatchTime.now().uptimeNanoseconds
            _ = try plan.apply(StateChange(item: ItemLocator(item), mark: mark), stamp: Date())
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        print(String(format: "mark %@ in process (read, patch, parse, atomic write with fsync): best %.2f ms", reference, best))
    }

    /// CPU time of this thread: steadier than wall time on a busy machine.
    static func threadCPUSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
