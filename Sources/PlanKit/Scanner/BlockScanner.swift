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

    // MARK: - One line, in cmark's three steps

    /// What one line has done to the open blocks, handed from step to step.
    private struct LineProgress {
        /// How many open blocks the line continues (step 1).
        var matched: Int
        /// How many blocks are open below the line's text: the container it goes into.
        var depth: Int
        /// The line opened a block (or made a paragraph a heading), so it is no lazy continuation.
        var opened = false
        /// The block opened last took the whole line: there is no text left to add.
        var taken = false
        /// The line may still continue a paragraph lazily: nothing opened yet, a paragraph on top.
        var maybeLazy: Bool
    }

    private mutating func scanLine(start: Int, end: Int) {
        lineNumber += 1
        thematicBreakKillPosition = 0
        var cursor = LineCursor(bytes: bytes, start: start, end: end)
        guard let matched = continueOpenBlocks(&cursor) else { return noteLine(blank: false) }
        var line = LineProgress(matched: matched, depth: matched, maybeLazy: stack.last?.kind == .paragraph)
        openNewBlocks(&cursor, &line)
        addText(&cursor, line)
    }

    // MARK: Step 1: which open blocks does the line continue?

    private enum Continuation { case continues, stops, closesFence }

    /// How many open blocks, from the outermost, the line continues, with the cursor past
    /// their markers; nil when the line was a closing fence, which ends its block and the line.
    private mutating func continueOpenBlocks(_ cursor: inout LineCursor) -> Int? {
        var matched = 0
        while matched < stack.count {
            cursor.findFirstNonspace()
            switch continuation(of: stack[matched], &cursor) {
            case .continues:
                matched += 1
            case .stops:
                return matched
            case .closesFence:
                close(from: matched)
                return nil
            }
        }
        return matched
    }

    /// Whether the line continues `block`; when it does, the cursor moves past the block's
    /// marker or indentation.
    private func continuation(of block: OpenBlock, _ cursor: inout LineCursor) -> Continuation {
        switch block.kind {
        case .blockQuote:
            guard cursor.indent <= 3 && cursor.peek(cursor.firstNonspace) == ASCII.greaterThan else { return .stops }
            cursor.advance(cursor.indent + 1, columns: true)
            if ASCII.isSpaceOrTab(cursor.peek(cursor.offset)) { cursor.advance(1, columns: true) }
        case .listItem:
            if cursor.indent >= block.contentIndent {
                cursor.advance(block.contentIndent, columns: true)
            } else if cursor.blank && block.hasChild {
                cursor.advanceToFirstNonspace()
            } else {
                return .stops
            }
        case .fencedCode:
            if cursor.indent <= 3 && cursor.peek(cursor.firstNonspace) == block.fenceCharacter
                && cursor.closingFenceLength(at: cursor.firstNonspace, character: block.fenceCharacter) >= block.fenceLength {
                return .closesFence
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
                return .stops
            }
        case .html:
            if block.html.endsAtBlankLine && cursor.blank { return .stops }
        case .paragraph:
            if cursor.blank { return .stops }
        case .heading:
            return .stops
        }
        return .continues
    }

    // MARK: Step 2: which new blocks does it open?

    private enum Opening {
        /// No block starts here.
        case none
        /// A block quote or list item: blocks may start inside it on the same line.
        case container
        /// A leaf: nothing more opens on this line; `takesLine` when no text is left to add.
        case leaf(takesLine: Bool)
    }

    /// Opens the blocks that start on the line, outermost first, until a leaf opens, a
    /// block that holds raw lines is on top, or nothing more starts.
    private mutating func openNewBlocks(_ cursor: inout LineCursor, _ line: inout LineProgress) {
        while !(kind(at: line.depth)?.holdsRawLines ?? false) {
            cursor.findFirstNonspace()
            switch openBlock(&cursor, depth: &line.depth, maybeLazy: line.maybeLazy) {
            case .none:
                return
            case .container:
                line.opened = true
                line.maybeLazy = false
            case .leaf(let takesLine):
                line.opened = true
                line.taken = takesLine
                return
            }
        }
    }

    /// Opens the one block, if any, that starts at the cursor inside the container at
    /// `depth`, trying the starts in cmark's order.
    private mutating func openBlock(_ cursor: inout LineCursor, depth: inout Int, maybeLazy: Bool) -> Opening {
        let indented = cursor.indent >= 4
        let position = cursor.firstNonspace
        let container = kind(at: depth)
        if !indented && cursor.peek(position) == ASCII.greaterThan {
            cursor.advance(position + 1 - cursor.offset, columns: false)
            if ASCII.isSpaceOrTab(cursor.peek(cursor.offset)) { cursor.advance(1, columns: true) }
            depth = open(OpenBlock(kind: .blockQuote), at: depth)
            return .container
        }
        if !indented, let level = cursor.atxHeadingLevel(at: position) {
            depth = open(OpenBlock(kind: .heading), at: depth)
            if depth == 1 { noteHeading(level: level, text: atxHeadingText(from: position + level, end: cursor.end)) }
            return .leaf(takesLine: true)
        }
        if !indented, let fence = cursor.openingFence(at: position) {
            var block = OpenBlock(kind: .fencedCode)
            block.fenceCharacter = fence.character
            block.fenceLength = fence.length
            block.fenceIndent = cursor.indent
            depth = open(block, at: depth)
            return .leaf(takesLine: true)
        }
        if !indented, let kind = cursor.htmlBlockStart(at: position, allowAnyTag: container != .paragraph) {
            var block = OpenBlock(kind: .html)
            block.html = kind
            depth = open(block, at: depth)
            return .leaf(takesLine: false)
        }
        if !indented && container == .paragraph, let level = cursor.setextLevel(at: position) {
            makeHeading(paragraphAt: depth, level: level)
            return .leaf(takesLine: true)
        }
        if !indented && isThematicBreak(cursor, at: position) {
            depth = closeLeaf(at: depth)
            close(from: depth)
            markChildAdded(at: depth)
            return .leaf(takesLine: true)
        }
        if !indented, let width = cursor.listMarkerWidth(at: position, interruptsParagraph: container == .paragraph) {
            depth = openListItem(&cursor, markerWidth: width, at: depth)
            return .container
        }
        if indented && !maybeLazy && !cursor.blank {
            cursor.advance(4, columns: true)
            depth = open(OpenBlock(kind: .indentedCode), at: depth)
            return .leaf(takesLine: true)
        }
        return .none
    }

    /// A setext underline: the paragraph at `depth` was a heading's text all along.
    private mutating func makeHeading(paragraphAt depth: Int, level: Int) {
        let paragraph = stack[depth - 1]
        stack[depth - 1].kind = .heading
        if depth == 1 {
            let text = String(decoding: bytes[paragraph.contentStart..<lineEnd(ofLine: paragraph.startLine)], as: UTF8.self)
            noteHeading(level: level, text: text)
        }
    }

    /// Opens a list item whose marker, `markerWidth` bytes, is at the cursor's first
    /// non-space; its content starts after one to four spaces (else one), where a task's
    /// `[ ]` may stand. Returns the new depth.
    private mutating func openListItem(_ cursor: inout LineCursor, markerWidth width: Int, at depth: Int) -> Int {
        let markerIndent = cursor.indent
        cursor.advance(cursor.firstNonspace + width - cursor.offset, columns: false)
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
        let depth = open(block, at: depth)
        if mayBeTask { recognizeTask(at: cursor.offset, lineEnd: cursor.end, depth: depth) }
        return depth
    }

    // MARK: Step 3: where does the rest of the line go?

    /// Adds what is left of the line to the block on top: a lazy paragraph continuation,
    /// the open leaf, or a new paragraph.
    private mutating func addText(_ cursor: inout LineCursor, _ line: LineProgress) {
        cursor.findFirstNonspace()
        if !line.opened && line.matched < stack.count && !cursor.blank && stack.last?.kind == .paragraph {
            // A lazy continuation line: the paragraph goes on inside unmatched containers.
            scanMetadata(at: cursor.firstNonspace, end: cursor.end)
            return noteLine(blank: false)
        }
        if !line.opened { close(from: line.depth) }
        if line.taken { return noteLine(blank: false) }
        switch kind(at: line.depth) {
        case .html?:
            let html = stack[line.depth - 1].html
            if !html.endsAtBlankLine && cursor.closesHTMLBlock(html, from: cursor.firstNonspace) {
                close(from: line.depth - 1)
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
                _ = open(paragraph, at: line.depth)
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

    /// The kind of the block `depth` blocks up the stack; nil for the document itself.
    private func kind(at depth: Int) -> OpenBlock.Kind? {
        depth == 0 ? nil : stack[depth - 1].kind
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
