/// One visible row of the item tree.
public struct TreeRow: Sendable, Equatable {
    public var item: Int
    public var depth: Int
    public var hasChildren: Bool
    public var expanded: Bool
}
