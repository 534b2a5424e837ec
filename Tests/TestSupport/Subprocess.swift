import Foundation

/// A program run to its end, found on PATH through /usr/bin/env.
public struct Subprocess: Sendable {
    public var status: Int32
    /// Standard output, with standard error merged in unless the run kept it apart.
    public var output: Data
    public var text: String { String(decoding: output, as: UTF8.self) }
    public var succeeded: Bool { status == 0 }

    /// Runs `arguments` (program first) and waits; standard error joins the output
    /// when `mergingErrors`, else goes where the test runner's goes.
    public static func run(_ arguments: [String], mergingErrors: Bool = true) throws -> Subprocess {
        let (process, output) = try start(arguments, mergingErrors: mergingErrors)
        let data = output.readDataToEndOfFile()
        process.waitUntilExit()
        return Subprocess(status: process.terminationStatus, output: data)
    }

    /// Starts `arguments` and returns at once, with its standard output to read
    /// (a server that prints its port, say); the caller stops it.
    public static func launch(_ arguments: [String]) throws -> (process: Process, output: FileHandle) {
        try start(arguments, mergingErrors: false)
    }

    private static func start(_ arguments: [String], mergingErrors: Bool) throws -> (Process, FileHandle) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        if mergingErrors { process.standardError = pipe }
        try process.run()
        return (process, pipe.fileHandleForReading)
    }

    /// Runs a Python script with `arguments`; throws with its output when it fails.
    @discardableResult
    public static func python(_ script: String, _ arguments: [String] = []) throws -> String {
        let run = try run(["python3", script] + arguments)
        guard run.succeeded else { throw Failed(command: (script as NSString).lastPathComponent, output: run.text) }
        return run.text
    }

    public struct Failed: Error, CustomStringConvertible {
        public var command: String
        public var output: String
        public var description: String { "\(command) failed: \(output)" }
        public init(command: String, output: String) {
            self.command = command
            self.output = output
        }
    }
}
