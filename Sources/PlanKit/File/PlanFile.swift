import Foundation

/// A plan on disk: read, changed by byte patches, written back atomically. An edit
/// made on disk since the last read is never written over: the change is re-applied
/// to the new content, or nothing is written.
public struct PlanFile: Sendable {
    public let path: String
    public private(set) var document: PlanDocument

    public init(path: String) throws(PlanError) {
        self.path = path
        document = try PlanDocument(bytes: FileIO.read(path), name: path)
    }

    /// Reads the file again; true when its bytes changed.
    @discardableResult
    public mutating func reload() throws(PlanError) -> Bool {
        let bytes = try FileIO.read(path)
        guard bytes != document.bytes else { return false }
        document = try PlanDocument(bytes: bytes, name: path)
        return true
    }

    /// Sets the mark of the item `change` names and, with a `stamp`, Last Updated and
    /// Status; writes the file at once. A change to the mark the item already has writes
    /// nothing.
    public mutating func apply(_ change: StateChange, stamp: Date?) throws(PlanError) -> EditOutcome {
        let reapplied = try reload()
        guard let item = change.item.find(in: document) else {
            throw reapplied
                ? .itemGone(path: path, reference: change.item.id ?? "L\(change.item.line)")
                : .unknownItem(path: path, reference: change.item.id ?? "L\(change.item.line)")
        }
        let inverse = StateChange(item: ItemLocator(item), mark: item.mark)
        let patches = document.patches(setting: change.mark, of: item, stamp: stamp)
        guard !patches.isEmpty else {
            return EditOutcome(wrote: false, reapplied: reapplied, item: item, inverse: inverse)
        }
        guard let bytes = BytePatch.apply(patches, to: document.bytes) else {
            throw .bytesMoved(path: path, line: item.line)
        }
        let updated = try PlanDocument(bytes: bytes, name: path)
        try FileIO.writeAtomically(bytes, to: path)
        document = updated
        let written = updated.items[item.index]
        return EditOutcome(
            wrote: true, reapplied: reapplied, item: written,
            inverse: StateChange(item: ItemLocator(written), mark: item.mark))
    }
}

/// What an edit did.
public struct EditOutcome: Sendable, Equatable {
    /// False for a no-op (the mark was already so): the file was not touched.
    public var wrote: Bool
    /// True when the file had changed on disk and the change was placed in the new content.
    public var reapplied: Bool
    /// The item as it now stands.
    public var item: PlanItem
    /// The change that undoes this one.
    public var inverse: StateChange
}
