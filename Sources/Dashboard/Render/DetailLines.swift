/// Detail's lines before the pane cuts out its window. Most blocks are a line or two, but
/// an item's text can be a 200 KB token, ~2500 lines at 80 columns of which the pane shows
/// a screenful: wrapped blocks are kept as runs and only the lines asked for are built,
/// from `DetailCache` when it holds the text (then nothing past the window is read).
struct DetailLines {
    private enum Block {
        case lines([[StyledRun]])
        /// Runs wrapped to `width`, the first line led by `first`, the others by `rest`;
        /// `lineCount` when the cache knows it.
        case wrapped([StyledRun], width: Int, lineCount: Int?, first: StyledRun?, rest: StyledRun?)
    }

    private let cache: DetailCache
    private var blocks: [Block] = []

    init(cache: DetailCache) { self.cache = cache }

    mutating func append(_ line: [StyledRun]) { blocks.append(.lines([line])) }

    mutating func append(contentsOf lines: [[StyledRun]]) { blocks.append(.lines(lines)) }

    /// Inline markdown wrapped to `width`.
    mutating func wrap(markdown: String, width: Int, first: StyledRun? = nil, rest: StyledRun? = nil) {
        if let kept = cache.entry(markdown, width: width) {
            blocks.append(.wrapped(kept.runs, width: width, lineCount: kept.lineCount, first: first, rest: rest))
        } else {
            blocks.append(.wrapped(InlineText.runs(markdown), width: width, lineCount: nil, first: first, rest: rest))
        }
    }

    /// The lines whose numbers (from 0) are in `range`, and how many lines there are in all.
    func window(_ range: Range<Int>) -> (lines: [[StyledRun]], count: Int) {
        var shown: [[StyledRun]] = []
        var count = 0
        for block in blocks {
            // The range as the block numbers its own lines.
            let local = max(0, range.lowerBound - count)..<max(0, range.upperBound - count)
            switch block {
            case .lines(let lines):
                shown += lines.indices.clamped(to: local).map { lines[$0] }
                count += lines.count
            case .wrapped(_, _, let lineCount?, _, _) where local.isEmpty || local.lowerBound >= lineCount:
                count += lineCount
            case .wrapped(let runs, let width, let lineCount, let first, let rest):
                let wrapped = Wrap.window(runs, width: width, keeping: local, lineCount: lineCount)
                for (offset, line) in wrapped.lines.enumerated() {
                    let lead = local.lowerBound + offset == 0 ? first : rest
                    shown.append(lead.map { [$0] + line } ?? line)
                }
                count += wrapped.count
            }
        }
        return (shown, count)
    }
}
