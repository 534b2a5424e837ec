/// Random markdown plans built from the constructs the scanner must get right: nested
/// lists of every marker, tabs, fenced and indented code, HTML blocks and comments,
/// block quotes, headings, lazy lines, thematic breaks. Seeded, so a failure repeats.
struct DocumentGenerator {
    private var rng: SplitMix64
    private var lines: [String] = []

    init(seed: UInt64) {
        rng = SplitMix64(seed: seed)
    }

    mutating func document() -> String {
        lines = []
        for _ in 0..<rng.int(3...9) { block(prefix: "", depth: 0) }
        let ending = rng.int(0...5) == 0 ? "\r\n" : "\n"
        var text = lines.joined(separator: ending)
        if rng.bool() { text += ending }
        return text
    }

    private mutating func block(prefix: String, depth: Int) {
        switch rng.int(0...11) {
        case 0: lines.append(prefix + String(repeating: "#", count: rng.int(1...3)) + " Phase \(rng.int(0...4)): Heading")
        case 1: paragraph(prefix: prefix)
        case 2: fencedCode(prefix: prefix)
        case 3: lines.append(prefix + "    - [ ] indented code task")
        case 4: html(prefix: prefix)
        case 5 where depth < 3: blockquote(prefix: prefix, depth: depth)
        case 6: lines.append(prefix + ["---", "***", "- - -", "___"][rng.int(0...3)])
        case 7: lines.append(prefix)
        case 8: lines.append(prefix + "Setext heading"); lines.append(prefix + (rng.bool() ? "===" : "---"))
        default: list(prefix: prefix, indent: "", depth: depth)
        }
    }

    private mutating func paragraph(prefix: String) {
        lines.append(prefix + "Some text with `code` and [ ] brackets.")
        switch rng.int(0...3) {
        case 0: lines.append(prefix + "- [ ] interrupts the paragraph")
        case 1: lines.append(prefix + "2. [ ] cannot interrupt")
        case 2: lines.append(prefix + "-")
        default: break
        }
    }

    private mutating func fencedCode(prefix: String) {
        let fence = String(repeating: rng.bool() ? "`" : "~", count: rng.int(3...5))
        let indent = String(repeating: " ", count: rng.int(0...3))
        lines.append(prefix + indent + fence + (rng.bool() ? "md" : ""))
        lines.append(prefix + "- [ ] task in code")
        if rng.bool() { lines.append(prefix + String(fence.prefix(fence.count - 1))) }
        lines.append(prefix + "- [x] still code")
        if rng.int(0...4) != 0 { lines.append(prefix + indent + fence + (rng.bool() ? "`" : "")) }
    }

    private mutating func html(prefix: String) {
        switch rng.int(0...2) {
        case 0:
            lines.append(prefix + "<!-- a comment")
            lines.append(prefix + "- [ ] in the comment")
            lines.append(prefix + "-->")
        case 1:
            lines.append(prefix + "<div>")
            lines.append(prefix + "- [ ] in the div")
            if rng.bool() { lines.append(prefix) }
            lines.append(prefix + "- [ ] after the div's blank line")
        default:
            lines.append(prefix + "<custom-tag attr=\"1\">")
            lines.append(prefix + "- [x] in a type 7 block")
            lines.append(prefix)
        }
    }

    private mutating func blockquote(prefix: String, depth: Int) {
        let quote = prefix + ">" + (rng.bool() ? " " : "")
        for _ in 0..<rng.int(1...3) { block(prefix: quote, depth: depth + 1) }
        if rng.bool() { lines.append(prefix + "lazy continuation line") }
    }

    private mutating func list(prefix: String, indent: String, depth: Int) {
        let ordered = rng.int(0...3) == 0
        let bullet = ["-", "*", "+"][rng.int(0...2)]
        let delimiter = rng.bool() ? "." : ")"
        for n in 1...rng.int(1...4) {
            let marker = ordered ? "\(n)\(delimiter)" : bullet
            let spacing = [" ", " ", " ", "  ", "   ", "\t", "     "][rng.int(0...6)]
            let mark = [" ", " ", "x", "X", "!", "/", "-", "?"][rng.int(0...7)]
            let lead = indent + String(repeating: " ", count: rng.int(0...1))
            switch rng.int(0...9) {
            case 0: lines.append(prefix + lead + marker)
                    lines.append(prefix + lead + "  [ ] on the item's second line")
            case 1: lines.append(prefix + lead + marker + spacing + "[\(mark)]no space")
            case 2: lines.append(prefix + lead + marker + spacing + "plain bullet")
            default: lines.append(prefix + lead + marker + spacing + "[\(mark)] task \(lines.count)")
            }
            let width = lead.count + marker.count + (spacing == "\t" ? 1 : spacing.count)
            let childIndent = rng.int(0...4) == 0 ? indent + "\t" : String(repeating: " ", count: width)
            if depth < 4 && rng.int(0...2) == 0 {
                list(prefix: prefix, indent: childIndent, depth: depth + 1)
            }
            if rng.int(0...5) == 0 { lines.append(prefix) }
            if rng.int(0...7) == 0 { lines.append(prefix + childIndent + "continuation text") }
            if rng.int(0...9) == 0 { lines.append(prefix + childIndent + "```"); lines.append(prefix + childIndent + "- [ ] code in item"); lines.append(prefix + childIndent + "```") }
        }
    }
}

/// A small seeded generator (SplitMix64): the same seed gives the same documents.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    mutating func bool() -> Bool { next() & 1 == 0 }
}
