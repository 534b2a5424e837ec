import Foundation

/// A small UTF-8 text file a user points PlanTrack at (a config, a theme): read whole,
/// or the reason it cannot be, in the words every such error uses.
public enum TextFile {
    public struct Unreadable: Error, Equatable {
        /// "no such file" or "not readable UTF-8 text".
        public var reason: String
    }

    public static func read(_ path: String) throws(Unreadable) -> String {
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "not readable UTF-8 text" : "no such file"
            throw Unreadable(reason: reason)
        }
    }
}
