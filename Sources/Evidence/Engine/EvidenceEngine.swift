import AWSKit
import Foundation
import PlanKit

/// Everything `verify` computes, in one value: the dashboard runs the same
/// engine so that the screen and the command line never disagree.
public struct EvidenceSnapshot: Sendable {
    public var discovery: ProjectDiscovery
    public var verdicts: [ItemVerdict]
    /// Nil when no item needed AWS evidence (nothing was asked).
    public var answers: ProbeAnswers?

    public init(discovery: ProjectDiscovery, verdicts: [ItemVerdict], answers: ProbeAnswers?) {
        self.discovery = discovery
        self.verdicts = verdicts
        self.answers = answers
    }

    /// All regions' answers as one result.
    public var probe: ProbeResult? { answers?.merged }

    /// The AWS failures met, if any; verdicts that needed AWS then read "not probed".
    public var failures: [ProbeFailure] { probe?.failures ?? [] }
}

/// Plan + project + config + AWS → verdicts, as one call.
public enum EvidenceEngine {
    /// What each item expects, and the probe that would answer it, without calling AWS.
    public static func link(items: [PlanItem], settings: EvidenceSettings)
        -> (discovery: ProjectDiscovery, expectations: [ItemExpectations], plan: ProbePlan) {
        let discovery = settings.discover()
        let checksRegion = settings.checksRegion(discovery)
        let linked = EvidenceLinker.link(items: items, discovery: discovery, checks: settings.checks(region: checksRegion),
                                         checksRegion: checksRegion, pathExists: settings.pathExists)
        let plan = ProbePlan.make(expectations: linked)
        return (discovery, linked, plan)
    }

    /// Links, probes (only when some item needs AWS) and judges.
    public static func evaluate(items: [PlanItem], settings: EvidenceSettings) async -> EvidenceSnapshot {
        let (discovery, linked, plan) = link(items: items, settings: settings)
        var answers: ProbeAnswers?
        if !plan.isEmpty {
            answers = await ProbeRunner.answers(plan, settings: settings.aws, account: settings.account)
        }
        let verdicts = VerdictJudge.judge(linked, probe: answers, pathExists: settings.pathExists)
        return EvidenceSnapshot(discovery: discovery, verdicts: verdicts, answers: answers)
    }

    public static func evaluate(document: PlanDocument, settings: EvidenceSettings) async -> EvidenceSnapshot {
        await evaluate(items: document.items, settings: settings)
    }
}
