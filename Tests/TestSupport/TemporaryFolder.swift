import Foundation

/// A fresh, uniquely named folder under the system's temporary directory for the
/// files one test writes; the test removes it (`defer { folder.remove() }`).
public struct TemporaryFolder: Sendable {
    public let url: URL
    public var path: String { url.path }

    /// Creates `plantrack-LABEL-UUID` in the temporary directory.
    public init(_ label: String = "tests") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("plantrack-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    public func url(_ relative: String) -> URL {
        url.appendingPathComponent(relative)
    }

    public func path(_ relative: String) -> String {
        url(relative).path
    }

    /// Writes `bytes` at `relative`, creating the folders above it; returns the file's URL.
    @discardableResult
    public func write(_ relative: String, bytes: [UInt8]) throws -> URL {
        let file = url(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file
    }

    @discardableResult
    public func write(_ relative: String, _ text: String) throws -> URL {
        try write(relative, bytes: Array(text.utf8))
    }

    /// Writes a script at `relative` that its owner may run.
    @discardableResult
    public func makeExecutable(_ relative: String, _ text: String) throws -> URL {
        let file = try write(relative, text)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
        return file
    }

    /// The text at `relative`, or "" when there is no such file.
    public func read(_ relative: String) -> String {
        (try? String(contentsOf: url(relative), encoding: .utf8)) ?? ""
    }

    public func createFolder(_ relative: String) throws {
        try FileManager.default.createDirectory(at: url(relative), withIntermediateDirectories: true)
    }

    public func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
