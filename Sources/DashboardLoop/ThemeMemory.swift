import Foundation

/// The theme last chosen with `t`, kept for the next start in the user's XDG state folder
/// (`$XDG_STATE_HOME/plantrack/theme`, else `~/.local/state/plantrack/theme`): never in
/// the plan's repository, which the user did not ask to change.
public struct ThemeMemory: Sendable {
    public let file: String?

    public init(environment: [String: String]) {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            file = state + "/plantrack/theme"
        } else if let home = environment["HOME"], !home.isEmpty {
            file = home + "/.local/state/plantrack/theme"
        } else {
            file = nil
        }
    }

    public func load() -> String? {
        guard let file, let data = FileManager.default.contents(atPath: file) else { return nil }
        let name = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return name.isEmpty ? nil : name
    }

    /// Best effort: a state folder that cannot be written only means the choice is not kept.
    public func save(_ name: String) {
        guard let file else { return }
        let folder = (file as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try? Data((name + "\n").utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
    }
}
