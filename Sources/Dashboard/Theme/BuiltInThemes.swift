// The five shipped themes, embedded so the binary works from any folder (no
// resource bundle to lose). Their text is themes/*.yml, byte for byte; a test
// (ThemeCatalogTests) fails when the two drift apart.

/// The themes built into the binary, in the order `plantrack themes` lists them.
public enum BuiltInThemes {
    public static let names = ["default", "light", "high-contrast", "solarized-dark", "mono"]

    /// The YAML source of built-in theme `name`, nil when there is none.
    public static func source(named name: String) -> String? {
        switch name {
        case "default": `default`
        case "light": light
        case "high-contrast": highContrast
        case "solarized-dark": solarizedDark
        case "mono": mono
        default: nil
        }
    }

    /// The default theme, read from its embedded text; a failure here is a bug in
    /// this file, caught by the tests, never a user's error.
    static let defaultTheme: Theme = {
        do {
            let rules = try ThemeParser.rules(yaml: `default`, file: "built-in default.yml")
            return Theme(name: "default", rules: rules)
        } catch {
            fatalError("built-in default theme: \(error)")
        }
    }()

    static let `default` = #"""
# PlanTrack's default theme: the terminal's own background and the 16 ANSI colours,
# so it follows the user's palette on dark and light terminals alike.
# Every role is set here; other themes override only what they change.
# A colour left out follows `text`; attributes are per role.
description: The terminal's own colours, ANSI accents
text: { fg: default, bg: default }
dim: { fg: brightBlack }
border: { fg: brightBlack }
title: { bold: true }
header: { bold: true }
statusBar: { reverse: true }
hint: { fg: brightBlack }
error: { fg: red, bold: true }
warning: { fg: yellow }
selection: { reverse: true }
selectionInactive: { underline: true }
searchMatch: { fg: black, bg: yellow }
progressFilled: { fg: green }
progressEmpty: { fg: brightBlack }
stateTodo: {}
stateDone: { fg: green }
stateProgress: { fg: yellow }
stateAborted: { fg: red }
stateCancelled: { fg: brightBlack }
stateOther: { fg: magenta }
verdictVerified: { fg: green }
verdictDrift: { fg: red, bold: true }
verdictReady: { fg: cyan }
verdictPending: { fg: yellow }
verdictSkipped: { fg: brightBlack }
verdictUnchecked: { dim: true }
stackLive: { fg: green }
stackInProgress: { fg: yellow }
stackFailed: { fg: red, bold: true }
stackMissing: { fg: brightBlack }
code: { fg: cyan }
strong: { bold: true }
itemId: { fg: blue, bold: true }
stale: { fg: yellow, dim: true }

"""#

    static let light = #"""
# For light terminal backgrounds: darker accents from the 256-colour cube,
# a soft blue selection, a grey status bar.
description: Dark accents for light backgrounds
dim: { fg: 244 }
border: { fg: 250 }
title: { fg: 24, bold: true }
header: { fg: 236, bold: true }
statusBar: { fg: 236, bg: 253, reverse: false }
hint: { fg: 242 }
error: { fg: 124, bold: true }
warning: { fg: 130 }
selection: { fg: 16, bg: 153, reverse: false, bold: true }
selectionInactive: { bg: 254, underline: false }
searchMatch: { fg: 16, bg: 229 }
progressFilled: { fg: 28 }
progressEmpty: { fg: 252 }
stateDone: { fg: 28 }
stateProgress: { fg: 130 }
stateAborted: { fg: 124 }
stateCancelled: { fg: 245 }
stateOther: { fg: 90 }
verdictVerified: { fg: 28 }
verdictDrift: { fg: 160, bold: true }
verdictReady: { fg: 31 }
verdictPending: { fg: 130 }
verdictSkipped: { fg: 245 }
stackLive: { fg: 28 }
stackInProgress: { fg: 130 }
stackFailed: { fg: 160, bold: true }
stackMissing: { fg: 245 }
code: { fg: 25 }
itemId: { fg: 24, bold: true }
stale: { fg: 130, dim: false, underline: true }

"""#

    static let highContrast = #"""
# Maximum contrast: bright text on black, bold accents, a yellow selection bar.
description: Bright on black, bold accents
text: { fg: brightWhite, bg: black }
dim: { fg: white }
border: { fg: white }
title: { fg: brightYellow, bold: true }
header: { fg: brightWhite, bold: true, underline: true }
statusBar: { fg: black, bg: brightWhite, reverse: false }
hint: { fg: brightCyan }
error: { fg: brightWhite, bg: red, bold: true }
warning: { fg: black, bg: brightYellow }
selection: { fg: black, bg: brightYellow, reverse: false, bold: true }
selectionInactive: { fg: black, bg: white, underline: false }
searchMatch: { fg: black, bg: brightCyan }
progressFilled: { fg: brightGreen }
progressEmpty: { fg: white }
stateDone: { fg: brightGreen, bold: true }
stateProgress: { fg: brightYellow, bold: true }
stateAborted: { fg: brightRed, bold: true }
stateCancelled: { fg: white }
stateOther: { fg: brightMagenta, bold: true }
verdictVerified: { fg: brightGreen, bold: true }
verdictDrift: { fg: brightWhite, bg: red, bold: true }
verdictReady: { fg: brightCyan, bold: true }
verdictPending: { fg: brightYellow }
verdictSkipped: { fg: white }
verdictUnchecked: { fg: white, dim: false }
stackLive: { fg: brightGreen, bold: true }
stackInProgress: { fg: brightYellow, bold: true }
stackFailed: { fg: brightWhite, bg: red, bold: true }
stackMissing: { fg: brightRed }
code: { fg: brightCyan }
itemId: { fg: brightCyan, bold: true }
stale: { fg: black, bg: yellow, dim: false }

"""#

    static let solarizedDark = #"""
# Ethan Schoonover's Solarized, dark variant, in 24-bit colours; 256- and
# 8-colour terminals get the nearest colours (base03 → 234 on a 256-colour one).
description: Solarized dark (24-bit, reduced where needed)
text: { fg: "#839496", bg: "#002b36" }
dim: { fg: "#586e75" }
border: { fg: "#073642" }
title: { fg: "#b58900", bold: true }
header: { fg: "#93a1a1", bold: true }
statusBar: { fg: "#93a1a1", bg: "#073642", reverse: false }
hint: { fg: "#586e75" }
error: { fg: "#dc322f", bold: true }
warning: { fg: "#cb4b16" }
selection: { fg: "#fdf6e3", bg: "#268bd2", reverse: false, bold: true }
selectionInactive: { bg: "#073642", underline: false }
searchMatch: { fg: "#002b36", bg: "#b58900" }
progressFilled: { fg: "#859900" }
progressEmpty: { fg: "#073642" }
stateDone: { fg: "#859900" }
stateProgress: { fg: "#b58900" }
stateAborted: { fg: "#dc322f" }
stateCancelled: { fg: "#586e75" }
stateOther: { fg: "#6c71c4" }
verdictVerified: { fg: "#859900" }
verdictDrift: { fg: "#dc322f", bold: true }
verdictReady: { fg: "#2aa198" }
verdictPending: { fg: "#b58900" }
verdictSkipped: { fg: "#586e75" }
stackLive: { fg: "#859900" }
stackInProgress: { fg: "#b58900" }
stackFailed: { fg: "#dc322f", bold: true }
stackMissing: { fg: "#586e75" }
code: { fg: "#2aa198" }
itemId: { fg: "#268bd2", bold: true }
stale: { fg: "#cb4b16", dim: false }

"""#

    static let mono = #"""
# No colour at all, attributes only: what NO_COLOR looks like, on purpose.
# Every role is listed so no colour of the default theme shows through.
description: Attributes only (bold, underline, reverse, dim)
text: { fg: default, bg: default }
dim: { fg: default, bg: default, dim: true }
border: { fg: default, bg: default, dim: true }
title: { fg: default, bg: default, bold: true }
header: { fg: default, bg: default, bold: true, underline: true }
statusBar: { fg: default, bg: default, reverse: true }
hint: { fg: default, bg: default, dim: true }
error: { fg: default, bg: default, bold: true, underline: true }
warning: { fg: default, bg: default, underline: true }
selection: { fg: default, bg: default, reverse: true }
selectionInactive: { fg: default, bg: default, underline: true }
searchMatch: { fg: default, bg: default, reverse: true, underline: true }
progressFilled: { fg: default, bg: default, reverse: true }
progressEmpty: { fg: default, bg: default, dim: true }
stateTodo: { fg: default, bg: default }
stateDone: { fg: default, bg: default, bold: true }
stateProgress: { fg: default, bg: default, underline: true }
stateAborted: { fg: default, bg: default, bold: true }
stateCancelled: { fg: default, bg: default, dim: true }
stateOther: { fg: default, bg: default }
verdictVerified: { fg: default, bg: default, bold: true }
verdictDrift: { fg: default, bg: default, bold: true, reverse: true }
verdictReady: { fg: default, bg: default }
verdictPending: { fg: default, bg: default }
verdictSkipped: { fg: default, bg: default, dim: true }
verdictUnchecked: { fg: default, bg: default, dim: true }
stackLive: { fg: default, bg: default }
stackInProgress: { fg: default, bg: default }
stackFailed: { fg: default, bg: default, bold: true, reverse: true }
stackMissing: { fg: default, bg: default, dim: true }
code: { fg: default, bg: default, underline: false }
strong: { fg: default, bg: default, bold: true }
itemId: { fg: default, bg: default, bold: true }
stale: { fg: default, bg: default, dim: true, underline: true }

"""#

}
