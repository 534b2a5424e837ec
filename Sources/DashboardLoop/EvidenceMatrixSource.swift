import AWSKit
import Dashboard
import Evidence
import Foundation
import PlanKit

extension LiveStatusSource {
    /// The matrix's columns from the evidence layer, judged as `verify --stages` judges them:
    /// each stage in its own settings (its profile, region and account guard). The dashboard
    /// asks each stage on its own timer; the calls of all of them share one bound in flight.
    public static func evidenceMatrix(lookup: ConfigLookup, region: String?, profile: String?, endpointURL: String?,
                                      environment: [String: String]) -> @Sendable ([String]) async -> Action {
        let gate = CallGate(limit: StageMatrix.callsInFlight)
        return { stages in
            let document: PlanDocument
            do {
                document = try PlanFile(path: lookup.planPath).document
            } catch {
                return .matrixNotAsked(stages, reason: "\(error)")
            }
            let settings = stages.map {
                EvidenceSettings(lookup: lookup, stage: $0, region: region, profile: profile,
                                 endpointURL: endpointURL, environment: environment)
            }
            return .matrixFinished(await StageMatrix.evaluate(items: document.items, stages: settings, gate: gate))
        }
    }
}
