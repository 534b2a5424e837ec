/// A text progress bar for tables: `██████░░░░`, or `######----` where the terminal's
/// locale is not UTF-8.
enum ProgressBar {
    static func render(fraction: Double, width: Int, unicode: Bool) -> String {
        let filled = Int((fraction * Double(width)).rounded())
        let full = unicode ? "█" : "#"
        let empty = unicode ? "░" : "-"
        return String(repeating: full, count: filled) + String(repeating: empty, count: max(0, width - filled))
    }

    /// Whether the environment's locale speaks UTF-8.
    static var localeIsUTF8: Bool {
        let env = ProcessInfo.processInfo.environment
        let locale = env["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 } ?? env["LC_CTYPE"].flatMap { $0.isEmpty ? nil : $0 } ?? env["LANG"] ?? ""
        let lower = locale.lowercased()
        return lower.contains("utf-8") || lower.contains("utf8")
    }
}

import Foundation
