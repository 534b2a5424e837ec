import Foundation

/// Runs $VISUAL or $EDITOR (else vi) on the plan at a line, the way git does: through
/// the shell, so an editor setting with arguments ("code -w") works.
enum EditorLauncher {
    static func command(environment: [String: String]) -> String {
        for key in ["VISUAL", "EDITOR"] {
            if let value = environment[key]?.trimmingCharacters(in: .whitespaces), !value.isEmpty { return value }
        }
        return "vi"
    }

    /// Waits for the editor to exit; returns a sentence when it could not run or failed.
    static func edit(path: String, line: Int, environment: [String: String]) -> String? {
        let editor = command(environment: environment)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\(editor) \"$@\"", editor, "+\(line)", path]
        do {
            try process.run()
            process.waitUntilExit()
        } catch {
            return "The editor '\(editor)' could not start: \(error.localizedDescription). Set $VISUAL or $EDITOR."
        }
        if process.terminationStatus == 127 { return "The editor '\(editor)' was not found; set $VISUAL or $EDITOR." }
        return nil
    }
}
