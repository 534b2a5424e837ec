import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import TestSupport
import Testing
@testable import PlanKit

/// PlanKit's tasks against cmark-gfm's block tree on a few hundred generated documents.
/// The oracle applies CONTRACT §3's rule to cmark's items: an item whose first block is a
/// paragraph starting on the item's own line with `[c]` and a space or tab. That rule is
/// cmark-gfm's tasklist rule generalised to any mark, to items in block quotes and to
/// items opened on the same line as their parent, where cmark-gfm's line-start regex
/// does not look; its own tasklist items are checked to be among the oracle's.
@Suite struct CmarkDifferentialTests {
    struct Task: Equatable, CustomStringConvertible {
        var line: Int
        var mark: String
        var parentLine: Int?
        var description: String { "L\(line)[\(mark)]^\(parentLine.map(String.init) ?? "-")" }
    }

    @Test func generatedDocumentsAgreeWithCmarkGfm() throws {
        let folder = try TemporaryFolder("cmark")
        defer { folder.remove() }
        var failures = 0
        var tasksSeen = 0
        for seed in UInt64(1)...300 {
            var generator = DocumentGenerator(seed: seed)
            let text = generator.document()
            let bytes = Array(text.utf8)
            let file = try folder.write("doc-\(seed).md", bytes: bytes)
            let oracle = try cmarkTasks(file: file, bytes: bytes)
            let document = try PlanDocument(bytes: bytes, name: file.lastPathComponent)
            let ours = document.items.map {
                Task(line: $0.line, mark: $0.mark, parentLine: $0.parent.map { document.items[$0].line })
            }
            tasksSeen += ours.count
            if ours != oracle && failures < 5 {
                failures += 1
                Issue.record("seed \(seed): ours \(ours) vs cmark-gfm \(oracle)\n---\n\(text)\n---")
            }
        }
        #expect(failures == 0)
        #expect(tasksSeen > 500, "the generator should produce plenty of tasks")
    }

    /// Runs `cmark-gfm -e tasklist -t xml --sourcepos` and reads its tree.
    func cmarkTasks(file: URL, bytes: [UInt8]) throws -> [Task] {
        let cmark = try Subprocess.run(["cmark-gfm", "-e", "tasklist", "-t", "xml", "--sourcepos", file.path],
                                       mergingErrors: false)
        guard cmark.succeeded else {
            throw CmarkMissing()
        }
        let xml = cmark.output
        let reader = TreeReader(source: bytes)
        let parser = XMLParser(data: xml)
        parser.delegate = reader
        guard parser.parse() else { throw CmarkMissing() }
        #expect(reader.cmarkTaskLines.isSubset(of: Set(reader.tasks.map(\.line))))
        return reader.tasks
    }

    struct CmarkMissing: Error, CustomStringConvertible {
        var description: String { "cmark-gfm did not run: install it (make test does: apt-get install cmark-gfm)" }
    }

    final class TreeReader: NSObject, XMLParserDelegate {
        struct Node { var name: String; var line: Int; var column: Int; var firstChild: (String, Int, Int)?; var taskIndex: Int? }
        let lineStarts: [Int]
        let source: [UInt8]
        var stack: [Node] = []
        var tasks: [Task] = []
        var cmarkTaskLines: Set<Int> = []
        var taskParents: [Int?] = []

        init(source: [UInt8]) {
            self.source = source
            var starts = [0]
            var i = 0
            while i < source.count {
                if source[i] == 0x0A { starts.append(i + 1) }
                else if source[i] == 0x0D && (i + 1 >= source.count || source[i + 1] != 0x0A) { starts.append(i + 1) }
                i += 1
            }
            lineStarts = starts
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            let pos = attributes["sourcepos"].map { $0.split(separator: "-")[0].split(separator: ":").compactMap { Int($0) } } ?? [0, 0]
            let line = pos.count == 2 ? pos[0] : 0
            let column = pos.count == 2 ? pos[1] : 0
            if let last = stack.indices.last, stack[last].firstChild == nil {
                stack[last].firstChild = (name, line, column)
                let parent = stack[last]
                if parent.name == "item" && (name == "paragraph" || name == "heading") && line == parent.line,
                   let mark = taskMark(line: line, column: column) {
                    let enclosing = stack.dropLast().last { $0.taskIndex != nil }?.line
                    stack[last].taskIndex = tasks.count
                    tasks.append(Task(line: parent.line, mark: mark, parentLine: enclosing))
                }
            }
            var node = Node(name: name, line: line, column: column, firstChild: nil, taskIndex: nil)
            if name == "tasklist" {
                // cmark-gfm has already stepped over `[c]`: find the bracket after the marker.
                cmarkTaskLines.insert(line)
                var i = lineStarts[line - 1] + column - 1
                while i < source.count && source[i] != UInt8(ascii: "[") { i += 1 }
                if let mark = taskMark(at: i) {
                    node.taskIndex = tasks.count
                    tasks.append(Task(line: line, mark: mark, parentLine: stack.last { $0.taskIndex != nil }?.line))
                }
            }
            stack.append(node)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        /// `[c]` then a space or tab at the paragraph's first byte.
        func taskMark(line: Int, column: Int) -> String? {
            taskMark(at: lineStarts[line - 1] + column - 1)
        }

        func taskMark(at start: Int) -> String? {
            guard start < source.count, source[start] == UInt8(ascii: "[") else { return nil }
            let lead = start + 1
            guard lead < source.count else { return nil }
            let length = UTF8Validation.scalarLength(leadByte: source[lead])
            let close = lead + length
            guard length > 0, close + 1 < source.count, source[close] == UInt8(ascii: "]"),
                  source[close + 1] == 0x20 || source[close + 1] == 0x09 else { return nil }
            return String(decoding: source[lead..<close], as: UTF8.self)
        }
    }
}
