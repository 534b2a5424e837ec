/// A block still open while the scanner walks the lines: the containers
/// (block quotes, list items) and at most one leaf on top of them.
struct OpenBlock {
    enum Kind: UInt8 { case blockQuote, listItem, paragraph, heading, fencedCode, indentedCode, html }

    var kind: Kind
    /// List item: the column, relative to its parent's content, where its content starts.
    var contentIndent = 0
    /// List item: whether any block was put in it (an item opened on a blank line has none yet).
    var hasChild = false
    /// List item: the index of the task item it is, or -1.
    var task = -1
    /// The nearest task item at or below this block in the stack, or -1: the parent of
    /// a task opened inside it, found without walking the stack.
    var enclosingTask = -1
    var fenceCharacter: UInt8 = 0
    var fenceLength = 0
    var fenceIndent = 0
    var html: HTMLBlockKind = .blockTag
    /// Paragraph: its first line and where that line's text starts (a setext heading's text).
    var startLine = 0
    var contentStart = 0

    var isLeaf: Bool { kind.rawValue >= Kind.paragraph.rawValue }
}

extension OpenBlock.Kind {
    /// Code and HTML take their lines as they are: no block starts inside them.
    var holdsRawLines: Bool { self == .fencedCode || self == .indentedCode || self == .html }
}

/// A line that looks like a task but is not one (`[]`, `[ x]`, `[ ]` with nothing after).
public struct TaskLikeLine: Sendable, Equatable {
    public var line: Int
    public var snippet: String
}

/// A heading at the top level of the document.
struct ScannedHeading {
    var level: Int
    var line: Int
    var text: String
}
