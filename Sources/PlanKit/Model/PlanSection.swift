/// A part of the plan started by a level-1 or level-2 heading. Tasks before any
/// heading form a first section with no heading.
public struct PlanSection: Sendable, Equatable {
    /// The heading's text without markers or emphasis; for a phase, the part after `Phase n:`.
    public var title: String?
    /// `2` for a heading that reads `Phase 2: …`.
    public var phase: String?
    /// 1-based line of the heading; nil for the untitled first section.
    public var line: Int?
    /// 1 or 2; nil for the untitled first section.
    public var level: Int?
    /// The last line before the next section (or the end of the file).
    public var endLine: Int
    /// Top-level task items (no enclosing task), in order.
    public var items: [Int]
    /// Every task item of the section, in document order.
    public var allItems: [Int]
}
