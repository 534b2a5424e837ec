import Foundation
import PlanKit
import Testing
@testable import Dashboard

@Suite struct KeyTableTests {
    /// README's key list, row by row: (keys, what they do), code spans unwrapped.
    static func readmeRows() throws -> [[String]] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "## The dashboard's keys\n").dropFirst().first)
            .components(separatedBy: "\n## ").first ?? ""
        return section.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| Keys ") }
            .map { row in
                row.split(separator: "|").map {
                    $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "`"))
                }.filter { !$0.isEmpty }
            }
    }

    @Test func readmeListsTheKeysOfTheKeyTable() throws {
        let table = KeyTable.helpRows.map { [$0.label, $0.help] }
        #expect(try Self.readmeRows() == table)
    }

    @Test func everyKeyInTheTableRunsItsCommand() {
        for binding in KeyTable.bindings {
            for (key, command) in binding.keys {
                #expect(KeyTable.command(for: key) == command, "\(key.name)")
            }
        }
        let keys = KeyTable.bindings.flatMap { $0.keys.map(\.key) }
        #expect(Set(keys).count == keys.count, "a key bound twice")
    }

    @Test func theHelpOverlayListsEveryBinding() {
        // Tall and wide enough that the whole table shows on one page, unwrapped.
        var state = OutlineFixture.state(width: 160, height: 90)
        _ = reduce(&state, .key(.character("?")))
        let text = render(state).text
        for binding in KeyTable.bindings {
            #expect(text.contains(binding.label) && text.contains(binding.help), "\(binding.label)")
        }
    }

    @Test func markKeysWriteTheStatesCanonicalMark() {
        let wanted: [(Key, ItemState)] = [(.character("!"), .aborted), (.character("p"), .progress),
                                          (.character("c"), .cancelled)]
        for (key, itemState) in wanted {
            var state = OutlineFixture.state()
            _ = reduce(&state, .key(.down))
            guard case .writeMark(let change, _)? = reduce(&state, .key(key)).first else {
                Issue.record("\(key.name) wrote nothing"); continue
            }
            #expect(change.mark == itemState.canonicalMark)
        }
    }

    @Test func statusBarHintsComeFromTheTable() {
        #expect(KeyTable.hints == ["? help", "/ search", "space toggle", "u undo", "e edit", "q quit"])
        #expect(KeyTable.hints(fitting: 20) == "? help  / search")
    }
}
