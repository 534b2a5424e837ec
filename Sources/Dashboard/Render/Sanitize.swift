/// Text from the plan or from AWS is data: control characters (C0, DEL, C1), bidi
/// overrides and other invisible format characters never reach the screen. A tab becomes
/// a space; anything else is dropped, so an escape sequence loses its ESC and is inert.
public enum Sanitize {
    public static func text(_ input: String) -> String {
        guard input.unicodeScalars.contains(where: isUnsafe) else { return input }
        var out = String.UnicodeScalarView()
        for scalar in input.unicodeScalars {
            if scalar == "\t" { out.append(" ") } else if !isUnsafe(scalar) { out.append(scalar) }
        }
        return String(out)
    }

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 || (0x7F...0x9F).contains(value) { return true }
        if (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) { return true }  // bidi overrides
        if value == 0x200E || value == 0x200F || value == 0x061C { return true }
        if value == 0x2028 || value == 0x2029 || value == 0xFEFF { return true }
        return false
    }
}
