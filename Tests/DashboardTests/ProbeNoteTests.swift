import Foundation
import Testing
@testable import Dashboard

/// Issue 9 point 5: a denied listing answered name by name is said once, in the status line.
@Suite struct ProbeNoteTests {
    @Test func theProbesNoteIsShownInTheStatusLine() {
        var state = OutlineFixture.state(width: 120)
        let note = "ListStacks was denied, so 4 stacks were asked one by one"
        _ = reduce(&state, .probeFinished(LiveStatus(stage: "dev", probedAt: OutlineFixture.epoch, verdicts: [],
                                                     problems: [note])))
        #expect(render(state).text.contains(note),
                "\(render(state).text)")
        var quiet = OutlineFixture.state(width: 120)
        _ = reduce(&quiet, .probeFinished(LiveStatus(stage: "dev", probedAt: OutlineFixture.epoch, verdicts: [])))
        #expect(!render(quiet).text.contains("denied"))
    }
}
