import Foundation

/// A plan on disk: read, changed by byte patches, written back atomically. An edit
/// made on disk since the last read is never written over: the change is re-applied
/// to the new content, or nothing is written (CONTRACT §4).
public struct PlanFile: Sendable {
    public let path: String
    public private(set) var document: PlanDocument

    public init(path: String) throws(PlanError) {
        self.path = path
        document = try PlanDocument(bytes: FileIO.readSettled(path, name: path).bytes, name: path)
    }

    /// `--plan -`: the plan read from standard input, for commands that only read.
    public static func standardInput() throws(PlanError) -> PlanDocument {
        try PlanDocument(bytes: FileIO.readStandardInput(), name: "-")
    }

    /// Reads the file again; true when its bytes changed.
    @discardableResult
    public mutating func reload() throws(PlanError) -> Bool {
        let snapshot = try FileIO.readSettled(path, name: path, previous: document.bytes)
        return try adopt(snapshot.bytes)
    }

    private mutating func adopt(_ bytes: [UInt8]) throws(PlanError) -> Bool {
        guard bytes != document.bytes else { return false }
        document = try PlanDocument(bytes: bytes, name: path)
        return true
    }

    /// Sets the mark of the item `change` names and, with a `stamp`, Last Updated and
    /// Status; writes the file at once. A change to the state the item already has
    /// writes nothing. PlanTrack writers take turns (an advisory lock); another
    /// program's save in the meantime is read and the change placed in it again.
    public mutating func apply(_ change: StateChange, stamp: Date?) throws(PlanError) -> EditOutcome {
        let target = try FileIO.resolvedTarget(path)
        try PlanWriter.checkWritable(target, name: path)
        let lock = try PlanLock(target, name: path)
        defer { lock.release() }
        var reapplied = false
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let snapshot = try FileIO.readSettled(target, name: path, previous: document.bytes)
            if try adopt(snapshot.bytes) { reapplied = true }
            guard let edit = try prepare(change, stamp: stamp, exact: !reapplied) else {
                let item = try change.item.locate(in: document, exact: !reapplied)
                let state = MarkedState(item, in: document)
                return EditOutcome(wrote: false, reapplied: reapplied, item: item, before: state, after: state)
            }
            if try PlanWriter.replace(target, name: path, with: edit.updated.bytes, ifStill: snapshot) {
                document = edit.updated
                return EditOutcome(wrote: true, reapplied: reapplied, item: edit.item, before: edit.before,
                                   after: MarkedState(edit.item, in: edit.updated))
            }
            reapplied = true
            FileIO.pause(milliseconds: 2)
        }
        throw .keepsChanging(path: path)
    }

    /// The document with the change made, or nil for a change that changes nothing.
    private func prepare(_ change: StateChange, stamp: Date?, exact: Bool) throws(PlanError)
        -> (updated: PlanDocument, item: PlanItem, before: MarkedState)? {
        let item = try change.item.locate(in: document, exact: exact)
        let before = MarkedState(item, in: document)
        if let expected = change.expected, before != expected {
            throw .changedOnDisk(path: path, reference: item.reference.name, detail: before.difference(from: expected))
        }
        guard !change.isNoOp(for: item) else { return nil }
        let patches = document.patches(setting: change.mark, of: item, stamp: stamp, restoring: change.restoring)
        guard !patches.isEmpty else { return nil }
        guard let bytes = BytePatch.apply(patches, to: document.bytes) else {
            throw .bytesMoved(path: path, line: item.line)
        }
        let updated = try PlanDocument(bytes: bytes, name: path)
        // The file must read back as the same plan with the one mark changed, or it is not written.
        guard updated.items.count == document.items.count, updated.items[item.index].mark == change.mark,
              updated.items[item.index].line == item.line else {
            throw .unusableMark(mark: change.mark, reason: "the task would no longer read as a task")
        }
        return (updated, updated.items[item.index], before)
    }
}

/// What an edit did.
public struct EditOutcome: Sendable, Equatable {
    /// False for a no-op (the item was already so): the file was not touched.
    public var wrote: Bool
    /// True when the file had changed on disk and the change was placed in the new content.
    public var reapplied: Bool
    /// The item as it now stands.
    public var item: PlanItem
    /// The mark and metadata values before the change, and after it.
    public var before: MarkedState
    public var after: MarkedState

    /// The change that undoes this one: it restores `before` byte for byte, and only
    /// while the file still holds `after`. Its own outcome's inverse is the redo.
    public var inverse: StateChange { .reverting(ItemLocator(item), from: after, to: before) }
}
