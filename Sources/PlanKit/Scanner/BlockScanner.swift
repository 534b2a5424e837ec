/// The lossless plan scanner: CommonMark's block structure (cmark's algorithm, line by
/// line, no recursion) reduced to what a plan needs — task items with the byte offset of
/// their mark, their nesting, sections, and metadata fields. Written by hand because no
/// markdown library available here reports byte offsets; cmark-gfm is the test oracle.
struct BlockScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var stack: [OpenBlock] = []
    private var lineNumber = 0
    private var lastNonBlankLine = 0
    private var thematicBreakKillPosition = 0

    private(set) var lineStarts: [Int] = []
    private(set) var items: [PlanItem] = []
    private(set) var sections: [PlanSection] = []
    private(set) var headings: [ScannedHeading] = []
    private(set) var lastUpdated: MetadataField?
    private(set) var status: MetadataField?
    private(set) var taskLikeLines: [TaskLikeLine] = []

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Scans the whole buffer from `start` (past a BOM, if any).
    mutating func scan(from start: Int) {
        var position = start
        let count = bytes.count
        lineStarts.reserveCapacity(count / 40 + 1)
        while position < count {
            var end = position
            while end < count {
                let b = bytes[end]
                if b == ASCII.newline || b == ASCII.carriageReturn { break }
                end += 1
            }
            lineStarts.append(position)
            scanLine(start: position, end: end)
            if end < count && bytes[end] == ASCII.carriageReturn && end + 1 < count && bytes[end + 1] == ASCII.newline {
                position = end + 2
            } else {
                position = end + 1
            }
        }
        lineNumber += 1
        close(from: 0)
        finishSections()
    }

    // MARK: - One line

    private mutating func scanLine(start: Int, end: Int) {
        lineNumber += 1
        thematicBreakKillPosition = 0
        var cursor = LineCursor(bytes: bytes, start: start, end: end)

        // 1. Which open blocks does this line continue?
        var matched = 0
        walk: while matched < stack.count {
            cursor.findFirstNonspace()
            let block = stack[matched]
            switch block.kind {
            case .blockQuote:
                guard cursor.indent <= 3 && cursor.peek(cursor.firstNonspace) == ASCII.greaterThan else {
                    break walk
                }
                cursor.advance(cursor.indent + 1, columns: true)
                if ASCII.isSpaceOrTab(cursor.peek(cursor.offset)) { cursor.advance(1, columns: true) }
            case .listItem:
                if cursor.indent >= block.contentIndent {
                    cursor.advance(block.contentIndent, columns: true)
                } else if cursor.blank && block.hasChild {
                    cursor.advanceToFirstNonspace()
                } else {
                    break walk
                }
            case .fencedCode:
                if cursor.indent <= 3 && cursor.peek(cursor.firstNonspace) == block.fenceCharacter
                    && cursor.closingFenceLength(at: cursor.firstNonspace, character: block.fenceCharacter) >= block.fenceLength {
                    // The closing fence ends the block and the line.
                    close(from: matched)
                    noteLine(blank: false)
                    return
                }
                var spaces = block.fenceIndent
                while spaces > 0 && ASCII.isSpaceOrTab(cursor.peek(cursor.offset)) {
                    cursor.advance(1, columns: true)
                    spaces -= 1
                }
            case .indentedCode:
                if cursor.indent >= 4 {
                    cursor.advance(4, columns: true)
                } else if cursor.blank {
                    cursor.advanceToFirstNonspace()
                } else {
                    break walk
                }
            case .html:
                if block.html.endsAtBlankLine && cursor.blank {
                    break walk
                }
            case .paragraph:
                if cursor.blank {
                    break walk
                }
            case .heading:
                break walk
            }
            matched += 1
        }

        // 2. Which new blocks does it open?
        var depth = matched
        var opened = false
        var lineTaken = false
        var maybeLazy = stack.last?.kind == .paragraph
        func kindAt(_ depth: Int) -> OpenBlock.Kind? { depth == 0 ? nil : stack[depth - 1].kind }

        opening: while !(kindAt(depth).map { $0 == .fencedCode || $0 == .indentedCode || $0 == .html } ?? false) {
            cursor.findFirstNonspace()
            let indented = cursor.indent >= 4
            let position = cursor.firstNonspace
            let c = cursor.peek(position)
            let container = kindAt(depth)

            if !indented && c == ASCII.greaterThan {
                cursor.advance(position + 1 - cursor.offset, columns: false)
                if ASCII.isSpaceOrTab(cursor.peek(cursor.offset)) { cursor.advance(1, columns: true) }
                depth = open(OpenBlock(kind: .blockQuote), at: depth)
            } else if !indented, let level = cursor.atxHeadingLevel(at: position) {
                depth = open(OpenBlock(kind: .heading), at: depth)
                if depth == 1 { noteHeading(level: level, text: atxHeadingText(from: position + level, end: cursor.end)) }
                lineTaken = true
                opened = true
                break opening
            } else if !indented, let fence = cursor.openingFence(at: position) {
                var block = OpenBlock(kind: .fencedCode)
                block.fenceCharacter = fence.character
                block.fenceLength = fence.length
                block.fenceIndent = cursor.indent
                depth = open(block, at: depth)
                lineTaken = true
                opened = true
                break opening
            } else if !indented, let kind = cursor.htmlBlockStart(at: position, allowAnyTag: container != .paragraph) {
                var block = OpenBlock(kind: .html)
                block.html = kind
                depth = open(block, at: depth)
                opened = true
                break opening
            } else if !indented && container == .paragraph, let level = cursor.setextLevel(at: position) {
                // The paragraph was a heading's text all along.
                let paragraph = stack[depth - 1]
                stack[depth - 1].kind = .heading
                if depth == 1 {
                    let text = String(decoding: bytes[paragraph.contentStart..<lineEnd(ofLine: paragraph.startLine)], as: UTF8.self)
                    noteHeading(level: level, text: text)
                }
                lineTaken = true
                opened = true
                break opening
            } else if !indented && isThematicBreak(cursor, at: position) {
                depth = closeLeaf(at: depth)
                close(from: depth)
                markChildAdded(at: depth)
                lineTaken = true
                opened = true
                break opening
            } else if cursor.indent < 4,
                      let width = cursor.listMarkerWidth(at: position, interruptsParagraph: container == .paragraph) {
                let markerIndent = cursor.indent
                cursor.advance(position + width - cursor.offset, columns: false)
                let saved = cursor
                while cursor.column - saved.column <= 5 && ASCII.isSpaceOrTab(cursor.peek(cursor.offset)) {
                    cursor.advance(1, columns: true)
                }
                let spaces = cursor.column - saved.column
                var padding = width + spaces
                var mayBeTask = true
                if spaces >= 5 || spaces < 1 || cursor.isLineEnd(cursor.offset) {
                    padding = width + 1
                    cursor = saved
                    if spaces > 0 { cursor.advance(1, columns: true) }
                    mayBeTask = false
                }
                var block = OpenBlock(kind: .listItem)
                block.contentIndent = markerIndent + padding
                depth = open(block, at: depth)
                if mayBeTask { recognizeTask(at: cursor.offset, lineEnd: cursor.end, depth: depth) }
            } else if indented && !maybeLazy && !cursor.blank {
                cursor.advance(4, columns: true)
                depth = open(OpenBlock(kind: .indentedCode), at: depth)
                lineTaken = true
                opened = true
                break opening
            } else {
                break opening
            }
            opened = true
            maybeLazy = false
        }

        // 3. Where does the rest of the line go?
        cursor.findFirstNonspace()
        if !opened && matched < stack.count && !cursor.blank && stack.last?.kind == .paragraph {
            // A lazy continuation line: the paragraph goes on inside unmatched containers.
            scanMetadata(at: cursor.firstNonspace, end: cursor.end)
            noteLine(blank: false)
            return
        }
        if !opened { close(from: depth) }
        if lineTaken {
            noteLine(blank: false)
            return
        }
        switch kindAt(depth) {
        case .html?:
            if !stack[depth - 1].html.endsAtBlankLine
                && cursor.closesHTMLBlock(stack[depth - 1].html, from: cursor.firstNonspace) {
                close(from: depth - 1)
            }
        case .fencedCode?, .indentedCode?, .heading?:
            break
        case .paragraph?:
            scanMetadata(at: cursor.firstNonspace, end: cursor.end)
        default:
            if !cursor.blank {
                var paragraph = OpenBlock(kind: .paragraph)
                paragraph.startLine = lineNumber
                paragraph.contentStart = cursor.firstNonspace
                depth = open(paragraph, at: depth)
                scanMetadata(at: cursor.firstNonspace, end: cursor.end)
            }
        }
        noteLine(blank: cursor.blank)
    }

    // MARK: - The stack

    /// Opens `block` as the last child of the container at `depth`, closing what stood
    /// above it (and a leaf, which cannot hold children). Returns the new depth.
    private mutating func open(_ block: OpenBlock, at depth: Int) -> Int {
        let depth = closeLeaf(at: depth)
        close(from: depth)
        markChildAdded(at: depth)
        var block = block
        if depth > 0 {
            let below = stack[depth - 1]
            block.enclosingTask = below.task >= 0 ? below.task : below.enclosingTask
        }
        stack.append(block)
        return depth + 1
    }

    /// Skips lines already known not to be a break: a line of `- - - x` is scanned once,
    /// not once per nested list item it opens.
    private mutating func isThematicBreak(_ cursor: LineCursor, at position: Int) -> Bool {
        guard thematicBreakKillPosition <= position else { return false }
        let result = cursor.thematicBreak(at: position)
        if !result.isBreak { thematicBreakKillPosition = result.stoppedAt }
        return result.isBreak
    }

    private mutating func closeLeaf(at depth: Int) -> Int {
        depth > 0 && stack[depth - 1].isLeaf ? depth - 1 : depth
    }

    private mutating func markChildAdded(at depth: Int) {
        if depth > 0 && stack[depth - 1].kind == .listItem { stack[depth - 1].hasChild = true }
    }

    private mutating func close(from depth: Int) {
        guard depth < stack.count else { return }
        for index in stride(from: stack.count - 1, through: depth, by: -1) {
            let task = stack[index].task
            if task >= 0 { items[task].endLine = max(items[task].line, lastNonBlankLine) }
        }
        stack.removeSubrange(depth...)
    }

    private mutating func noteLine(blank: Bool) {
        if !blank { lastNonBlankLine = lineNumber }
    }

    private func lineEnd(ofLine line: Int) -> Int {
        var end = lineStarts[line - 1]
        while end < bytes.count && bytes[end] != ASCII.newline && bytes[end] != ASCII.carriageReturn { end += 1 }
        return end
    }
}

