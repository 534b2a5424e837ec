import Foundation
import TestSupport

/// Fixtures/fault_server.py on a free loopback port: an AWS endpoint that
/// throttles, fails, hangs or talks nonsense, and logs every request it gets.
final class FaultServer: @unchecked Sendable {
    let port: Int
    private let logFolder: TemporaryFolder
    private let process: Process

    var url: String { "http://127.0.0.1:\(port)" }
    var logPath: String { logFolder.path("requests.log") }

    convenience init(scenario: String) throws {
        try self.init(script: "fault_server.py", mode: scenario)
    }

    /// Any loopback fake in Fixtures that takes `MODE LOGFILE ARGS…` and prints its port
    /// (fault_server.py; net_fakes.py for the proxy and the TLS front).
    init(script: String, mode: String, arguments: [String] = []) throws {
        logFolder = try TemporaryFolder("fault")
        try logFolder.write("requests.log", "")
        let server = try Subprocess.launch(["python3", Fixtures.path(script), mode,
                                            logFolder.path("requests.log")] + arguments)
        process = server.process
        var line = [UInt8]()
        while true {
            let byte = server.output.readData(ofLength: 1)
            guard let first = byte.first else { break }
            if first == UInt8(ascii: "\n") { break }
            line.append(first)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            process.terminate()
            throw FaultServerError.noPort(String(decoding: line, as: UTF8.self))
        }
        self.port = port
    }

    enum FaultServerError: Error { case noPort(String) }

    /// The requests the server received, in order.
    func requests() -> [[String: Any]] {
        logLines().filter { $0["end"] == nil }
    }

    /// Every line the fake logged (the proxy's CONNECTs, the TLS front's handshakes).
    func log() -> [[String: Any]] { logLines() }

    /// The most requests that were being answered at the same moment (scenario `slow`).
    func maxInFlight() -> Int {
        var events: [(Double, Int)] = []
        for line in logLines() {
            if let start = line["start"] as? Double { events.append((start, 1)) }
            if let end = line["end"] as? Double { events.append((end, -1)) }
        }
        var current = 0, most = 0
        for (_, change) in events.sorted(by: { $0.0 == $1.0 ? $0.1 < $1.1 : $0.0 < $1.0 }) {
            current += change
            most = max(most, current)
        }
        return most
    }

    private func logLines() -> [[String: Any]] {
        let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    func stop() {
        // SIGKILL: a child of the test runner may have SIGTERM blocked.
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        logFolder.remove()
    }

    /// A loopback port nothing listens on (bound, then released).
    static func closedPort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                _ = bind(fd, pointer, length)
                _ = getsockname(fd, pointer, &length)
            }
        }
        close(fd)
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
