import Foundation

/// The stack half of a probe: DescribeStacks for a few names, ListStacks for many or for patterns.
struct StackProbe: Sendable {
    var client: CloudFormationClient
    var concurrency: Int

    func run(names: [String]) async -> ProbeAnswer<StackObservation> {
        let unique = names.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        guard !unique.isEmpty else { return ProbeAnswer() }
        if unique.contains(where: Wildcard.isPattern) || unique.count > AWSProbe.describeLimit {
            return await listing(unique)
        }
        let client = self.client
        let answers = await boundedMap(unique, limit: concurrency) { name -> Result<StackObservation, AWSError> in
            do throws(AWSError) {
                let summary = try await client.describeStack(named: name)
                return .success(StackObservation(name: name, status: summary?.status, lastUpdated: summary?.lastChanged))
            } catch {
                return .failure(error)
            }
        }
        var answer = ProbeAnswer<StackObservation>()
        for result in answers {
            switch result {
            case .success(let observation): answer.observations.append(observation)
            case .failure(let error): answer.failures.append(ProbeFailure(service: "cloudformation", error: error))
            }
        }
        return answer
    }

    private func listing(_ names: [String]) async -> ProbeAnswer<StackObservation> {
        let summaries: [StackSummary]
        do { summaries = try await client.listStacks() } catch {
            return ProbeAnswer(failures: [ProbeFailure(service: "cloudformation", error: error)])
        }
        // A name can appear several times (deleted ones, then a live one): the live one wins,
        // else the most recently deleted.
        var byName: [String: StackSummary] = [:]
        for summary in summaries {
            guard let current = byName[summary.name] else { byName[summary.name] = summary; continue }
            if Self.preferred(summary, over: current) { byName[summary.name] = summary }
        }
        var answer = ProbeAnswer<StackObservation>()
        for name in names {
            if Wildcard.isPattern(name) {
                let pattern = Wildcard(pattern: name)
                let live = byName.values.filter { pattern.matches($0.name) && StackStatus(rawValue: $0.status).exists }
                    .sorted { $0.name < $1.name }
                let representative = live.first { StackStatus(rawValue: $0.status).deployed }
                    ?? live.first
                let latest = live.compactMap(\.lastChanged).max()
                answer.observations.append(StackObservation(name: name, status: representative?.status,
                                                            lastUpdated: latest, matches: live.map(\.name)))
            } else {
                let summary = byName[name]
                answer.observations.append(StackObservation(name: name, status: summary?.status,
                                                            lastUpdated: summary?.lastChanged))
            }
        }
        return answer
    }

    private static func preferred(_ candidate: StackSummary, over current: StackSummary) -> Bool {
        let candidateLive = StackStatus(rawValue: candidate.status).exists
        let currentLive = StackStatus(rawValue: current.status).exists
        if candidateLive != currentLive { return candidateLive }
        return (candidate.lastChanged ?? .distantPast) > (current.lastChanged ?? .distantPast)
    }
}
