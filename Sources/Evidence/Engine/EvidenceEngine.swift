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
    /// What the `text`/`yaml` rules found, with the files they read.
    public var repository: RepositoryAnswers

    public init(discovery: ProjectDiscovery, verdicts: [ItemVerdict], answers: ProbeAnswers?,
                repository: RepositoryAnswers = .init()) {
        self.repository = repository
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
    /// - Parameter locator: where paths are looked for; pass the one judging will use, so a bare
    ///   file name missing at the roots walks the project once for both.
    public static func link(items: [PlanItem], settings: EvidenceSettings, discovery known: ProjectDiscovery? = nil,
                            locator: PathLocator? = nil)
        -> (discovery: ProjectDiscovery, expectations: [ItemExpectations], plan: ProbePlan) {
        let discovery = known ?? settings.discover()
        let checksRegion = settings.checksRegion(discovery)
        let locator = locator ?? settings.locator
        let linked = EvidenceLinker.link(items: items, discovery: discovery, checks: settings.checks(region: checksRegion),
                                         checksRegion: checksRegion, locate: locator.locate)
        let plan = ProbePlan.make(expectations: linked)
        return (discovery, linked, plan)
    }

    /// The project's services; when a name needs `${aws:accountId}`, STS is asked (once per
    /// credentials) and the project resolved again with it, from the same reading of its files.
    /// `settings` keeps the answer and the reading.
    public static func discover(settings: inout EvidenceSettings) async -> ProjectDiscovery {
        settings = settings.sharingSources()
        let discovery = settings.discover()
        guard discovery.needsAccountID, settings.accountID == .notAsked else { return discovery }
        let probe = AWSProbe(settings: settings.aws)
        switch await probe.callerAccount() {
        case .success(let caller): settings.accountID = .known(caller.account)
        case .failure(let failure): settings.accountID = .unavailable(failure.message)
        }
        await probe.shutdown()
        return settings.discover()
    }

    /// Links, probes (only when some item needs AWS) and judges.
    public static func evaluate(items: [PlanItem], settings: EvidenceSettings) async -> EvidenceSnapshot {
        var settings = settings
        let discovered = await discover(settings: &settings)
        let locator = settings.locator
        let (discovery, linked, plan) = link(items: items, settings: settings, discovery: discovered, locator: locator)
        var answers: ProbeAnswers?
        if !plan.isEmpty {
            answers = await ProbeRunner.answers(plan, settings: settings.aws, account: settings.account)
        }
        let repository = RepositoryChecker.answers(linked.flatMap { $0.expectations.compactMap(\.rule) },
                                                   project: settings.lookup.projectPath)
        let verdicts = VerdictJudge.judge(linked, probe: answers, repository: repository, locate: locator.locate)
        return EvidenceSnapshot(discovery: discovery, verdicts: verdicts, answers: answers, repository: repository)
    }

    public static func evaluate(document: PlanDocument, settings: EvidenceSettings) async -> EvidenceSnapshot {
        await evaluate(items: document.items, settings: settings)
    }
}
