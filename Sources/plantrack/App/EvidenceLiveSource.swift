import AWSKit
import Dashboard
import DashboardLoop
import Evidence
import Foundation
import PlanKit

extension LiveStatusSource {
    /// Live status from the evidence layer, the way `plantrack verify` computes it: the
    /// plan's items linked to the project's stacks, parameters and files, probed
    /// read-only, judged (EvidenceEngine, as `verify`). No credentials is the calm offline state, not a failure.
    static func evidence(lookup: ConfigLookup, region: String?, profile: String?, endpointURL: String?,
                         environment: [String: String]) -> LiveStatusSource {
        LiveStatusSource { stage in
            let settings = EvidenceSettings(lookup: lookup, stage: stage, region: region, profile: profile,
                                            endpointURL: endpointURL, environment: environment)
            let document: PlanDocument
            do {
                document = try PlanFile(path: lookup.planPath).document
            } catch {
                return .probeFailed(.failed("\(error)"), at: Date())
            }
            let snapshot = await EvidenceEngine.evaluate(document: document, settings: settings)
            if let failure = snapshot.failures.first {
                if snapshot.failures.contains(where: { $0.code == "NoCredentials" }) {
                    return .probeFailed(.offline(hint: "no AWS credentials (set AWS_PROFILE or --profile)"), at: Date())
                }
                return .probeFailed(.failed(failure.message), at: Date())
            }
            return .probeFinished(LiveStatus(stage: settings.stage, probedAt: snapshot.probe?.probedAt ?? Date(),
                                             items: liveItems(snapshot.verdicts, result: snapshot.probe)))
        }
    }

    /// The evidence layer's verdicts as the dashboard's values, keyed like its items.
    static func liveItems(_ verdicts: [ItemVerdict], result: ProbeResult?) -> [String: ItemEvidence] {
        let stacks = Dictionary((result?.stacks ?? []).map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let parameters = Dictionary((result?.parameters ?? []).map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var items: [String: ItemEvidence] = [:]
        for verdict in verdicts {
            let facts = verdict.evidence.map { check -> EvidenceFact in
                switch check.kind {
                case .stack:
                    let observed = stacks[check.name]
                    return EvidenceFact(kind: .stack, name: check.name, ok: check.ok, detail: check.detail,
                                        stackStatus: observed?.status, changed: observed?.lastUpdated)
                case .parameter:
                    return EvidenceFact(kind: .parameter, name: check.name, ok: check.ok, detail: check.detail,
                                        changed: parameters[check.name]?.lastModified)
                case .file:
                    return EvidenceFact(kind: .file, name: check.name, ok: check.ok, detail: check.detail)
                }
            }
            let live = LiveVerdict(rawValue: verdict.verdict.rawValue) ?? .unchecked
            items[verdict.item.reference.description] = ItemEvidence(verdict: live, facts: facts)
        }
        return items
    }
}
