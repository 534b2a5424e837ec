import Foundation

/// The parameter half of a probe: GetParameters in batches of 10 for exact names,
/// DescribeParameters (BeginsWith the literal prefix) for `*` patterns. Many exact
/// names under one path (`/app/dev/…`) are listed instead, 50 a page, with a page cap
/// that keeps the worst case near the batches' cost.
struct ParameterProbe: Sendable {
    var client: SSMClient
    var concurrency: Int

    private enum Job: Sendable {
        case batch([String])
        case prefix(String)
        case listing(prefix: String, names: [String])
    }

    /// A path holding at least this many of the names is listed rather than batched.
    static let listingThreshold = 2 * SSMClient.batchSize

    private enum Outcome: Sendable {
        /// `unasked`: names a listing did not reach, asked by GetParameters afterwards.
        case batch(found: [ParameterMetadata], missing: [String], unasked: [String] = [], note: String? = nil)
        case prefix(String, [ParameterMetadata])
        case failed(AWSError)
    }

    func run(names: [String]) async -> ProbeAnswer<ParameterObservation> {
        let unique = names.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        guard !unique.isEmpty else { return ProbeAnswer() }
        let exact = unique.filter { !Wildcard.isPattern($0) }
        let patterns = unique.filter(Wildcard.isPattern).map { Wildcard(pattern: $0) }
        let groups = Dictionary(grouping: exact, by: Self.listingPrefix)
        var listings: [Job] = []
        var batched: [String] = []
        for name in exact {
            guard let prefix = Self.listingPrefix(name), let group = groups[prefix],
                  group.count >= Self.listingThreshold else { batched.append(name); continue }
            if group.first == name { listings.append(.listing(prefix: prefix, names: group)) }
        }
        var jobs: [Job] = listings + Self.batches(batched).map { .batch($0) }
        jobs += Self.minimalPrefixes(patterns.map(\.literalPrefix)).map { .prefix($0) }
        let client = self.client
        var outcomes = await boundedMap(jobs, limit: concurrency) { job -> Outcome in
            do throws(AWSError) {
                switch job {
                case .batch(let names):
                    let (found, missing) = try await client.getParameters(names: names)
                    return .batch(found: found, missing: missing)
                case .prefix(let prefix):
                    return .prefix(prefix, try await client.describeParameters(namePrefix: prefix))
                case .listing(let prefix, let names):
                    do throws(AWSError) {
                        return try await Self.list(names, under: prefix, client: client)
                    } catch {
                        // A policy scoped to named parameters denies DescribeParameters: batch them instead.
                        guard case .accessDenied = error else { throw error }
                        return Self.batched(names, deniedListing: prefix)
                    }
                }
            } catch {
                return .failed(error)
            }
        }
        // What listings left is batched in a second round, under the same bound: one listing's
        // leftovers asked one after another made the probe as slow as its longest chain.
        let unasked = outcomes.flatMap { outcome -> [String] in
            if case .batch(_, _, let unasked, _) = outcome { return unasked }
            return []
        }
        outcomes += await boundedMap(Self.batches(unasked), limit: concurrency) { names -> Outcome in
            do throws(AWSError) {
                let (found, missing) = try await client.getParameters(names: names)
                return .batch(found: found, missing: missing)
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
            case .batch(let hits, let misses, _, let note):
                for hit in hits { found[hit.name] = hit }
                missing.formUnion(misses)
                if let note, !answer.notes.contains(note) { answer.notes.append(note) }
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

    /// Lists `prefix` for at most half the pages the batches would take, and no further than a
    /// page holding no more than a batch: a server that pages by 10 whatever MaxResults asks
    /// (moto) makes a listing no cheaper than GetParameters. Names the listing did not reach
    /// are left `unasked`, for the batches.
    private static func list(_ names: [String], under prefix: String, client: SSMClient) async throws(AWSError) -> Outcome {
        let wanted = Set(names)
        let cap = max(1, batches(names).count / 2)
        let (listed, complete) = try await client.describeParameters(namePrefix: prefix, maxPages: cap,
                                                                     stopAfterPageOf: SSMClient.batchSize)
        let found = listed.filter { wanted.contains($0.name) }
        let seen = Set(found.map(\.name))
        let rest = names.filter { !seen.contains($0) }
        return complete ? .batch(found: found, missing: rest) : .batch(found: found, missing: [], unasked: rest)
    }

    /// The names under `prefix`, left for GetParameters after DescribeParameters was denied.
    private static func batched(_ names: [String], deniedListing prefix: String) -> Outcome {
        .batch(found: [], missing: [], unasked: names,
               note: "ssm:DescribeParameters was denied, so parameters were asked by name with GetParameters "
                   + "(see docs/iam-policy.json for the listing policy)")
    }

    /// `/app/dev/` for `/app/dev/svc/key`: the path two levels down, where a project's
    /// parameters gather; nil for a name too shallow to list.
    static func listingPrefix(_ name: String) -> String? {
        guard name.hasPrefix("/") else { return nil }
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count > 3 else { return nil }
        return "/" + parts[1] + "/" + parts[2] + "/"
    }

    static func batches(_ names: [String]) -> [[String]] {
        stride(from: 0, to: names.count, by: SSMClient.batchSize).map {
            Array(names[$0..<min($0 + SSMClient.batchSize, names.count)])
        }
    }

    /// Prefixes with those covered by a shorter one removed: one listing serves both.
    static func minimalPrefixes(_ prefixes: [String]) -> [String] {
        let sorted = Set(prefixes).sorted { $0.count < $1.count || ($0.count == $1.count && $0 < $1) }
        var kept: [String] = []
        for prefix in sorted where !kept.contains(where: { prefix.hasPrefix($0) }) { kept.append(prefix) }
        return kept
    }
}
