import AWSKit
import Foundation

/// Runs a `ProbePlan` against AWS: a new `AWSProbe` per region and per run, concurrently,
/// their answers merged into one `ProbeResult` (API calls summed, failures kept once).
/// Nothing but the credential cache (process-wide, in AWSKit) outlives a run: each
/// dashboard refresh gets fresh connections and a full retry quota.
public enum ProbeRunner {
    /// - Parameter settings: profile, endpoint, environment; its `region` is replaced per group
    ///   (a group without a region keeps the settings' own).
    public static func run(_ plan: ProbePlan, settings: AWSSettings) async -> ProbeResult {
        let started = settings.now()
        let answers = await answers(plan, settings: settings)
        return merge(answers.regions.map(\.result), probedAt: started)
    }

    /// Each region group asked concurrently; the answers kept apart by region.
    public static func answers(_ plan: ProbePlan, settings: AWSSettings) async -> ProbeAnswers {
        let results = await withTaskGroup(of: (Int, ProbeResult).self) { group in
            for (position, regionGroup) in plan.groups.enumerated() {
                var regional = settings
                if let region = regionGroup.region { regional.region = region }
                let request = ProbeRequest(stackNames: regionGroup.request.stackNames,
                                           parameterNames: regionGroup.request.parameterNames)
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
            ProbeAnswers.Regional(requested: $0.region, result: $1)
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
