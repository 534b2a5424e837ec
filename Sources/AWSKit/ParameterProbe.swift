import Foundation

/// The parameter half of a probe: GetParameters in batches of 10 for exact names,
/// DescribeParameters (BeginsWith the literal prefix) for `*` patterns.
struct ParameterProbe: Sendable {
    var client: SSMClient
    var concurrency: Int

    private enum Job: Sendable {
        case batch([String])
        case prefix(String)
    }

    private enum Outcome: Sendable {
        case batch(found: [ParameterMetadata], missing: [String])
        case prefix(String, [ParameterMetadata])
        case failed(AWSError)
    }

    func run(names: [String]) async -> ProbeAnswer<ParameterObservation> {
        let unique = names.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        guard !unique.isEmpty else { return ProbeAnswer() }
        let exact = unique.filter { !Wildcard.isPattern($0) }
        let patterns = unique.filter(Wildcard.isPattern).map { Wildcard(pattern: $0) }
        var jobs: [Job] = stride(from: 0, to: exact.count, by: SSMClient.batchSize).map {
            .batch(Array(exact[$0..<min($0 + SSMClient.batchSize, exact.count)]))
        }
        jobs += Self.minimalPrefixes(patterns.map(\.literalPrefix)).map { .prefix($0) }
        let client = self.client
        let outcomes = await boundedMap(jobs, limit: concurrency) { job -> Outcome in
            do throws(AWSError) {
                switch job {
                case .batch(let names):
                    let (found, missing) = try await client.getParameters(names: names)
                    return .batch(found: found, missing: missing)
                case .prefix(let prefix):
                    return .prefix(prefix, try await client.describeParameters(namePrefix: prefix))
                }
            } catch {
                return .failed(error)
            }
        }
        var found: [String: ParameterMetadata] = [:]
        var missing: Set<String> = []
        var listed: [ParameterMetadata] = []
        var listedPrefixes: [String] = []
        var answer = ProbeAnswer<ParameterObservation>()
        for outcome in outcomes {
            switch outcome {
            case .batch(let hits, let misses):
                for hit in hits { found[hit.name] = hit }
                missing.formUnion(misses)
            case .prefix(let prefix, let hits):
                listed += hits
                listedPrefixes.append(prefix)
            case .failed(let error):
                let failure = ProbeFailure(service: "ssm", error: error)
                if !answer.failures.contains(failure) { answer.failures.append(failure) }
            }
        }
        for name in unique {
            if Wildcard.isPattern(name) {
                let pattern = Wildcard(pattern: name)
                // Only answer a pattern whose listing arrived.
                guard listedPrefixes.contains(where: { pattern.literalPrefix.hasPrefix($0) }) else { continue }
                let hits = listed.filter { pattern.matches($0.name) }
                    .reduce(into: [String: ParameterMetadata]()) { $0[$1.name] = $1 }.values.sorted { $0.name < $1.name }
                let latest = hits.compactMap(\.lastModified).max()
                answer.observations.append(ParameterObservation(
                    name: name, exists: !hits.isEmpty, type: hits.count == 1 ? hits[0].type : nil,
                    version: hits.count == 1 ? hits[0].version : nil, lastModified: latest, matches: hits.map(\.name)))
            } else if let hit = found[name] {
                answer.observations.append(ParameterObservation(name: name, exists: true, type: hit.type,
                                                                version: hit.version, lastModified: hit.lastModified))
            } else if missing.contains(name) {
                answer.observations.append(ParameterObservation(name: name, exists: false))
            }
            // Neither: its batch failed; the failure is reported, the name stays unknown.
        }
        return answer
    }

    /// Prefixes with those covered by a shorter one removed: one listing serves both.
    static func minimalPrefixes(_ prefixes: [String]) -> [String] {
        let sorted = Set(prefixes).sorted { $0.count < $1.count || ($0.count == $1.count && $0 < $1) }
        var kept: [String] = []
        for prefix in sorted where !kept.contains(where: { prefix.hasPrefix($0) }) { kept.append(prefix) }
        return kept
    }
}
