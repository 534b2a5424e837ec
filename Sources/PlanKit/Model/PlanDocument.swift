/// A plan read into a model, its bytes kept exactly as they were: the model points into
/// them (line starts, mark offsets, metadata ranges) so that edits patch bytes instead of
/// re-serialising the document.
public struct PlanDocument: Sendable {
    public let bytes: [UInt8]
    /// The name errors use for the plan (its path, as the user gave it).
    public let name: String
    public let lineStarts: [Int]
    public let items: [PlanItem]
    public let sections: [PlanSection]
    /// The first level-1 heading's text.
    public let title: String?
    public let lastUpdated: MetadataField?
    public let status: MetadataField?
    /// Lines that look like tasks and are not (for lint).
    public let taskLikeLines: [TaskLikeLine]

    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Scans `bytes`; throws `PlanError.notText` for a file with NUL bytes or invalid UTF-8.
    public init(bytes: [UInt8], name: String = "plan") throws(PlanError) {
        self.bytes = bytes
        self.name = name
        if let encoding = Self.utf16Encoding(of: bytes) {
            throw .notText(path: name, line: 1, reason: "it is \(encoding) text")
        }
        let scanned: Result<BlockScanner, PlanError> = bytes.withUnsafeBufferPointer { buffer in
            if let problem = UTF8Validation.firstProblem(in: buffer) {
                let offset: Int
                let reason: String
                switch problem {
                case .nulByte(let at):
                    offset = at
                    reason = "it holds a NUL byte (offset \(at)), so it is binary, not text"
                case .invalidUTF8(let at):
                    offset = at
                    reason = "byte 0x\(String(buffer[at], radix: 16, uppercase: true)) at offset \(at) is not valid UTF-8"
                }
                return .failure(.notText(path: name, line: Self.lineNumber(ofOffset: offset, in: buffer), reason: reason))
            }
            var scanner = BlockScanner(bytes: buffer)
            let start = buffer.starts(with: Self.byteOrderMark) ? 3 : 0
            scanner.scan(from: start)
            return .success(scanner)
        }
        let scanner: BlockScanner
        switch scanned {
        case .success(let s): scanner = s
        case .failure(let error): throw error
        }
        lineStarts = scanner.lineStarts
        items = scanner.items
        sections = scanner.sections
        title = scanner.headings.first { $0.level == 1 }?.text
        lastUpdated = scanner.lastUpdated
        status = scanner.status
        taskLikeLines = scanner.taskLikeLines
    }

    /// A model known without scanning (`rereading(_:name:)` builds it from the version
    /// before): the caller vouches that `bytes` scan to exactly these fields.
    init(bytes: [UInt8], name: String, lineStarts: [Int], items: [PlanItem], sections: [PlanSection],
         title: String?, lastUpdated: MetadataField?, status: MetadataField?, taskLikeLines: [TaskLikeLine]) {
        self.bytes = bytes
        self.name = name
        self.lineStarts = lineStarts
        self.items = items
        self.sections = sections
        self.title = title
        self.lastUpdated = lastUpdated
        self.status = status
        self.taskLikeLines = taskLikeLines
    }

    /// `UTF-16 (little-endian)` for a file that starts with a UTF-16 byte order mark, or
    /// whose first bytes are mostly ASCII with a NUL beside each: named, not called binary.
    private static func utf16Encoding(of bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16 (little-endian)" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16 (big-endian)" }
        let sample = bytes.prefix(512)
        guard sample.count >= 4 else { return nil }
        var nulAtEven = 0, nulAtOdd = 0
        for (offset, byte) in sample.enumerated() where byte == 0 {
            if offset % 2 == 0 { nulAtEven += 1 } else { nulAtOdd += 1 }
        }
        let half = sample.count / 2
        if nulAtOdd * 10 >= half * 9 && nulAtEven == 0 { return "UTF-16 (little-endian)" }
        if nulAtEven * 10 >= half * 9 && nulAtOdd == 0 { return "UTF-16 (big-endian)" }
        return nil
    }

    private static func lineNumber(ofOffset offset: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Int {
        var line = 1
        for i in 0..<offset where buffer[i] == ASCII.newline { line += 1 }
        return line
    }

    public var lineCount: Int { lineStarts.count }

    /// Line `number` (1-based) without its line ending; empty past the end.
    public func line(_ number: Int) -> String {
        guard number >= 1 && number <= lineStarts.count else { return "" }
        let range = contentRange(ofLine: number)
        return String(decoding: bytes[range], as: UTF8.self)
    }

    /// The bytes of line `number` (1-based), line ending excluded.
    public func contentRange(ofLine number: Int) -> Range<Int> {
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] : bytes.count
        if end > start && bytes[end - 1] == ASCII.newline { end -= 1 }
        if end > start && bytes[end - 1] == ASCII.carriageReturn { end -= 1 }
        return start..<end
    }

    public var counts: StateCounts { StateCounts(states: items.lazy.map(\.state)) }

    public func counts(in section: PlanSection) -> StateCounts {
        StateCounts(states: section.allItems.lazy.map { items[$0].state })
    }

    /// The Status the plan should carry, from its items (CONTRACT §3).
    public var derivedStatus: String { counts.derivedStatus }

    /// Sections that hold at least one task, in order: the phases `status` shows.
    public var sectionsWithTasks: [PlanSection] { sections.filter { !$0.allItems.isEmpty } }

    /// Every item the reference names: one, none, or several when an id is written twice.
    public func items(matching reference: ItemReference) -> [PlanItem] {
        items.filter(reference.names)
    }

    /// The one item `text` names (`2.5`, `TODO 2.5`, `L48`); refuses a reference that
    /// names no item or two (CONTRACT §3).
    public func item(matching text: String) throws(PlanError) -> PlanItem {
        guard let reference = ItemReference(parsing: text) else { throw .badReference(reference: text) }
        return try item(matching: reference)
    }

    public func item(matching reference: ItemReference) throws(PlanError) -> PlanItem {
        let found = items(matching: reference)
        guard let first = found.first else { throw .unknownItem(path: name, reference: reference.description) }
        guard found.count == 1 else {
            throw .ambiguousReference(path: name, reference: reference.description, lines: found.map(\.line))
        }
        return first
    }
}
