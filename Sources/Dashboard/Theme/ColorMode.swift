/// How many colours a terminal shows; the terminal backend picks one from the
/// environment (NO_COLOR, COLORS, COLORTERM) and reduces every theme colour to it.
public enum ColorMode: String, Sendable, CaseIterable {
    /// No colour at all (NO_COLOR, or a monochrome terminal): attributes only.
    case none
    case ansi8
    case ansi16
    case indexed256
    case trueColor

    /// `NO_COLOR` set to any non-empty value turns colour off (no-color.org).
    public static func noColorRequested(_ environment: [String: String]) -> Bool {
        !(environment["NO_COLOR"] ?? "").isEmpty
    }

    /// The mode for a terminal reporting `colors` colours (curses' COLORS).
    /// True colour needs both a direct-colour terminfo entry (COLORS of 2^24) and
    /// COLORTERM=truecolor/24bit; otherwise 24-bit colours are reduced to 256.
    public static func detect(colors: Int, environment: [String: String]) -> ColorMode {
        if noColorRequested(environment) || colors < 8 { return .none }
        let colorTerm = (environment["COLORTERM"] ?? "").lowercased()
        if colors >= 1 << 24, colorTerm == "truecolor" || colorTerm == "24bit" { return .trueColor }
        if colors >= 256 { return .indexed256 }
        if colors >= 16 { return .ansi16 }
        return .ansi8
    }
}
