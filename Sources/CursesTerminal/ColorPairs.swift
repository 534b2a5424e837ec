import CNcursesw
import Dashboard

/// Curses colour pairs, allocated on demand, one per distinct (foreground,
/// background) after reduction to the terminal's colour mode. Pair 0 is the
/// terminal's own colours; when pairs run out, further combinations fall back to it.
struct ColorPairs {
    let mode: ColorMode
    private let limit: Int
    private var pairs: [PairKey: Int32] = [:]

    struct PairKey: Hashable {
        var foreground: Int32
        var background: Int32
    }

    init(mode: ColorMode, limit: Int) {
        self.mode = mode
        self.limit = limit
    }

    /// The pair number for `style`'s colours (0 for none or the terminal's own);
    /// the colours are reduced here too, so an unreduced style is safe.
    mutating func pair(for style: TextStyle) -> Int32 {
        guard mode != .none else { return 0 }
        let key = PairKey(foreground: number(style.foreground), background: number(style.background))
        if key.foreground == -1 && key.background == -1 { return 0 }
        if let pair = pairs[key] { return pair }
        let next = Int32(pairs.count + 1)
        guard Int(next) < limit, init_extended_pair(next, key.foreground, key.background) != ERR else { return 0 }
        pairs[key] = next
        return next
    }

    /// The curses colour number: -1 the terminal's default, 0–255 the palette,
    /// 0xRRGGBB on a direct-colour (true colour) terminal.
    private func number(_ color: ThemeColor) -> Int32 {
        guard let reduced = ColorReduction.reduce(color, to: mode) else { return -1 }
        switch reduced {
        case .terminalDefault:
            return -1
        case .indexed(let index):
            // Direct-colour terminfo (xterm-direct, tmux-direct) keeps 0–7 as the ANSI
            // colours, so the user's palette still applies to them; the rest become RGB.
            guard mode == .trueColor, index >= 8 else { return Int32(index) }
            let rgb = ColorReduction.rgb(ofIndex: index)
            return Int32(rgb.red << 16 | rgb.green << 8 | rgb.blue)
        case let .rgb(red, green, blue):
            // Below 8 the same entries read the number as an ANSI colour: nudge near-black up.
            return max(8, Int32(red) << 16 | Int32(green) << 8 | Int32(blue))
        }
    }

    /// Curses attributes for `attributes`.
    static func attributes(_ attributes: TextAttributes) -> attr_t {
        var result = pt_attr_normal()
        if attributes.contains(.bold) { result |= pt_attr_bold() }
        if attributes.contains(.underline) { result |= pt_attr_underline() }
        if attributes.contains(.reverse) { result |= pt_attr_reverse() }
        if attributes.contains(.dim) { result |= pt_attr_dim() }
        return result
    }
}
