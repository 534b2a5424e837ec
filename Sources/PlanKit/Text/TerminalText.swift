import Foundation

/// Text from the plan or from AWS is data. Before it reaches a terminal — the CLI's
/// lines, error sentences, the dashboard's canvas — it passes here, the one policy:
/// C0 and C1 controls, DEL, line/paragraph separators, bidi embeddings, overrides and
/// isolates are replaced by U+FFFD (visible, so hidden characters cannot reorder or
/// disguise what is shown: "Trojan Source"), tab, CR and LF become a space, and invalid
/// UTF-8 was already replaced when the bytes were decoded. A crafted plan or stack
/// output cannot move the cursor, change colours, retitle the window or reorder text.
public enum TerminalText {
    public static func sanitized(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\t" || scalar == "\n" || scalar == "\r" {
                out.append(" ")
            } else if isUnsafe(scalar) {
                out.append("\u{FFFD}")
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Bytes from a file or a process, decoded with invalid UTF-8 replaced, then sanitised.
    public static func sanitized(bytes: some Collection<UInt8>) -> String {
        sanitized(String(decoding: Array(bytes), as: UTF8.self))
    }

    /// Whether the locale can show ✓, ✗ and box drawing; otherwise ASCII stands in.
    public static func unicodeLocale(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        let locale = environment["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["LC_CTYPE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["LANG"] ?? ""
        return locale.uppercased().contains("UTF-8") || locale.uppercased().contains("UTF8")
    }

    /// Text for a terminal that cannot show more than ASCII (the C locale): the punctuation
    /// PlanTrack and plans use most becomes its ASCII spelling ("…" → "...", "“x”" → "\"x\"",
    /// "—" → "-", "→" → "->"), so a C-locale screen reads "..." where it would read "?".
    public static func asciiPunctuation(_ text: String) -> String {
        guard !text.unicodeScalars.allSatisfy(\.isASCII) else { return text }
        var out = ""
        for character in text {
            if let ascii = asciiSpellings[character] { out += ascii } else { out.append(character) }
        }
        return out
    }

    private static let asciiSpellings: [Character: String] = [
        "…": "...", "“": "\"", "”": "\"", "‘": "'", "’": "'", "—": "-", "–": "-", "→": "->", "←": "<-",
        "↑": "^", "↓": "v", "↔": "<->", "·": "|", "×": "x", "•": "*",
    ]

    /// Whether a scalar must not reach a terminal as it is.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v)
            || v == 0x2028 || v == 0x2029                                   // line and paragraph separators
            || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)  // bidi embeddings, overrides, isolates
            || v == 0x200E || v == 0x200F || v == 0x061C                    // bidi marks
    }
}
