import Foundation

/// The stack half of a probe: DescribeStacks for a few names, ListStacks for many or for patterns.
struct StackProbe: Sendable {
    var client: CloudFormationClient
    var concurrency: Int

    /// - Parameter outputsOf: stacks described one by one, their outputs kept (`${cf:…}`).
    func run(names: [String], outputsOf: [String] = []) async -> ProbeAnswer<StackObservation> {
        let described = outputsOf.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        guard !described.isEmpty else { return await ask(names) }
        async let withOutputs = describeEach(described)
        async let others = ask(names.filter { !described.contains($0) })
        var answer = await withOutputs
        let rest = await others
        answer.observations += rest.observations
        for failure in rest.failures where !answer.failures.contains(failure) { answer.failures.append(failure) }
        answer.notes += rest.notes
        return answer
    }

    /// Describe each of a few exact names, else one listing.
    private func ask(_ names: [String]) async -> ProbeAnswer<StackObservation> {
        let unique = names.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        guard !unique.isEmpty else { return ProbeAnswer() }
        if unique.contains(where: Wildcard.isPattern) || unique.count > AWSProbe.describeLimit {
            return await listing(unique)
        }
        return await describeEach(unique)
    }

    /// DescribeStacks per name: what a role scoped to named stacks may always do.
    private func describeEach(_ names: [String]) async -> ProbeAnswer<StackObservation> {
        let client = self.client
        let answers = await boundedMap(names, limit: concurrency) { name -> Result<StackObservation, AWSError> in
            do throws(AWSError) {
                let summary = try await client.describeStack(named: name)
                return .success(StackObservation(name: name, status: summary?.status, lastUpdated: summary?.lastChanged,
                                                 outputs: summary?.outputs))
            } catch {
                return .failure(error)
            }
        }
        var answer = ProbeAnswer<StackObservation>()
        for result in answers {
            switch result {
            case .success(let observation): answer.observations.append(observation)
            case .failure(let error):
                let failure = ProbeFailure(service: "cloudformation", error: error)
                if !answer.failures.contains(failure) { answer.failures.append(failure) }
            }
        }
        return answer
    }

    private func listing(_ names: [String]) async -> ProbeAnswer<StackObservation> {
        let summaries: [StackSummary]
        do { summaries = try await client.listStacks() } catch {
            guard error.kind == .accessDenied, case .accessDenied = error else {
                return ProbeAnswer(failures: [ProbeFailure(service: "cloudformation", error: error)])
            }
            return await afterDeniedListing(names, denial: error)
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

    /// A policy scoped to named stacks denies ListStacks: ask the exact names one by one and
    /// say so once; a pattern cannot be answered without the listing, so its denial stays.
    private func afterDeniedListing(_ names: [String], denial: AWSError) async -> ProbeAnswer<StackObservation> {
        let exact = names.filter { !Wildcard.isPattern($0) }
        var answer = await describeEach(exact)
        answer.notes.append("cloudformation:ListStacks was denied, so the \(exact.count) stack name(s) were asked "
            + "one by one with DescribeStacks (see docs/iam-policy.json for the listing policy)")
        if exact.count < names.count {
            answer.failures.insert(ProbeFailure(service: "cloudformation", error: denial), at: 0)
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