// MARK: - Tasks, headings, metadata

extension BlockScanner {
    /// `[c]` and a space or tab right where a new list item's content starts.
    private mutating func recognizeTask(at position: Int, lineEnd: Int, depth: Int) {
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

    private mutating func noteHeading(level: Int, text: String) {
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

    private mutating func finishSections() {
        if let last = sections.indices.last { sections[last].endLine = max(lineStarts.count, sections[last].line ?? 0) }
        for item in items {
            sections[item.section].allItems.append(item.index)
            if item.parent == nil || items[item.parent!].section != item.section {
                sections[item.section].items.append(item.index)
            }
        }
    }

    private func atxHeadingText(from start: Int, end: Int) -> String {
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
    /// the first of each counts.
    private mutating func scanMetadata(at position: Int, end: Int) {
        guard end - position > 10, bytes[position] == ASCII.asterisk, bytes[position + 1] == ASCII.asterisk else { return }
        for name in MetadataName.allCases {
            if name == .lastUpdated ? lastUpdated != nil : status != nil { continue }
            guard let range = MetadataName.valueRange(of: name, in: bytes, from: position, to: end) else { continue }
            let field = MetadataField(
                value: String(decoding: bytes[range], as: UTF8.self), line: lineNumber, valueRange: range)
            if name == .lastUpdated { lastUpdated = field } else { status = field }
        }
    }
}
