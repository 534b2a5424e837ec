import Foundation

/// What the user typed after `/`, read as words that must all appear in an item's text,
/// in any order, case ignored ("stack deploy" finds "Deploy all infra stacks").
public struct SearchQuery: Sendable, Equatable {
    public let words: [String]
    private let needles: [[UInt8]]

    public init(_ text: String) {
        words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        needles = words.map { Array($0.lowercased().utf8) }
    }

    public var isEmpty: Bool { words.isEmpty }

    /// Whether every word is in `text`, case ignored.
    public func matches(_ text: String) -> Bool { matches(lowercased: Array(text.lowercased().utf8)) }

    /// The same for a text already lowercased as UTF-8 (the search index): a keystroke
    /// searches a 10 000-item plan without lowercasing it again.
    public func matches(lowercased text: [UInt8]) -> Bool {
        !needles.isEmpty && needles.allSatisfy { Self.contains(text, $0) }
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard haystack.count >= needle.count else { return false }
        let first = needle[0]
        var start = 0
        while start <= haystack.count - needle.count {
            if haystack[start] == first {
                var n = 1
                while n < needle.count, haystack[start + n] == needle[n] { n += 1 }
                if n == needle.count { return true }
            }
            start += 1
        }
        return false
    }

    /// The runs split so that each word found is a run of its own in the search-match role.
    public func highlighted(_ runs: [StyledRun]) -> [StyledRun] {
        guard !words.isEmpty else { return runs }
        var out: [StyledRun] = []
        for run in runs {
            let text = run.text
            var cursor = text.startIndex
            for found in ranges(in: text) where found.upperBound > cursor {
                let lower = max(found.lowerBound, cursor)
                if cursor < lower { out.append(StyledRun(String(text[cursor..<lower]), run.emphasis, role: run.role)) }
                out.append(StyledRun(String(text[lower..<found.upperBound]), run.emphasis, role: .searchMatch))
                cursor = found.upperBound
            }
            if cursor < text.endIndex { out.append(StyledRun(String(text[cursor...]), run.emphasis, role: run.role)) }
        }
        return out
    }

    /// Every place a word occurs in `text`, in order.
    private func ranges(in text: String) -> [Range<String.Index>] {
        var found: [Range<String.Index>] = []
        for word in words {
            var start = text.startIndex
            while start < text.endIndex,
                  let range = text.range(of: word, options: .caseInsensitive, range: start..<text.endIndex) {
                found.append(range)
                start = range.upperBound
            }
        }
        return found.sorted { $0.lowerBound < $1.lowerBound }
    }
}

/// The search prompt's memory: the queries run before (↑ / ↓ in the prompt walk them)
/// and the item selected when the prompt opened (Esc goes back to it).
public struct SearchSession: Sendable, Equatable {
    public var history: [String] = []
    /// Where ↑ / ↓ are in `history`; nil: the line being typed.
    public var historyPosition: Int?
    public var origin: Int?
    public var originPhase = 0
    /// Each item's plain text, lowercased, as UTF-8: built when the prompt opens.
    public var index: [[UInt8]] = []

    static let historyLimit = 50

    mutating func remember(_ query: String) {
        guard !query.isEmpty else { return }
        history.removeAll { $0 == query }
        history.append(query)
        if history.count > Self.historyLimit { history.removeFirst(history.count - Self.historyLimit) }
    }
}
