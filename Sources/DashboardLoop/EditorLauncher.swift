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
    /// The editor runs in the terminal's foreground process group: a child started the
    /// ordinary way would be a background job that cannot read the keyboard.
    static func edit(path: String, line: Int, environment: [String: String], in terminal: DashboardTerminal) -> String? {
        let editor = command(environment: environment)
        let status = terminal.runInForeground(["/bin/sh", "-c", "\(editor) \"$@\"", editor, "+\(line)", path])
        switch status {
        case nil: return "The editor '\(editor)' could not start; set $VISUAL or $EDITOR."
        case 127?: return "The editor '\(editor)' was not found; set $VISUAL or $EDITOR."
        default: return nil
        }
    }
}
