import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A small element tree built with Foundation's XMLParser: enough for the Query
/// protocol's answers (CloudFormation, STS), read by element name.
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
        let trimmed = child.text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Follows a path of child names: `path("DescribeStacksResult", "Stacks")`.
    func path(_ names: String...) -> XMLElement? {
        var node: XMLElement? = self
        for name in names { node = node?.child(name) }
        return node
    }

    /// Parses a document; nil when the bytes are not well-formed XML.
    static func parse(_ bytes: [UInt8]) -> XMLElement? {
        let builder = Builder()
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else { return nil }
        return root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var stack: [XMLElement] = []
        var root: XMLElement?

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            let element = XMLElement(name: elementName)
            stack.last?.children.append(element)
            if stack.isEmpty { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?) {
            _ = stack.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}
