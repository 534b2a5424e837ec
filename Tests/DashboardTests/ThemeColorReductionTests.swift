import Testing
@testable import Dashboard

@Suite("Colour reduction")
struct ThemeColorReductionTests {
    @Test("the xterm palette: cube corners and the grey ramp",
          arguments: [(16, (0, 0, 0)), (196, (255, 0, 0)), (231, (255, 255, 255)), (67, (95, 135, 175)),
                      (232, (8, 8, 8)), (244, (128, 128, 128)), (255, (238, 238, 238)), (9, (255, 0, 0))])
    func palette(index: UInt8, rgb: (Int, Int, Int)) {
        #expect(ColorReduction.rgb(ofIndex: index) == .init(rgb.0, rgb.1, rgb.2))
    }

    @Test("24-bit to 256: nearest cube colour or grey",
          arguments: [("#ff0000", 196), ("#000000", 16), ("#ffffff", 231), ("#808080", 244),
                      ("#002b36", 234), ("#268bd2", 32), ("#859900", 100), ("#5f87af", 67), ("#ff8700", 208)])
    func to256(hex: String, expected: UInt8) {
        #expect(ColorReduction.reduce(ThemeColor(parsing: hex)!, to: .indexed256) == .indexed(expected))
    }

    @Test("to 8 colours: nearest of the ANSI eight",
          arguments: [("#002b36", 0), ("#ff8700", 3), ("#dc322f", 1), ("#859900", 3), ("#268bd2", 6),
                      ("brightRed", 1), ("brightBlack", 7), ("208", 3), ("red", 1), ("white", 7), ("#eeeeee", 7),
                      ("#93a1a1", 7), ("#303030", 0), ("#586e75", 6)])
    func to8(text: String, expected: UInt8) {
        #expect(ColorReduction.reduce(ThemeColor(parsing: text)!, to: .ansi8) == .indexed(expected))
    }

    @Test("to 16 colours: the named sixteen stay, the rest go to the nearest",
          arguments: [("#ff0000", 9), ("196", 9), ("brightBlue", 12), ("#002b36", 0), ("#808080", 8),
                      ("#c0c0c0", 7), ("#f8f8f8", 15)])
    func to16(text: String, expected: UInt8) {
        #expect(ColorReduction.reduce(ThemeColor(parsing: text)!, to: .ansi16) == .indexed(expected))
    }

    @Test("true colour keeps everything; the terminal's default stays default; no colour is nil")
    func passThrough() {
        let orange = ThemeColor.rgb(red: 255, green: 135, blue: 0)
        #expect(ColorReduction.reduce(orange, to: .trueColor) == orange)
        #expect(ColorReduction.reduce(.indexed(67), to: .indexed256) == .indexed(67))
        for mode in [ColorMode.ansi8, .ansi16, .indexed256, .trueColor] {
            #expect(ColorReduction.reduce(.terminalDefault, to: mode) == .terminalDefault)
        }
        #expect(ColorReduction.reduce(orange, to: .none) == nil)
        #expect(ColorReduction.reduce(.indexed(1), to: .none) == nil)
    }

    @Test("the colour mode from curses' COLORS, NO_COLOR and COLORTERM")
    func detection() {
        #expect(ColorMode.detect(colors: 256, environment: [:]) == .indexed256)
        #expect(ColorMode.detect(colors: 8, environment: [:]) == .ansi8)
        #expect(ColorMode.detect(colors: 16, environment: [:]) == .ansi16)
        #expect(ColorMode.detect(colors: 0, environment: [:]) == .none)
        #expect(ColorMode.detect(colors: 256, environment: ["NO_COLOR": "1"]) == .none)
        #expect(ColorMode.detect(colors: 256, environment: ["NO_COLOR": ""]) == .indexed256)  // empty means unset
        #expect(ColorMode.detect(colors: 1 << 24, environment: ["COLORTERM": "truecolor"]) == .trueColor)
        #expect(ColorMode.detect(colors: 1 << 24, environment: ["COLORTERM": "24bit"]) == .trueColor)
        #expect(ColorMode.detect(colors: 1 << 24, environment: [:]) == .indexed256)
        // COLORTERM alone cannot give true colour: a 256-colour terminfo has no way to send it.
        #expect(ColorMode.detect(colors: 256, environment: ["COLORTERM": "truecolor"]) == .indexed256)
    }

    @Test("round trip: every 256-colour index above 15 reduces to itself")
    func cubeIsAFixedPoint() {
        for index in UInt8(16)...255 {
            let rgb = ColorReduction.rgb(ofIndex: index)
            let nearest = ColorReduction.nearest256(rgb)
            #expect(ColorReduction.rgb(ofIndex: nearest) == rgb, "index \(index) came back as \(nearest)")
        }
    }

    @Test("at every colour depth, and with no colour, each shipped theme's selection and search match stand out",
          arguments: BuiltInThemes.names)
    func selectionVisibleAtEveryDepth(name: String) throws {
        let theme = try ThemeCatalog(directories: []).load(name)
        for mode in ColorMode.allCases {
            let text = theme.terminalStyle(for: .text, mode: mode)
            #expect(theme.terminalStyle(for: .selection, mode: mode) != text, "\(name): selection lost at \(mode)")
            #expect(theme.terminalStyle(for: .searchMatch, mode: mode) != text, "\(name): search match lost at \(mode)")
            #expect(theme.terminalStyle(for: .selection, mode: mode) != theme.terminalStyle(for: .selectionInactive, mode: mode),
                    "\(name): active and inactive selection look alike at \(mode)")
        }
    }

    @Test("with no colour only attributes remain, and a background becomes reverse video")
    func noColourStyles() {
        let theme = Theme.default
        #expect(theme.terminalStyle(for: .stateDone, mode: .none) == TextStyle())
        #expect(theme.terminalStyle(for: .error, mode: .none) == TextStyle(attributes: [.bold]))
        #expect(theme.terminalStyle(for: .searchMatch, mode: .none) == TextStyle(attributes: [.reverse]))
        #expect(theme.terminalStyle(for: .searchMatch, mode: .ansi8) == TextStyle(foreground: .indexed(0), background: .indexed(3)))
    }
}

