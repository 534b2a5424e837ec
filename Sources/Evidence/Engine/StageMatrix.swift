import AWSKit
import Foundation
import PlanKit

/// Each item judged for several stages side by side (CONTRACT §5, issue 11): one column per
/// stage, each judged by `EvidenceEngine` exactly as a one-stage `verify` judges it. The one
/// type behind `verify --stages`, `report --html --stages` and the dashboard's matrix.
public struct StageMatrix: Sendable, Equatable {
    /// One stage's verdicts, in plan order, and what asking AWS for it met.
    public struct Column: Sendable, Equatable {
        public var stage: String
        public var verdicts: [ItemVerdict]
        public var failures: [ProbeFailure]
        /// Whether the stage needed AWS evidence and AWS answered none of it (no credentials,
        /// the account guard, an unreachable endpoint): its column then reads "not asked".
        public var notAsked: Bool
        public var apiCalls: Int
        public var probedAt: Date?

        public init(stage: String, verdicts: [ItemVerdict], failures: [ProbeFailure] = [], notAsked: Bool = false,
                    apiCalls: Int = 0, probedAt: Date? = nil) {
            self.stage = stage
            self.verdicts = verdicts
            self.failures = failures
            self.notAsked = notAsked
            self.apiCalls = apiCalls
            self.probedAt = probedAt
        }

        /// The column built from one stage's snapshot.
        public init(stage: String, snapshot: EvidenceSnapshot) {
            let probe = snapshot.probe
            let answered = probe.map { !$0.stacks.isEmpty || !$0.parameters.isEmpty } ?? true
            self.init(stage: stage, verdicts: snapshot.verdicts, failures: snapshot.failures,
                      notAsked: !snapshot.failures.isEmpty && !answered, apiCalls: probe?.apiCalls ?? 0,
                      probedAt: probe?.probedAt)
        }

        /// A stage nothing could be asked for, and why (no plan to read, the dashboard offline).
        public static func notAsked(stage: String, reason: String) -> Column {
            Column(stage: stage, verdicts: [], failures: [ProbeFailure(service: "plantrack", code: "NotAsked", message: reason)],
                   notAsked: true)
        }

        public var drift: Int { verdicts.filter { $0.verdict == .drift }.count }

        /// "not asked: <why>" for a stage AWS answered nothing for; nil when it was asked.
        public var notAskedReason: String? {
            guard notAsked else { return nil }
            return "not asked: " + (failures.first?.message ?? "AWS could not be asked")
        }
    }

    public var columns: [Column]

    public init(columns: [Column]) {
        self.columns = columns
    }

    public var stages: [String] { columns.map(\.stage) }

    /// The items, in plan order (every column judges the same items).
    public var items: [PlanItem] { columns.first?.verdicts.map(\.item) ?? [] }

    /// Item `index`'s verdict in each column, in stage order.
    public func row(_ index: Int) -> [ItemVerdict] {
        columns.compactMap { index < $0.verdicts.count ? $0.verdicts[index] : nil }
    }

    /// Items with evidence in any stage, or every item with `all`.
    public func listed(all: Bool) -> [Int] {
        items.indices.filter { index in all || row(index).contains { !$0.evidence.isEmpty } }
    }

    /// Whether at least one stage could be asked (`verify` exits 4 only when none could).
    public var anyAsked: Bool { columns.contains { !$0.notAsked } }
}

extension StageMatrix {
    /// How many AWS calls the stages together keep in flight: the bound is shared, not per stage.
    public static let callsInFlight = 8

    /// Judges `items` for every stage in `stages` at once; AWS calls share one bound, and a stage
    /// whose credentials fail is "not asked" in its column only.
    public static func evaluate(items: [PlanItem], stages: [EvidenceSettings],
                                gate: CallGate = CallGate(limit: callsInFlight)) async -> StageMatrix {
        let columns = await perStage(stages, gate: gate) { _, settings in
            Column(stage: settings.stage, snapshot: await EvidenceEngine.evaluate(items: items, settings: settings))
        }
        return StageMatrix(columns: columns)
    }

    /// Runs `body` for every stage at once, in stage order: the one way stages are run side by
    /// side (`verify --stages`, `probe --stages`, the dashboard's matrix). The stages share one
    /// bound on AWS calls in flight and one reading of the project's files, which each resolves
    /// for itself; `body` gets the stage's position and its settings.
    public static func perStage<Answer: Sendable>(
        _ stages: [EvidenceSettings], gate: CallGate = CallGate(limit: callsInFlight),
        _ body: @escaping @Sendable (Int, EvidenceSettings) async -> Answer
    ) async -> [Answer] {
        let sources = stages.first?.sharingSources().sources
        return await withTaskGroup(of: (Int, Answer).self) { group in
            for (position, settings) in stages.enumerated() {
                var shared = settings.sharingSources(sources)
                shared.gate = gate
                group.addTask { (position, await body(position, shared)) }
            }
            var collected: [(Int, Answer)] = []
            for await entry in group { collected.append(entry) }
            return collected.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }
}
