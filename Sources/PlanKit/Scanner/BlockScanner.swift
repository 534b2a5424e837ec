#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The lossless plan scanner: CommonMark's block structure (cmark's algorithm, line by
/// line, no recursion) reduced to what a plan needs — task items with the byte offset of
/// their mark, their nesting, sections, and metadata fields. Written by hand because no
/// markdown library available here reports byte offsets; cmark-gfm is the test oracle.
struct BlockScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var stack: [OpenBlock] = []
    var lineNumber = 0
    private var lastNonBlankLine = 0
    private var thematicBreakKillPosition = 0

    // What the scan found; filled by the records in BlockScanner+Records.swift.
    var lineStarts: [Int] = []
    var items: [PlanItem] = []
    var sections: [PlanSection] = []
    var headings: [ScannedHeading] = []
    var lastUpdated: MetadataField?
    var status: MetadataField?
    var taskLikeLines: [TaskLikeLine] = []

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Scans the whole buffer from `start` (past a BOM, if any).
    mutating func scan(from start: Int) {
        var position = start
        let count = bytes.count
        lineStarts.reserveCapacity(count / 40 + 1)
        guard let base = bytes.baseAddress else { return finish() }
        // Most plans end lines with LF alone: then memchr finds each line's end.
        let hasCarriageReturn = memchr(base, Int32(ASCII.carriageReturn), count) != nil
        while position < count {
            var end = position
            if hasCarriageReturn {
                while end < count {
                    let b = bytes[end]
                    if b == ASCII.newline || b == ASCII.carriageReturn { break }
                    end += 1
                }
            } else if let found = memchr(base + position, Int32(ASCII.newline), count - position) {
                end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            } else {
                end = count
            }
            lineStarts.append(position)
            scanLine(start: position, end: end)
            if end < count && bytes[end] == ASCII.carriageReturn && end + 1 < count && bytes[end + 1] == ASCII.newline {
                position = end + 2
            } else {
                position = end + 1
            }
        }
        finish()
    }

    private mutating func finish() {
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
        stack.removeLast(stack.count - depth)
    }

    private mutating func noteLine(blank: Bool) {
        if !blank { lastNonBlankLine = lineNumber }
    }

    func lineEnd(ofLine line: Int) -> Int {
        var end = lineStarts[line - 1]
        while end < bytes.count && bytes[end] != ASCII.newline && bytes[end] != ASCII.carriageReturn { end += 1 }
        return end
    }
}
