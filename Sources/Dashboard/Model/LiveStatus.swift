import Evidence
import Foundation
import PlanKit

/// What the last probe said about each item: the evidence layer's verdicts, as `verify`
/// computed them. Optional input: without it the dashboard works fully offline.
public struct LiveStatus: Sendable, Equatable {
    public var stage: String
    public var probedAt: Date
    /// Every item's verdict, in plan order (items sharing an id stay apart).
    public var verdicts: [ItemVerdict] { didSet { index = Self.index(verdicts) } }
    /// Positions in `verdicts` by reference: every row and the whole-plan drift list look
    /// verdicts up, which must not cost a pass over all of them each.
    private var index: [ItemReference: [Int]] = [:]
    /// Failures that did not stop the probe, in plain words.
    public var problems: [String]
    /// Absolute paths of the files the `text`/`yaml` checks read and of the folders their globs
    /// listed: the loop re-judges when one changes (a file edited, gone, or new in a folder).
    public var watchedFiles: [String]

    /// The problem a probe without AWS credentials reports: its file and text verdicts stand.
    public static let noCredentials = "offline: no AWS credentials (set AWS_PROFILE or --profile)"

    public init(stage: String, probedAt: Date, verdicts: [ItemVerdict], problems: [String] = [],
                watchedFiles: [String] = []) {
        self.watchedFiles = watchedFiles
        self.stage = stage
        self.probedAt = probedAt
        self.verdicts = verdicts
        self.problems = problems
        index = Self.index(verdicts)
    }

    private static func index(_ verdicts: [ItemVerdict]) -> [ItemReference: [Int]] {
        var index: [ItemReference: [Int]] = [:]
        for (position, verdict) in verdicts.enumerated() { index[verdict.item.reference, default: []].append(position) }
        return index
    }

    /// The verdict on the item named `reference` on `line`: the one on that line when several
    /// items share the id (as `verify` lists them), else the one with that reference, so a
    /// verdict follows its item when lines move before the next probe.
    public func verdict(for reference: ItemReference, line: Int) -> ItemVerdict? {
        let named = (index[reference] ?? []).map { verdicts[$0] }
        return named.first { $0.item.line == line } ?? named.first
    }
}

/// Why a probe gave nothing: no credentials is a calm offline state, anything else a failure.
public enum ProbeProblem: Sendable, Equatable {
    case offline(hint: String)
    case failed(String)
}
