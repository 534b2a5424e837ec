@testable import PlanKit

extension PlanItem {
    /// An item as PlanKit's parser would give it, for tests that link or judge items directly.
    static func sample(index: Int = 0, id: String?, line: Int, state: ItemState, text: String,
                       parent: Int? = nil) -> PlanItem {
        PlanItem(index: index, id: id, line: line, markOffset: 0, mark: state.canonicalMark ?? "?", state: state,
                 text: text, parent: parent, children: [], depth: parent == nil ? 0 : 1, section: 0, endLine: line)
    }
}

import AWSKit
import Evidence

extension ProbeAnswers {
    /// One region's answer, asked in `region` (nil: the AWS settings' region).
    init(_ result: ProbeResult, region: String? = nil) {
        self.init(regions: [Regional(requested: region, result: result)])
    }
}
