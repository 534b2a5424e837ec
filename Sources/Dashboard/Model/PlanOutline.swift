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
        return items(named: reference)
    }

    /// The items `reference` names: one, or several when an id is written twice.
    public func items(named reference: ItemReference) -> [OutlineItem] {
        items.filter { reference.names($0.item) }
    }

    /// The aborted or cancelled task `item` sits under, as the outline reads now.
    public func setAsideAncestor(of item: OutlineItem) -> PlanItem? {
        item.item.setAsideAncestor { items.indices.contains($0) ? items[$0].item : nil }
    }

    /// The first item a reference names.
    public func item(matching text: String) -> OutlineItem? { items(matching: text).first }
}

/// A plan item as the outline shows it: PlanKit's `PlanItem` (read through, e.g.
/// `item.line`, `item.reference`) and the phase it belongs to.
@dynamicMemberLookup
public struct OutlineItem: Sendable, Equatable {
    public var item: PlanItem
    /// Index into `PlanOutline.phases`.
    public var phase: Int

    public init(item: PlanItem, phase: Int) {
        self.item = item
        self.phase = phase
    }

    public subscript<Value>(dynamicMember path: KeyPath<PlanItem, Value>) -> Value { item[keyPath: path] }

    public subscript<Value>(dynamicMember path: WritableKeyPath<PlanItem, Value>) -> Value {
        get { item[keyPath: path] }
        set { item[keyPath: path] = newValue }
    }
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

extension StateCounts {
    /// "3/7": settled items of all, as the phase list and the items pane's header show it.
    public var settledOfTotal: String { "\(settled)/\(total)" }
}
