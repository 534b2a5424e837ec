/// Splits a `credential_process` command line into arguments the way the AWS
/// CLI does on POSIX systems (Python's `shlex.split`): whitespace separates,
/// single quotes keep everything, double quotes keep all but `\"` `\\` `\$` `` \` ``,
/// a backslash outside quotes escapes the next character. No shell runs, so
/// `;`, `|`, `$(...)` and globs are plain characters.
enum CommandLineSplitter {
    enum SplitError: Error, Equatable { case unclosedQuote, trailingBackslash }

    static func split(_ line: String) throws(SplitError) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var iterator = Array(line).makeIterator()
        while let char = iterator.next() {
            switch char {
            case " ", "\t", "\n", "\r":
                if inWord { words.append(current); current = ""; inWord = false }
            case "'":
                inWord = true
                var closed = false
                while let next = iterator.next() {
                    if next == "'" { closed = true; break }
                    current.append(next)
                }
                if !closed { throw .unclosedQuote }
            case "\"":
                inWord = true
                var closed = false
                while let next = iterator.next() {
                    if next == "\"" { closed = true; break }
                    if next == "\\" {
                        guard let escaped = iterator.next() else { throw .unclosedQuote }
                        if !["\"", "\\", "$", "`", "\n"].contains(escaped) { current.append("\\") }
                        if escaped != "\n" { current.append(escaped) }
                        continue
                    }
                    current.append(next)
                }
                if !closed { throw .unclosedQuote }
            case "\\":
                guard let escaped = iterator.next() else { throw .trailingBackslash }
                inWord = true
                if escaped != "\n" { current.append(escaped) }
            default:
                inWord = true
                current.append(char)
            }
        }
        if inWord { words.append(current) }
        return words
    }
}
