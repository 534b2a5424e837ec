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
        var best = Double.infinity
        var items = 0
        for _ in 0..<max(1, repetitions) {
            let start = DispatchTime.now().uptimeNanoseconds
            let document = try PlanDocument(bytes: bytes, name: file)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            items = document.items.count
            best = min(best, seconds)
        }
        let mb = Double(bytes.count) / 1e6
        print(String(format: "%d items, %.1f ms, %.0f MB/s", items, best * 1000, mb / best))
    }
}
