/// Recognisers for the line starts that open or close CommonMark blocks. Each looks
/// at the bytes of one line from a position and never past the line's end.
extension LineCursor {
    /// `#` to `######` and then a space, a tab or the end: the heading's level.
    func atxHeadingLevel(at position: Int) -> Int? {
        var i = position
        while i < end && bytes[i] == ASCII.hash && i - position < 7 { i += 1 }
        let level = i - position
        guard level >= 1 && level <= 6 else { return nil }
        return isLineEnd(i) || ASCII.isSpaceOrTab(bytes[i]) ? level : nil
    }

    /// Three or more backticks or tildes; a backtick fence's info string holds no backtick.
    func openingFence(at position: Int) -> (character: UInt8, length: Int)? {
        let c = peek(position)
        guard c == ASCII.backtick || c == ASCII.tilde else { return nil }
        var i = position
        while i < end && bytes[i] == c { i += 1 }
        let length = i - position
        guard length >= 3 else { return nil }
        if c == ASCII.backtick {
            while i < end {
                if bytes[i] == ASCII.backtick { return nil }
                i += 1
            }
        }
        return (c, length)
    }

    /// The length of a closing fence of `character` (spaces may follow), else 0.
    func closingFenceLength(at position: Int, character: UInt8) -> Int {
        var i = position
        while i < end && bytes[i] == character { i += 1 }
        let length = i - position
        guard length >= 3 else { return 0 }
        while i < end {
            if !ASCII.isSpaceOrTab(bytes[i]) { return 0 }
            i += 1
        }
        return length
    }

    /// `===` (level 1) or `---` (level 2) alone on the line.
    func setextLevel(at position: Int) -> Int? {
        let c = peek(position)
        guard c == ASCII.equals || c == ASCII.hyphen else { return nil }
        var i = position
        while i < end && bytes[i] == c { i += 1 }
        while i < end {
            if !ASCII.isSpaceOrTab(bytes[i]) { return nil }
            i += 1
        }
        return c == ASCII.equals ? 1 : 2
    }

    /// Three or more `*`, `-` or `_`, spaces between allowed, nothing else. On failure
    /// returns where the scan stopped, so that a long line of `- - - x` is not rescanned
    /// from every nested list item (cmark's thematic_break_kill_pos).
    func thematicBreak(at position: Int) -> (isBreak: Bool, stoppedAt: Int) {
        let c = peek(position)
        guard c == ASCII.asterisk || c == ASCII.hyphen || c == ASCII.underscore else {
            return (false, position)
        }
        var count = 0
        var i = position
        while i < end {
            let b = bytes[i]
            if b == c {
                count += 1
            } else if !ASCII.isSpaceOrTab(b) {
                return (false, i)
            }
            i += 1
        }
        return (count >= 3, i)
    }

    /// A bullet (`-`, `+`, `*`) or an ordered marker (`1.`, `1)`, up to 9 digits) with a
    /// space, tab or the end after it: the marker's width. Where a list item would
    /// interrupt a paragraph it must not be empty and an ordered one must start at 1.
    func listMarkerWidth(at position: Int, interruptsParagraph: Bool) -> Int? {
        let c = peek(position)
        var i = position
        if c == ASCII.hyphen || c == ASCII.plus || c == ASCII.asterisk {
            i += 1
        } else if ASCII.isDigit(c) {
            var start = 0
            var digits = 0
            repeat {
                start = start * 10 + Int(bytes[i] - ASCII.zero)
                i += 1
                digits += 1
            } while digits < 9 && i < end && ASCII.isDigit(bytes[i])
            if interruptsParagraph && start != 1 { return nil }
            let delimiter = peek(i)
            guard delimiter == ASCII.period || delimiter == ASCII.rightParen else { return nil }
            i += 1
        } else {
            return nil
        }
        guard ASCII.isSpaceTabOrEnd(peek(i)) else { return nil }
        if interruptsParagraph {
            var j = i
            while j < end && ASCII.isSpaceOrTab(bytes[j]) { j += 1 }
            if j >= end { return nil }
        }
        return i - position
    }
}
