extension String {
    /// The text with control characters (C0, DEL, C1) replaced by spaces: text
    /// from AWS is data and must not drive a terminal.
    var withoutControlCharacters: String {
        String(String.UnicodeScalarView(unicodeScalars.map { scalar in
            (scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)) ? " " : scalar
        }))
    }
}
