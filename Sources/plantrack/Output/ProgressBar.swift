/// A text progress bar for tables: `██████░░░░`, or `######----` where the terminal's
/// locale is not UTF-8.
enum ProgressBar {
    static func render(fraction: Double, width: Int, unicode: Bool) -> String {
        let filled = Int((fraction * Double(width)).rounded())
        let full = unicode ? "█" : "#"
        let empty = unicode ? "░" : "-"
        return String(repeating: full, count: filled) + String(repeating: empty, count: max(0, width - filled))
    }
}
