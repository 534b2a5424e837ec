import Testing
@testable import PlanKit

/// Round trips on generated plans (CRLF, tabs, quotes, code, every marker): every edit
/// changes exactly its mark's bytes, its inverse restores the file byte for byte, and
/// the edited plan reads back with the same structure.
@Suite struct RoundTripTests {
    @Test(arguments: UInt64(1000)...UInt64(1060))
    func everyEditAndItsInverse(seed: UInt64) throws {
        var generator = DocumentGenerator(seed: seed)
        let original = Array(generator.document().utf8)
        let document = try PlanDocument(bytes: original, name: "generated-\(seed).md")
        for item in document.items {
            let mark = item.state == .done ? " " : "✓"
            let patches = document.patches(setting: mark, of: item, stamp: nil)
            let edited = try #require(BytePatch.apply(patches, to: original))
            var expected = original
            expected.replaceSubrange(item.markOffset..<(item.markOffset + item.mark.utf8.count), with: Array(mark.utf8))
            #expect(edited == expected)
            let reread = try PlanDocument(bytes: edited, name: document.name)
            #expect(reread.items.map(\.line) == document.items.map(\.line))
            #expect(reread.items.map(\.parent) == document.items.map(\.parent))
            #expect(reread.items[item.index].mark == mark)
            let back = reread.patches(setting: item.mark, of: reread.items[item.index], stamp: nil)
            #expect(BytePatch.apply(back, to: edited) == original)
        }
    }

    @Test func aPatchWhoseBytesMovedIsRefused() throws {
        let bytes = Array("- [ ] a\n".utf8)
        let patch = BytePatch(offset: 3, expected: Array("x".utf8), replacement: Array(" ".utf8))
        #expect(BytePatch.apply([patch], to: bytes) == nil)
        #expect(BytePatch.apply([BytePatch(offset: 7, expected: [10, 10], replacement: [])], to: bytes) == nil)
    }
}
