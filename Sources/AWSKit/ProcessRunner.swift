import PlanKit
import Foundation

/// Runs a program directly (never through a shell), with the given environment,
/// and collects what it prints. Used for `credential_process` and `aws configure
/// export-credentials`.
enum ProcessRunner {
    struct Output: Sendable {
        var status: Int32
        var stdout: [UInt8]
        var stderr: [UInt8]
        /// The first non-empty line of stderr, shortened: enough to say why without echoing much.
        var stderrSummary: String {
            let text = String(decoding: stderr, as: UTF8.self)
            let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            return TerminalText.sanitized(String(line.prefix(200)))
        }
    }

    enum RunError: Error, Equatable {
        case notFound(String)
        case couldNotStart(String)
        case timedOut(Double)
    }

    /// Finds `name` on the PATH of `environment` (or takes it as a path when it has a `/`).
    static func locate(_ name: String, environment: [String: String]) -> String? {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Process and pipes are not Sendable; this box is handed between the threads that read and wait.
    private final class Running: @unchecked Sendable {
        let process = Process()
        let stdout = Pipe()
        let stderr = Pipe()
        private let lock = NSLock()
        private var killed = false

        func kill() {
            lock.lock()
            defer { lock.unlock() }
            // SIGKILL, not terminate(): a child started from a Dispatch thread inherits
            // a signal mask that may block SIGTERM, and a stuck process must not hang a probe.
            if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL); killed = true }
        }

        var wasKilled: Bool {
            lock.lock()
            defer { lock.unlock() }
            return killed
        }
    }

    static func run(_ arguments: [String], environment: [String: String], timeout: Double) async throws(RunError) -> Output {
        guard let program = arguments.first, let executable = locate(program, environment: environment) else {
            throw .notFound(arguments.first ?? "")
        }
        let running = Running()
        running.process.executableURL = URL(fileURLWithPath: executable)
        running.process.arguments = Array(arguments.dropFirst())
        running.process.environment = environment
        running.process.standardOutput = running.stdout
        running.process.standardError = running.stderr
        running.process.standardInput = FileHandle.nullDevice
        do { try running.process.run() } catch { throw .couldNotStart(executable) }
        let timer = DispatchWorkItem { running.kill() }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
        let (out, err) = await withCheckedContinuation { (continuation: CheckedContinuation<(Data, Data), Never>) in
            DispatchQueue.global().async {
                // Read both pipes while the program runs, so a large output cannot block it.
                let group = DispatchGroup()
                nonisolated(unsafe) var errData = Data()
                group.enter()
                DispatchQueue.global().async {
                    errData = running.stderr.fileHandleForReading.readDataToEndOfFile()
                    group.leave()
                }
                let outData = running.stdout.fileHandleForReading.readDataToEndOfFile()
                group.wait()
                running.process.waitUntilExit()
                continuation.resume(returning: (outData, errData))
            }
        }
        timer.cancel()
        if running.wasKilled { throw .timedOut(timeout) }
        return Output(status: running.process.terminationStatus, stdout: Array(out), stderr: Array(err))
    }
}
