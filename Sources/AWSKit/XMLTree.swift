/// A small element tree for the Query protocol's answers (CloudFormation, STS), read by
/// element name.
final class XMLElement: @unchecked Sendable {
    let name: String
    var text = ""
    var children: [XMLElement] = []

    init(name: String) { self.name = name }

    func child(_ name: String) -> XMLElement? { children.first { $0.name == name } }
    func children(_ name: String) -> [XMLElement] { children.filter { $0.name == name } }

    /// The trimmed text of a child element, nil when the child is absent or empty.
    func string(_ name: String) -> String? {
        guard let child = child(name) else { return nil }
        let trimmed = child.text.trimmingXMLSpace()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Follows a path of child names: `path("DescribeStacksResult", "Stacks")`.
    func path(_ names: String...) -> XMLElement? {
        var node: XMLElement? = self
        for name in names { node = node?.child(name) }
        return node
    }

    /// Parses a document; nil when the bytes are not well-formed XML (or hold a DOCTYPE).
    static func parse(_ bytes: [UInt8]) -> XMLElement? {
        var reader = XMLReader(bytes)
        return reader.document()
    }
}

/// Reads a document into `XMLElement`s.
///
/// Written by hand rather than with Foundation's XMLParser: FoundationXML links libxml2 (and
/// through it ICU, liblzma and zlib) into the binary, and every command paid for loading and
/// relocating them at start-up, also the ones that never talk to AWS. The answers read here are
/// small well-formed documents without a DTD, so elements, attributes (skipped), text with the
/// five named and the numeric character references, CDATA, comments and processing
/// instructions are all there is to read. A DOCTYPE is refused rather than interpreted, so no
/// entity is ever defined or expanded.
struct XMLReader {
    private let bytes: [UInt8]
    private var at = 0
    private var open: [XMLElement] = []
    /// The text bytes gathered so far for each open element, in step with `open`.
    private var texts: [[UInt8]] = []
    private var root: XMLElement?

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func document() -> XMLElement? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { at = 3 }
        while at < bytes.count {
            let ok = bytes[at] == UInt8(ascii: "<") ? markup() : characters()
            guard ok else { return nil }
        }
        return open.isEmpty ? root : nil
    }

    // MARK: Markup

    private mutating func markup() -> Bool {
        if skip("<?") { return skip(past: "?>") }
        if skip("<!--") { return skip(past: "-->") }
        if skip("<![CDATA[") { return cdata() }
        if skip("</") { return endTag() }
        if looking(at: "<!") { return false }
        at += 1
        return startTag()
    }

    private mutating func startTag() -> Bool {
        guard let name = name(), root == nil || !open.isEmpty else { return false }
        guard attributes() else { return false }
        let element = XMLElement(name: name)
        if let parent = open.last { parent.children.append(element) } else { root = element }
        if skip("/>") { return true }
        guard skip(">") else { return false }
        open.append(element)
        texts.append([])
        return true
    }

    /// Skips `name="value"` pairs up to the tag's end; no answer read here needs them.
    private mutating func attributes() -> Bool {
        while true {
            let spaced = skipSpace()
            if looking(at: ">") || looking(at: "/>") { return true }
            guard spaced, name() != nil else { return false }
            skipSpace()
            guard skip("=") else { return false }
            skipSpace()
            guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") || bytes[at] == UInt8(ascii: "'") else { return false }
            let quote = bytes[at]
            at += 1
            while at < bytes.count, bytes[at] != quote {
                if bytes[at] == UInt8(ascii: "<") { return false }
                at += 1
            }
            guard at < bytes.count else { return false }
            at += 1
        }
    }

    private mutating func endTag() -> Bool {
        guard let name = name(), let element = open.last, element.name == name else { return false }
        skipSpace()
        guard skip(">") else { return false }
        element.text = String(decoding: texts.removeLast(), as: UTF8.self)
        open.removeLast()
        return true
    }

    private mutating func cdata() -> Bool {
        guard !open.isEmpty, let end = find("]]>") else { return false }
        texts[texts.count - 1].append(contentsOf: bytes[at..<end])
        at = end + 3
        return true
    }

    // MARK: Text

    /// Text up to the next `<`: only white space outside the root element.
    private mutating func characters() -> Bool {
        var text: [UInt8] = []
        while at < bytes.count, bytes[at] != UInt8(ascii: "<") {
            if bytes[at] == UInt8(ascii: "&") {
                guard let scalar = reference() else { return false }
                text.append(contentsOf: Array(String(scalar).utf8))
            } else {
                text.append(bytes[at])
                at += 1
            }
        }
        if open.isEmpty { return text.allSatisfy(Self.isSpace) }
        texts[texts.count - 1].append(contentsOf: text)
        return true
    }

    /// `&lt;`, `&gt;`, `&amp;`, `&quot;`, `&apos;`, `&#NN;` or `&#xHH;`, with `at` on the `&`.
    private mutating func reference() -> Unicode.Scalar? {
        guard let end = bytes[at...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else { return nil }
        let body = String(decoding: bytes[(at + 1)..<end], as: UTF8.self)
        at = end + 1
        switch body {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        default:
            let hex = body.hasPrefix("#x")
            guard body.hasPrefix("#"), let value = UInt32(body.dropFirst(hex ? 2 : 1), radix: hex ? 16 : 10) else { return nil }
            return Unicode.Scalar(value)
        }
    }

    // MARK: Bytes

    /// An element or attribute name: anything up to white space, `/`, `>`, `=` or a quote.
    private mutating func name() -> String? {
        let start = at
        while at < bytes.count, !Self.endsName(bytes[at]) { at += 1 }
        guard at > start, at < bytes.count else { return nil }
        return String(decoding: bytes[start..<at], as: UTF8.self)
    }

    private static func endsName(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "/"), UInt8(ascii: ">"), UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: "&"),
             UInt8(ascii: "\""), UInt8(ascii: "'"): true
        default: isSpace(byte)
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    @discardableResult
    private mutating func skipSpace() -> Bool {
        let start = at
        while at < bytes.count, Self.isSpace(bytes[at]) { at += 1 }
        return at > start
    }

    private func looking(at literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard at + count <= bytes.count else { return false }
        return literal.withUTF8Buffer { bytes[at..<(at + count)].elementsEqual($0) }
    }

    private mutating func skip(_ literal: StaticString) -> Bool {
        guard looking(at: literal) else { return false }
        at += literal.utf8CodeUnitCount
        return true
    }

    private mutating func skip(past literal: StaticString) -> Bool {
        guard let end = find(literal) else { return false }
        at = end + literal.utf8CodeUnitCount
        return true
    }

    /// Where `literal` next starts, from `at` on.
    private func find(_ literal: StaticString) -> Int? {
        literal.withUTF8Buffer { needle in
            var index = at
            while index + needle.count <= bytes.count {
                if bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
                index += 1
            }
            return nil
        }
    }
}

extension String {
    /// Without the white space XML allows around a value (space, tab, CR, LF).
    fileprivate func trimmingXMLSpace() -> String {
        let utf8 = self.utf8
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard let first = utf8.firstIndex(where: { !isSpace($0) }),
              let last = utf8.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
