import Foundation

extension PlanDocument {
    /// `newBytes` read as a plan without scanning them, when they differ from this
    /// document's bytes only where a tick or a stamp writes: inside one-byte marks (a
    /// printable ASCII character for another) and inside the Last Updated and Status
    /// values (as many bytes, printable ASCII, no backtick). Such a change moves no byte,
    /// opens or closes no block and makes no line a task nor a task a line, so a scan
    /// would find this model with other marks and values. Nil for any other change: the
    /// caller scans. `changedItems` are the items whose mark changed, in document order.
    ///
    /// History reads hundreds of versions that each tick one box; scanning each costs
    /// most of its time.
    public func rereading(_ newBytes: [UInt8], name: String) -> (document: PlanDocument, changedItems: [Int])? {
        guard newBytes.count == bytes.count else { return nil }
        var rewritten: [RewritableSpan] = []
        let onlyInSpans = bytes.withUnsafeBufferPointer { old in
            newBytes.withUnsafeBufferPointer { new in
                var cursor = 0
                for span in rewritableSpans {
                    guard span.range.lowerBound >= cursor, Self.same(old, new, cursor..<span.range.lowerBound) else { return false }
                    cursor = span.range.upperBound
                    if Self.same(old, new, span.range) { continue }
                    guard new[span.range].allSatisfy(span.allows) else { return false }
                    rewritten.append(span)
                }
                return Self.same(old, new, cursor..<old.count)
            }
        }
        guard onlyInSpans else { return nil }
        var newItems = items, newLastUpdated = lastUpdated, newStatus = status
        var changedItems: [Int] = []
        for span in rewritten {
            let value = String(decoding: newBytes[span.range], as: UTF8.self)
            switch span.place {
            case .mark(let index):
                newItems[index].mark = value
                newItems[index].state = ItemState(mark: value)
                changedItems.append(index)
            case .lastUpdated: newLastUpdated?.value = value
            case .status: newStatus?.value = value
            }
        }
        let document = PlanDocument(bytes: newBytes, name: name, lineStarts: lineStarts, items: newItems, sections: sections,
                                    title: title, lastUpdated: newLastUpdated, status: newStatus, taskLikeLines: taskLikeLines)
        return (document, changedItems)
    }

    /// The one-byte marks and the metadata values, in file order.
    private var rewritableSpans: [RewritableSpan] {
        var spans: [RewritableSpan] = []
        spans.reserveCapacity(items.count + 2)
        for item in items where item.mark.utf8.count == 1 {
            spans.append(RewritableSpan(range: item.markOffset..<item.markOffset + 1, place: .mark(item.index)))
        }
        if let lastUpdated, paragraphEnds(after: lastUpdated) {
            spans.append(RewritableSpan(range: lastUpdated.valueRange, place: .lastUpdated))
        }
        if let status, paragraphEnds(after: status) { spans.append(RewritableSpan(range: status.valueRange, place: .status)) }
        return spans.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Whether the paragraph that holds `field` ends after it (and the other field's line)
    /// at a blank line, an ATX heading or the end of the file. Else a line further down
    /// could be a setext underline that makes the paragraph a heading, whose title holds
    /// the value: a stamp would change the title.
    private func paragraphEnds(after field: MetadataField) -> Bool {
        var line = field.line + 1
        while line == lastUpdated?.line || line == status?.line { line += 1 }
        guard line <= lineCount else { return true }
        let range = contentRange(ofLine: line)
        return bytes.withUnsafeBufferPointer { buffer in
            var cursor = LineCursor(bytes: buffer, start: range.lowerBound, end: range.upperBound)
            cursor.findFirstNonspace()
            return cursor.blank || (cursor.indent < 4 && cursor.atxHeadingLevel(at: cursor.firstNonspace) != nil)
        }
    }

    private static func same(_ old: UnsafeBufferPointer<UInt8>, _ new: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        range.isEmpty || memcmp(old.baseAddress! + range.lowerBound, new.baseAddress! + range.lowerBound, range.count) == 0
    }
}

/// Bytes of a plan that a tick (a mark) or a stamp (Last Updated, Status) rewrites in place.
private struct RewritableSpan {
    enum Place { case mark(Int), lastUpdated, status }

    var range: Range<Int>
    var place: Place

    /// Printable ASCII; a value also no backtick, which would end it.
    func allows(_ byte: UInt8) -> Bool {
        guard (0x20...0x7E).contains(byte) else { return false }
        if case .mark = place { return true }
        return byte != UInt8(ascii: "`")
    }
}
