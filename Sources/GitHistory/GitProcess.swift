import Foundation

/// Runs git: found on PATH once, run with the plan's folder as its working directory.
struct GitProcess {
    let executable: String
    let folder: String
    let environment: [String: String]

    /// Nil when no executable `git` is on PATH.
    init?(folder: String, environment: [String: String]) {
        let path = environment["PATH"] ?? "/usr/bin:/bin"
        let candidates = path.split(separator: ":").map { ($0.isEmpty ? "." : String($0)) + "/git" }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
        executable = found
        self.folder = folder
        var environment = environment
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["LC_ALL"] = "C"
        self.environment = environment
    }

    struct Result<Output> {
        var status: Int32
        var output: Output
        var errors: String
    }

    /// Runs `git ARGS` and collects its output.
    func run(_ arguments: [String], input: [UInt8]? = nil) throws(GitHistoryError) -> Result<[UInt8]> {
        try run(arguments, input: input) { [UInt8]($0.readDataToEndOfFile()) }
    }

    /// Runs `git ARGS`, writing `input` to its standard input from another thread so a
    /// full output pipe cannot stall the writer; `read` reads the output to its end.
    func run<Output>(_ arguments: [String], input: [UInt8]? = nil,
                     reading read: (FileHandle) -> Output) throws(GitHistoryError) -> Result<Output> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-c", "core.quotePath=false", "-c", "log.showSignature=false"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.environment = environment
        let stdout = Pipe(), stderr = Pipe(), stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        do { try process.run() } catch {
            throw .gitFailed(command: arguments.first ?? "", message: "\(executable) could not be started (\(error.localizedDescription))")
        }
        let group = DispatchGroup()
        if let input {
            DispatchQueue.global().async(group: group) {
                stdin.fileHandleForWriting.write(Data(input))
                try? stdin.fileHandleForWriting.close()
            }
        }
        let errors = Collected()
        DispatchQueue.global().async(group: group) { errors.data = stderr.fileHandleForReading.readDataToEndOfFile() }
        let output = read(stdout.fileHandleForReading)
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: output,
                      errors: String(decoding: errors.data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

/// Standard error, read on another thread and handed over once the group is done.
private final class Collected: @unchecked Sendable {
    var data = Data()
}
