import PlanKit

/// The plan as the dashboard sees it: titles, items with their marks and nesting,
/// and the raw lines (for the notes near an item). Built from PlanKit's document by
/// `PlanOutline(document:)`; kept as plain values so `reduce` and `render` stay pure
/// and tests can build one by hand.
public struct PlanOutline: Sendable, Equatable {
    public var path: String
    public var title: String?
    public var status: String?
    public var lastUpdated: String?
    public var items: [OutlineItem]
    /// Sections that hold at least one task, in document order.
    public var phases: [OutlinePhase]
    /// The document's lines without their line endings (1-based line n is lines[n-1]).
    public var lines: [String]

    public init(path: String, title: String?, status: String?, lastUpdated: String?,
                items: [OutlineItem], phases: [OutlinePhase], lines: [String]) {
        self.path = path
        self.title = title
        self.status = status
        self.lastUpdated = lastUpdated
        self.items = items
        self.phases = phases
        self.lines = lines
    }

    public static let empty = PlanOutline(path: "", title: nil, status: nil, lastUpdated: nil,
                                          items: [], phases: [], lines: [])

    public func counts(of indices: [Int]) -> StateCounts {
        var counts = StateCounts()
        for index in indices { counts.add(items[index].state) }
        return counts
    }

    public var counts: StateCounts { counts(of: Array(items.indices)) }

    /// The items a reference names ("2.5", "TODO 2.5", "L48", "l48"): none, one, or
    /// several when an id is written twice.
    public func items(matching text: String) -> [OutlineItem] {
        guard let reference = ItemReference(parsing: text) else { return [] }
        return items.filter { reference.names(id: $0.id, line: $0.line) }
    }

    /// The first item a reference names.
    public func item(matching text: String) -> OutlineItem? { items(matching: text).first }
}

public struct OutlineItem: Sendable, Equatable {
    public var index: Int
    public var id: String?
    public var line: Int
    public var endLine: Int
    public var mark: String
    public var state: ItemState
    /// Raw markdown of the first line after "[c] ".
    public var text: String
    public var parent: Int?
    public var children: [Int]
    public var depth: Int
    /// Index into `PlanOutline.phases`.
    public var phase: Int

    public init(index: Int, id: String?, line: Int, endLine: Int, mark: String, state: ItemState,
                text: String, parent: Int?, children: [Int], depth: Int, phase: Int) {
        self.index = index
        self.id = id
        self.line = line
        self.endLine = endLine
        self.mark = mark
        self.state = state
        self.text = text
        self.parent = parent
        self.children = children
        self.depth = depth
        self.phase = phase
    }

    /// The item's id, else its line (PlanKit's one way of naming items).
    public var reference: ItemReference { id.map(ItemReference.id) ?? .line(line) }

    /// How the dashboard names an item across reloads: its id, else its line.
    public var key: String { reference.description }
}

public struct OutlinePhase: Sendable, Equatable {
    /// "2" for "Phase 2: …"; nil for a section that is not a phase.
    public var number: String?
    public var title: String
    public var line: Int?
    public var endLine: Int
    public var topItems: [Int]
    public var allItems: [Int]

    public init(number: String?, title: String, line: Int?, endLine: Int, topItems: [Int], allItems: [Int]) {
        self.number = number
        self.title = title
        self.line = line
        self.endLine = endLine
        self.topItems = topItems
        self.allItems = allItems
    }
}
