import AWSKit
import Foundation

/// Runs a `ProbePlan` against AWS: a new `AWSProbe` per region and per run, concurrently,
/// their answers merged into one `ProbeResult` (API calls summed, failures kept once).
/// Nothing but the credential cache (process-wide, in AWSKit) outlives a run: each
/// dashboard refresh gets fresh connections and a full retry quota.
public enum ProbeRunner {
    /// - Parameter settings: profile, endpoint, environment; its `region` is replaced per group
    ///   (a group without a region keeps the settings' own).
    public static func run(_ plan: ProbePlan, settings: AWSSettings, account: ExpectedAccount? = nil) async -> ProbeResult {
        let started = settings.now()
        let answers = await answers(plan, settings: settings, account: account)
        return merge(answers.regions.map(\.result), probedAt: started)
    }

    /// Each region group asked concurrently; the answers kept apart by region. With `account`
    /// (a stage's `account:`), STS must first answer that account, else nothing is asked and the
    /// answer is one failure naming both accounts.
    public static func answers(_ plan: ProbePlan, settings: AWSSettings,
                               account: ExpectedAccount? = nil) async -> ProbeAnswers {
        if let account, let refusal = await account.refusal(settings) {
            let result = ProbeResult(stacks: [], parameters: [], failures: [refusal], apiCalls: 0, probedAt: settings.now())
            return ProbeAnswers(regions: [ProbeAnswers.Regional(requested: nil, result: result)])
        }
        let results = await withTaskGroup(of: (Int, ProbeResult).self) { group in
            for (position, regionGroup) in plan.groups.enumerated() {
                var regional = settings
                if let region = regionGroup.region { regional.region = region }
                regional.useProviderProfile(regionGroup.profile, of: plan, group: regionGroup)
                let request = ProbeRequest(stackNames: regionGroup.request.stackNames,
                                           parameterNames: regionGroup.request.parameterNames,
                                           outputStackNames: regionGroup.request.outputStackNames)
                group.addTask {
                    let probe = AWSProbe(settings: regional)
                    let result = await probe.run(request)
                    await probe.shutdown()
                    return (position, result)
                }
            }
            var collected: [(Int, ProbeResult)] = []
            for await entry in group { collected.append(entry) }
            return collected.sorted { $0.0 < $1.0 }.map(\.1)
        }
        return ProbeAnswers(regions: zip(plan.groups, results).map {
            ProbeAnswers.Regional(requested: $0.region, result: $1, profile: $0.profile)
        })
    }

    static func merge(_ results: [ProbeResult], probedAt: Date) -> ProbeResult {
        guard var merged = results.first else {
            return ProbeResult(stacks: [], parameters: [], failures: [], apiCalls: 0, probedAt: probedAt)
        }
        for result in results.dropFirst() {
            merged.stacks += result.stacks
            merged.parameters += result.parameters
            for failure in result.failures where !merged.failures.contains(failure) {
                merged.failures.append(failure)
            }
            merged.apiCalls += result.apiCalls
            for note in result.notes where !merged.notes.contains(note) { merged.notes.append(note) }
        }
        return merged
    }
}

extension AWSSettings {
    /// A service's `provider.profile` is the lowest profile setting (CONTRACT §6): below
    /// --profile, environment keys, AWS_PROFILE / AWS_DEFAULT_PROFILE (AWSKit's order for a
    /// default profile) and the config's per-stage or file profile.
    mutating func useProviderProfile(_ profile: String?, of plan: ProbePlan, group: ProbePlan.RegionGroup) {
        guard let profile, defaultProfile == nil else { return }
        defaultProfile = profile
        let file = group.request.stackNames.first.flatMap { plan.stackSources[$0]?.first }
            ?? group.request.parameterNames.first.flatMap { plan.parameterSources[$0]?.first }
        defaultProfileSource = "provider.profile of \(file ?? "the serverless file")"
    }
}

/// A stage's `account:` guard: the account its credentials must belong to.
public struct ExpectedAccount: Sendable, Equatable {
    public var stage: String
    public var account: String

    public init(stage: String, account: String) {
        self.stage = stage
        self.account = account
    }

    /// Nil when STS answers the expected account; else why the stage is not asked.
    func refusal(_ settings: AWSSettings) async -> ProbeFailure? {
        let probe = AWSProbe(settings: settings)
        let answer = await probe.callerAccount()
        await probe.shutdown()
        switch answer {
        case .failure(let failure): return failure
        case .success(let identity) where identity.account == account: return nil
        case .success(let identity):
            return AccountGuard.mismatch(stage: stage, expected: account, actual: identity.account, profile: identity.profile)
        }
    }
}
