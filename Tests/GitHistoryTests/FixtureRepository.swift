import Foundation

/// A git repository made in a temporary folder for one test, with commits whose author
/// and dates are set, so history is the same on every run.
struct FixtureRepository {
    let folder: String
    /// Seconds since 1970 of the next commit; each commit moves it on by `step`.
    var clock: Int
    var step = 86_400

    init(start: Int = 1_795_000_000) throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("plantrack-history-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        clock = start
        try git("init", "-q", "-b", "main")
    }

    var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["GIT_CONFIG_GLOBAL"] = "/dev/null"
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        env["GIT_COMMITTER_NAME"] = "Committer"
        env["GIT_COMMITTER_EMAIL"] = "committer@example.com"
        return env
    }

    @discardableResult
    func git(_ arguments: String..., author: String = "Ana Lopez", date: Int? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var env = environment
        env["GIT_AUTHOR_NAME"] = author
        env["GIT_AUTHOR_EMAIL"] = "author@example.com"
        if let date {
            env["GIT_AUTHOR_DATE"] = "@\(date) +0000"
            env["GIT_COMMITTER_DATE"] = "@\(date) +0000"
        }
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw FixtureError(message: "git \(arguments.joined(separator: " ")): \(text)")
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func write(_ name: String, _ text: String) throws {
        let path = folder + "/" + name
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// Writes the plan, commits everything and returns the commit's sha.
    @discardableResult
    mutating func commit(_ name: String, _ text: String, author: String = "Ana Lopez", message: String = "plan") throws -> String {
        try write(name, text)
        return try commitAll(author: author, message: message)
    }

    @discardableResult
    mutating func commitAll(author: String = "Ana Lopez", message: String = "plan") throws -> String {
        try git("add", "-A")
        try git("commit", "-q", "-m", message, author: author, date: clock)
        clock += step
        return try git("rev-parse", "HEAD")
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }
}

struct FixtureError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
