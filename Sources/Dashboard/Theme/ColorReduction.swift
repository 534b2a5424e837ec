/// Brings a theme colour down to what a terminal shows: 24-bit → the xterm
/// 256-colour cube and grey ramp → the 16 or 8 ANSI colours, by nearest RGB
/// distance. Pure functions, so the figures are tested without a terminal.
public enum ColorReduction {
    public struct RGB: Sendable, Hashable {
        public var red: Int, green: Int, blue: Int
        public init(_ red: Int, _ green: Int, _ blue: Int) { (self.red, self.green, self.blue) = (red, green, blue) }
    }

    /// xterm's default values for the 16 ANSI colours.
    static let ansi: [RGB] = [
        RGB(0, 0, 0), RGB(205, 0, 0), RGB(0, 205, 0), RGB(205, 205, 0),
        RGB(0, 0, 238), RGB(205, 0, 205), RGB(0, 205, 205), RGB(229, 229, 229),
        RGB(127, 127, 127), RGB(255, 0, 0), RGB(0, 255, 0), RGB(255, 255, 0),
        RGB(92, 92, 255), RGB(255, 0, 255), RGB(0, 255, 255), RGB(255, 255, 255),
    ]
    /// The six levels of each channel of the 6×6×6 cube (indices 16–231).
    static let cubeLevels = [0, 95, 135, 175, 215, 255]

    /// The RGB value xterm shows for palette index `index`.
    public static func rgb(ofIndex index: UInt8) -> RGB {
        switch index {
        case 0..<16: return ansi[Int(index)]
        case 16..<232:
            let cube = Int(index) - 16
            return RGB(cubeLevels[cube / 36], cubeLevels[cube / 6 % 6], cubeLevels[cube % 6])
        default:
            let grey = 8 + 10 * (Int(index) - 232)
            return RGB(grey, grey, grey)
        }
    }

    /// The index among 16–255 (cube and greys) nearest to `color`. The 16 ANSI colours
    /// are left out on purpose: users re-colour them, the cube they do not.
    public static func nearest256(_ color: RGB) -> UInt8 {
        nearest(color, among: 16...255)
    }

    /// The index among the first `count` (8 or 16) ANSI colours nearest to `color`.
    /// A grey (channels within 16 of each other) goes to the nearest grey — black,
    /// white and on 16 colours bright black and bright white — because plain RGB
    /// distance sends mid-grey to yellow, a hue no one wrote.
    public static func nearestANSI(_ color: RGB, count: Int) -> UInt8 {
        let candidates = Array(0...UInt8(max(1, min(count, 16)) - 1))
        let channels = [color.red, color.green, color.blue]
        if channels.max()! - channels.min()! <= 16 {
            return nearest(color, among: candidates.filter { [0, 7, 8, 15].contains($0) })
        }
        return nearest(color, among: candidates)
    }

    /// `color` as the terminal in `mode` can show it; nil when the mode has no colour.
    public static func reduce(_ color: ThemeColor, to mode: ColorMode) -> ThemeColor? {
        switch (mode, color) {
        case (.none, _): return nil
        case (_, .terminalDefault): return .terminalDefault
        case (.trueColor, _): return color
        case (.indexed256, .indexed): return color
        case (.indexed256, let .rgb(red, green, blue)):
            return .indexed(nearest256(RGB(Int(red), Int(green), Int(blue))))
        case (.ansi16, .indexed(let index)) where index < 16: return color
        case (.ansi8, .indexed(let index)) where index < 8: return color
        // Bright colours on 8 colours go to the nearest too: brightRed → red, but
        // brightBlack (grey) → white, not a black that vanishes on a dark terminal.
        case (.ansi8, _), (.ansi16, _):
            return .indexed(nearestANSI(rgb(of: color), count: mode == .ansi8 ? 8 : 16))
        }
    }

    static func rgb(of color: ThemeColor) -> RGB {
        switch color {
        case .terminalDefault: RGB(0, 0, 0)
        case .indexed(let index): rgb(ofIndex: index)
        case let .rgb(red, green, blue): RGB(Int(red), Int(green), Int(blue))
        }
    }

    /// Squared Euclidean distance in RGB: crude but what xterm and tmux use, so our
    /// choice matches what users see elsewhere.
    static func distance(_ a: RGB, _ b: RGB) -> Int {
        let (dr, dg, db) = (a.red - b.red, a.green - b.green, a.blue - b.blue)
        return dr * dr + dg * dg + db * db
    }

    private static func nearest<Candidates: Sequence<UInt8>>(_ color: RGB, among candidates: Candidates) -> UInt8 {
        var best: UInt8 = 0
        var bestDistance = Int.max
        for index in candidates {
            let d = distance(color, rgb(ofIndex: index))
            if d < bestDistance { (best, bestDistance) = (index, d) }
        }
        return best
    }
}

extension Theme {
    /// What a terminal in `mode` draws for `role` with `emphasis`: colours reduced to the
    /// mode; with no colour at all, a role set apart only by its background (a selection
    /// bar, a search match) is drawn in reverse video so it stays visible under NO_COLOR.
    public func terminalStyle(for role: StyleRole, emphasis: Emphasis = [], mode: ColorMode) -> TextStyle {
        let style = style(for: role, emphasis: emphasis)
        guard mode != .none else {
            var attributes = style.attributes
            if style.background != self[.text].background { attributes.insert(.reverse) }
            return TextStyle(attributes: attributes)
        }
        return TextStyle(foreground: ColorReduction.reduce(style.foreground, to: mode) ?? .terminalDefault,
                         background: ColorReduction.reduce(style.background, to: mode) ?? .terminalDefault,
                         attributes: style.attributes)
    }
}
