/// The longest run of plain text every match of a regular expression must contain, as grep
/// finds it: a file without it cannot match, so the (slow) regular expression need not run
/// (issue 12 point 6). Conservative: any construct it does not understand gives nil.
enum RegexLiteral {
    /// Runs shorter than this are not worth a search of their own.
    static let shortest = 3

    static func required(in pattern: String) -> String? {
        // Alternation, inline flags (`(?i)`), quoting and comments change what a literal means.
        if pattern.contains("|") || pattern.contains("(?") || pattern.contains("\\Q") { return nil }
        let characters = Array(pattern)
        var runs: [String] = []
        var run = ""
        var depth = 0
        var index = 0
        func endRun() { if run.count >= shortest { runs.append(run) }; run = "" }
        func quantified(_ next: Int) -> Bool { next < characters.count && "*?+{".contains(characters[next]) }
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "\\":
                guard index + 1 < characters.count else { return nil }
                let escaped = characters[index + 1]
                index += 2
                // Only escaped punctuation is itself; \s, \d, \b, \n … are classes or anchors.
                guard escaped.isPunctuation || escaped.isSymbol, escaped.isASCII else { endRun(); continue }
                if depth > 0 { continue }
                if quantified(index) { endRun() } else { run.append(escaped) }
            case "[":
                endRun()
                guard let close = classEnd(characters, from: index) else { return nil }
                index = close + 1
            case "(":
                endRun(); depth += 1; index += 1
            case ")":
                endRun(); depth -= 1; index += 1
            case "{":
                // A counted quantifier (`{2,5}`): its digits are no text.
                endRun()
                guard let close = characters[index...].firstIndex(of: "}") else { return nil }
                index = close + 1
            case ".", "^", "$", "*", "+", "?", "}":
                endRun(); index += 1
            default:
                index += 1
                if depth > 0 { continue }
                if quantified(index) { endRun() } else { run.append(character) }
            }
        }
        endRun()
        return runs.max { $0.utf8.count < $1.utf8.count }
    }

    /// The `]` that closes the class opened at `start`; nil for a nested set (ICU's `[[a]--[b]]`).
    private static func classEnd(_ characters: [Character], from start: Int) -> Int? {
        var index = start + 1
        if index < characters.count, characters[index] == "^" { index += 1 }
        if index < characters.count, characters[index] == "]" { index += 1 }
        while index < characters.count {
            switch characters[index] {
            case "\\": index += 2
            case "[": return nil
            case "]": return index
            default: index += 1
            }
        }
        return nil
    }
}
