import CNcursesw
import Dashboard
import PlanKit

/// What a cell's grapheme becomes on the terminal: wide characters for `setcchar`,
/// with control characters, unshowable text (non-ASCII in a non-UTF-8 locale) and
/// width mismatches replaced, so no escape sequence and no misaligned row reaches the tty.
enum CellText {
    /// The characters to write for `cell`, padded to its width; each inner array is
    /// one terminal cell's text, NUL-terminated.
    static func pieces(for cell: Cell, utf8: Bool) -> [[wchar_t]] {
        let width = Int(cell.width)
        let replacement: Unicode.Scalar = utf8 ? "\u{FFFD}" : "?"
        var scalars = Array(cell.grapheme.unicodeScalars)
        if utf8, !scalars.contains(where: isControl) {
            if let flag = flagPieces(scalars, width: width) { return flag }
            scalars = leadingGlyph(scalars)
        }
        let showable = !scalars.isEmpty && scalars.count <= Int(pt_cchar_max())
            && !scalars.contains(where: isControl) && (utf8 || scalars.allSatisfy(\.isASCII))
        let shownWidth = showable ? displayWidth(scalars) : -1
        if shownWidth == width {
            return [scalars.map { wchar_t(bitPattern: $0.value) } + [0]]
        }
        if shownWidth > 0, shownWidth < width {  // an emoji a terminal draws narrower (❤️): padded
            return [scalars.map { wchar_t(bitPattern: $0.value) } + [0]]
                + Array(repeating: [wchar_t(bitPattern: 32), 0], count: width - shownWidth)
        }
        // A replacement, then blanks for the rest of the cell's width.
        let first: [wchar_t] = [wchar_t(bitPattern: (width == 0 ? " " : replacement).value), 0]
        return [first] + Array(repeating: [wchar_t(bitPattern: 32), 0], count: max(0, width - 1))
    }

    /// A flag is two regional indicators, one column each to wcwidth: written as two
    /// cells, the row keeps its columns whether or not the terminal joins them.
    static func flagPieces(_ scalars: [Unicode.Scalar], width: Int) -> [[wchar_t]]? {
        guard width == 2, scalars.count == 2, scalars.allSatisfy({ DisplayWidth.isRegionalIndicator($0.value) }),
              displayWidth(scalars) == 2 else { return nil }
        return scalars.map { [wchar_t(bitPattern: $0.value), 0] }
    }

    /// The cluster up to its first zero-width joiner or second spacing character: terminals
    /// disagree on drawing 👨‍👩‍👧 or 👍🏽 joined (one glyph or three), while the first emoji
    /// with its marks takes the columns the canvas counted on every terminal.
    static func leadingGlyph(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard let first = scalars.first else { return scalars }
        var kept = [first]
        for scalar in scalars.dropFirst() {
            if scalar.value == 0x200D || pt_wcwidth(wchar_t(bitPattern: scalar.value)) != 0 { break }
            kept.append(scalar)
        }
        return kept
    }

    /// The character of a one-column cell holding one printable ASCII character, else nil.
    static func printableASCII(_ cell: Cell) -> wchar_t? {
        guard cell.width == 1, let scalar = cell.grapheme.unicodeScalars.first,
              (0x20..<0x7F).contains(scalar.value), cell.grapheme.utf8.count == 1 else { return nil }
        return wchar_t(bitPattern: scalar.value)
    }

    /// C0, DEL, C1, and the bidi and line-separator controls that can reorder a row.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F..<0xA0, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    static func displayWidth(_ scalars: [Unicode.Scalar]) -> Int {
        var total = 0
        for scalar in scalars {
            let width = pt_wcwidth(wchar_t(bitPattern: scalar.value))
            if width < 0 { return -1 }
            total += Int(width)
        }
        return total
    }
}
