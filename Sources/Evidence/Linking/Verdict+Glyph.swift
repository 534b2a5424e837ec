extension Verdict {
    /// One column that says the verdict where a word does not fit (the stage matrix's narrow
    /// columns); ASCII where the locale cannot show Unicode.
    public func glyph(unicode: Bool) -> String {
        switch (self, unicode) {
        case (.verified, true): "✓"
        case (.verified, false): "+"
        case (.drift, true): "✗"
        case (.drift, false): "X"
        case (.ready, true): "◆"
        case (.ready, false): "R"
        case (.pending, true): "○"
        case (.pending, false): "o"
        case (.skipped, true): "–"
        case (.skipped, false): "-"
        case (.unchecked, _): "?"
        }
    }
}
