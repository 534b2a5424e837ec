/// A colour as a theme writes it: the terminal's own, one of the 256 indexed
/// colours (0–15 being the named ANSI ones), or a 24-bit colour. The terminal
/// brings it down to what it can show (`ColorReduction`).
public enum ThemeColor: Sendable, Hashable {
    case terminalDefault
    case indexed(UInt8)
    case rgb(red: UInt8, green: UInt8, blue: UInt8)

    /// The 16 ANSI names, in palette order; `bright` variants are 8–15.
    public static let names: [String] = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "brightBlack", "brightRed", "brightGreen", "brightYellow",
        "brightBlue", "brightMagenta", "brightCyan", "brightWhite",
    ]

    /// Reads `default`, a name (`red`, `bright-red`, `brightRed`, `bright_red`, `grey`/`gray`),
    /// a number 0–255 or `#rrggbb` (also `#rgb`). Nil when the text is none of these.
    public init?(parsing text: String) {
        let word = text.trimmingCharacters(in: .whitespaces)
        let folded = word.lowercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: "")
        if folded == "default" || folded == "none" {
            self = .terminalDefault
        } else if let index = Self.names.firstIndex(where: { $0.lowercased() == folded }) {
            self = .indexed(UInt8(index))
        } else if folded == "grey" || folded == "gray" {
            self = .indexed(8)
        } else if let number = Int(word), (0...255).contains(number) {
            self = .indexed(UInt8(number))
        } else if word.hasPrefix("#"), let rgb = Self.hex(String(word.dropFirst())) {
            self = rgb
        } else {
            return nil
        }
    }

    private static func hex(_ digits: String) -> ThemeColor? {
        guard digits.allSatisfy(\.isHexDigit) else { return nil }
        let expanded: String
        switch digits.count {
        case 6: expanded = digits
        case 3: expanded = digits.map { "\($0)\($0)" }.joined()
        default: return nil
        }
        guard let value = UInt32(expanded, radix: 16) else { return nil }
        return .rgb(red: UInt8(value >> 16 & 0xFF), green: UInt8(value >> 8 & 0xFF), blue: UInt8(value & 0xFF))
    }
}

extension ThemeColor: CustomStringConvertible {
    /// The colour as a theme file would write it.
    public var description: String {
        switch self {
        case .terminalDefault: "default"
        case .indexed(let index) where index < 16: Self.names[Int(index)]
        case .indexed(let index): "\(index)"
        case let .rgb(red, green, blue):
            "#" + [red, green, blue].map { String($0, radix: 16).leftPadded(to: 2) }.joined()
        }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
