/// Terminal columns a grapheme cluster takes (the dashboard's canvas and the CLI's tables): 2 for East Asian wide
/// and emoji (a ZWJ sequence, a skin tone, a flag of two regional indicators, a VS16 presentation), 0 for a lone
/// combining mark or an invisible format character (a zero-width space or joiner), else 1. The core cannot call
/// wcwidth (no curses here), so this is the usual table, kept to the ranges that matter.
public enum DisplayWidth {
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        let value = first.value
        if value < 0x300 { return 1 }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if isRegionalIndicator(value) { return scalars.count > 1 ? 2 : 1 }
        if scalars.contains(where: { $0.value == 0xFE0F || $0.value == 0x200D }) { return 2 }
        return isWide(value) ? 2 : 1
    }

    public static func of(_ text: String) -> Int { text.reduce(0) { $0 + of($1) } }

    /// The columns of `text`, counted only until they pass `limit`: an answer above `limit`
    /// says "wider than that" without reading the rest (a 200 KB token in an 80-column line).
    public static func of(_ text: some StringProtocol, upTo limit: Int) -> Int {
        var total = 0
        for character in text {
            total += of(character)
            if total > limit { break }
        }
        return total
    }

    /// 🇦 … 🇿: two of them make one flag.
    public static func isRegionalIndicator(_ v: UInt32) -> Bool { (0x1F1E6...0x1F1FF).contains(v) }

    /// `text` cut to `width` columns, ending in an ellipsis when cut.
    public static func truncated(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        var out = "", used = 0
        for character in text {
            let columns = of(character)
            if used + columns > width - 1 { break }
            out.append(character)
            used += columns
        }
        return out + "…"
    }

    private static func isWide(_ v: UInt32) -> Bool {
        (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x1FA70...0x1FAFF).contains(v) || (0x20000...0x3FFFD).contains(v)
            || v == 0x231A || v == 0x231B || v == 0x23F0 || v == 0x23F3 || v == 0x2614 || v == 0x2615
            || v == 0x26A1 || v == 0x26AA || v == 0x26AB || v == 0x26BD || v == 0x26BE || v == 0x2705
            || v == 0x274C || v == 0x2B50 || v == 0x2B55 || (0x1F680...0x1F6FF).contains(v)
    }
}
