/// What the scanner records as it goes: task items, headings and sections, metadata
/// fields, and lines that only look like tasks.
extension BlockScanner {
    /// `[c]` and a space or tab right where a new list item's content starts.
    mutating func recognizeTask(at position: Int, lineEnd: Int, depth: Int) {
        guard position < lineEnd, bytes[position] == ASCII.leftBracket else { return }
        let markStart = position + 1
        let markLength = markStart < lineEnd ? UTF8Validation.scalarLength(leadByte: bytes[markStart]) : 0
        let close = markStart + markLength
        guard markLength > 0, close + 1 < lineEnd, bytes[close] == ASCII.rightBracket,
              ASCII.isSpaceOrTab(bytes[close + 1]) else {
            noteTaskLike(at: position, lineEnd: lineEnd)
            return
        }
        var textStart = close + 1
        while textStart < lineEnd && ASCII.isSpaceOrTab(bytes[textStart]) { textStart += 1 }
        var textEnd = lineEnd
        while textEnd > textStart && ASCII.isSpaceOrTab(bytes[textEnd - 1]) { textEnd -= 1 }
        let text = String(decoding: bytes[textStart..<textEnd], as: UTF8.self)
        let mark = String(decoding: bytes[markStart..<close], as: UTF8.self)
        let index = items.count
        let parent = stack[depth - 1].enclosingTask
        if sections.isEmpty { startSection(title: nil, level: nil, line: nil) }
        items.append(PlanItem(
            index: index, id: TaskID.find(in: bytes, from: textStart, to: textEnd), line: lineNumber,
            markOffset: markStart, mark: mark, state: ItemState(mark: mark), text: text,
            parent: parent >= 0 ? parent : nil, children: [],
            depth: parent >= 0 ? items[parent].depth + 1 : 0,
            section: sections.count - 1, endLine: lineNumber))
        if parent >= 0 { items[parent].children.append(index) }
        stack[depth - 1].task = index
    }

    /// `[]`, `[ x]`, `[x ]`, `[  ]`, or `[ ]` with nothing or a letter after it.
    private mutating func noteTaskLike(at position: Int, lineEnd: Int) {
        var i = position + 1
        while i < lineEnd && i - position <= 4 && (bytes[i] == ASCII.space || bytes[i] | 0x20 == 0x78) { i += 1 }
        guard i < lineEnd, bytes[i] == ASCII.rightBracket else { return }
        var snippetEnd = min(lineEnd, position + 32)
        while snippetEnd < lineEnd && bytes[snippetEnd] & 0xC0 == 0x80 { snippetEnd += 1 }
        taskLikeLines.append(TaskLikeLine(
            line: lineNumber, snippet: String(decoding: bytes[position..<snippetEnd], as: UTF8.self)))
    }

    mutating func noteHeading(level: Int, text: String) {
        let title = InlineText.plain(text)
        headings.append(ScannedHeading(level: level, line: lineNumber, text: title))
        if level <= 2 { startSection(title: title, level: level, line: lineNumber) }
    }

    private mutating func startSection(title: String?, level: Int?, line: Int?) {
        if let last = sections.indices.last, let line { sections[last].endLine = line - 1 }
        var phase: String?
        var sectionTitle = title
        if let title, let parsed = InlineText.phase(in: title) {
            phase = parsed.number
            sectionTitle = parsed.title
        }
        sections.append(PlanSection(
            title: sectionTitle, phase: phase, line: line, level: level, endLine: line ?? lineNumber,
            items: [], allItems: []))
    }

    mutating func finishSections() {
        if let last = sections.indices.last { sections[last].endLine = max(lineStarts.count, sections[last].line ?? 0) }
        for index in items.indices {
            let section = items[index].section
            sections[section].allItems.append(index)
            if let parent = items[index].parent, items[parent].section == section { continue }
            sections[section].items.append(index)
        }
    }

    func atxHeadingText(from start: Int, end: Int) -> String {
        var s = start
        while s < end && ASCII.isSpaceOrTab(bytes[s]) { s += 1 }
        var e = end
        while e > s && ASCII.isSpaceOrTab(bytes[e - 1]) { e -= 1 }
        // A closing run of #s goes, if blanks stand before it (or it is all there is).
        var h = e
        while h > s && bytes[h - 1] == ASCII.hash { h -= 1 }
        if h < e && (h == s || ASCII.isSpaceOrTab(bytes[h - 1])) {
            e = h
            while e > s && ASCII.isSpaceOrTab(bytes[e - 1]) { e -= 1 }
        }
        return String(decoding: bytes[s..<e], as: UTF8.self)
    }

    /// `**Last Updated**: `value`` / `**Status**: `value`` at the start of a paragraph line;
    /// the first of each counts. Only in the plan's preamble (CONTRACT §3): a top-level
    /// paragraph before the first task item and before any heading after the title. The
    /// same fields in items, quotes or later sections are the author's notes.
    mutating func scanMetadata(at position: Int, end: Int) {
        guard end - position > 10, bytes[position] == ASCII.asterisk, bytes[position + 1] == ASCII.asterisk,
              lastUpdated == nil || status == nil, inPreamble else { return }
        for name in [MetadataName.lastUpdated, .status] {
            if name == .lastUpdated ? lastUpdated != nil : status != nil { continue }
            guard let range = MetadataName.valueRange(of: name, in: bytes, from: position, to: end) else { continue }
            let field = MetadataField(
                value: String(decoding: bytes[range], as: UTF8.self), line: lineNumber, valueRange: range)
            if name == .lastUpdated { lastUpdated = field } else { status = field }
        }
    }

    /// The line is a top-level paragraph's (no list item or quote around it) under the
    /// title (or before any heading), and no task stands between the title and it.
    private var inPreamble: Bool {
        guard stack.count == 1, stack[0].kind == .paragraph else { return false }
        if headings.isEmpty { return items.isEmpty }
        guard headings.count == 1, headings[0].level == 1 else { return false }
        return items.last.map { $0.section < sections.count - 1 } ?? true
    }
}
