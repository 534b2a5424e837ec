import Foundation
/// Detail's long texts (a pasted certificate, a JWT: issue 10 point 17), parsed and counted
/// in lines once per width, so a key that changes neither does not read them again.
/// `reduce` keeps the selected item's (`keepDetailTexts`); `render` looks them up and
/// wraps only the lines in view. Short texts are not kept: reading them costs less.
public struct DetailCache: Sendable {
    struct Entry: Sendable {
        let markdown: String
        let width: Int
        let runs: [StyledRun]
        let lineCount: Int
    }

    /// Texts shorter than this many UTF-8 bytes are read again for each frame.
    static let minimumLength = 4096
    /// The texts kept, the last used last: a few items selected in turn stay cheap.
    static let capacity = 8
    private var entries: [Entry] = []

    public init() {}

    func entry(_ markdown: String, width: Int) -> Entry? {
        entries.last { $0.width == width && $0.markdown == markdown }
    }

    mutating func keep(_ markdown: String, width: Int) {
        guard markdown.utf8.count >= Self.minimumLength, width > 0 else { return }
        if let index = entries.lastIndex(where: { $0.width == width && $0.markdown == markdown }) {
            if index != entries.count - 1 { entries.append(entries.remove(at: index)) }
            return
        }
        let runs = InlineText.runs(markdown)
        let lineCount = Wrap.window(runs, width: width, keeping: 0..<0).count
        entries.append(Entry(markdown: markdown, width: width, runs: runs, lineCount: lineCount))
        if entries.count > Self.capacity { entries.removeFirst() }
    }
}

extension DashboardState {
    /// Keeps the selected item's long texts at Detail's width, as `paintDetail` wraps them.
    mutating func keepDetailTexts() {
        let width = layout.detail.width - 2
        guard let item = selected, !layout.tooSmall, width > 4 else { return }
        for text in [item.text] + ownLines(item) { detailCache.keep(text, width: width) }
        for note in notesNear(item) { detailCache.keep(Self.noteBody(note), width: width - 2) }
    }

    /// The item's own continuation lines (not its child tasks): "For each service file …".
    func ownLines(_ item: OutlineItem) -> [String] {
        let childLines = Set(item.children.map { outline.items[$0].line })
        let stop = item.children.first.map { outline.items[$0].line - 1 } ?? item.endLine
        guard item.line < stop else { return [] }
        var out: [String] = []
        for n in (item.line + 1)...stop where !childLines.contains(n) {
            guard let line = outline.lines[safe: n - 1] else { break }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty { out.append(trimmed) }
        }
        return Array(out.prefix(20))
    }

    /// The paragraph or blockquote right after the item's block, before the next task,
    /// heading or rule: where the plan keeps its notes.
    func notesNear(_ item: OutlineItem) -> [String] {
        // The first task line after the block (lines are only read up to it).
        let nextTask = outline.items.lazy.map(\.line).filter { $0 > item.endLine }.min()
        let lines = outline.lines
        var n = item.endLine + 1
        var out: [String] = []
        while n <= lines.count, out.count < 12 {
            let trimmed = lines[n - 1].trimmingCharacters(in: .whitespaces)
            if n == nextTask || trimmed.hasPrefix("#") || trimmed.hasPrefix("---") || trimmed.hasPrefix("***") { break }
            if trimmed.isEmpty {
                if !out.isEmpty { break }
            } else {
                out.append(trimmed)
            }
            n += 1
        }
        return out
    }

    /// A note as Detail shows it: a quote without its ">".
    static func noteBody(_ note: String) -> String {
        note.hasPrefix(">") ? String(note.drop { $0 == ">" || $0 == " " }) : note
    }
}
