import AWSKit
import Foundation
import PlanKit

/// Holds each item's expectations against what the probe and the file system
/// found. A pure function of its inputs, so the dashboard and `verify` agree.
public enum VerdictJudge {
    /// - Parameters:
    ///   - probe: the live answers per region; nil when no AWS evidence was asked for.
    ///   - repository: what the `text`/`yaml` rules found in the project's files.
    ///   - locate: where a path the plan names was found, nil when nowhere.
    public static func judge(_ items: [ItemExpectations], probe: ProbeAnswers?, repository: RepositoryAnswers = .init(),
                             locate: (String) -> FoundPath?) -> [ItemVerdict] {
        let byIndex = Dictionary(items.map { ($0.item.index, $0.item) }, uniquingKeysWith: { first, _ in first })
        return items.map { entry in
            let evidence = entry.expectations.map { check($0, probe: probe, repository: repository, locate: locate) }
            let setAsideBy = entry.item.setAsideAncestor { byIndex[$0] }
            return ItemVerdict(item: entry.item, verdict: verdict(entry.item.state, setAsideBy: setAsideBy, evidence),
                               evidence: evidence, notes: entry.notes, setAsideBy: setAsideBy)
        }
    }

    /// The one verdict table (CONTRACT §5): the item's mark against its evidence. An item that
    /// is aborted or cancelled, or sits under a task that is (`setAsideBy`), is skipped: it is
    /// not going to be done. Otherwise evidence that fails decides; all of it holding decides;
    /// unknown evidence alone leaves it unchecked.
    public static func verdict(_ state: ItemState, setAsideBy: PlanItem?, _ evidence: [EvidenceCheck]) -> Verdict {
        if state.isSetAside || setAsideBy != nil { return .skipped }
        let done = state == .done
        if evidence.contains(where: { $0.ok == false }) { return done ? .drift : .pending }
        if !evidence.isEmpty, evidence.allSatisfy({ $0.ok == true }) { return done ? .verified : .ready }
        return .unchecked
    }

    static func check(_ expectation: ExpectedEvidence, probe: ProbeAnswers?, repository: RepositoryAnswers = .init(),
                      locate: (String) -> FoundPath?) -> EvidenceCheck {
        if let problem = expectation.problem { return check(expectation, ok: nil, detail: problem) }
        if let rule = expectation.rule {
            guard let outcome = repository.outcomes[rule] else { return check(expectation, ok: nil, detail: "not read") }
            return check(expectation, ok: outcome.ok, detail: outcome.detail)
        }
        switch expectation.kind {
        case .file, .folder:
            guard let found = locate(expectation.name) else { return check(expectation, ok: false, detail: "missing") }
            return check(expectation, ok: true, detail: found.detail)
        case .text, .yaml:
            return check(expectation, ok: nil, detail: "not read")
        case .stack:
            guard let probe, let (observed, region) = probe.stack(expectation.name, region: expectation.region,
                                                                               profile: expectation.profile) else {
                return check(expectation, ok: nil, detail: ProbeAnswers.notAsked(probe))
            }
            var result = expectation.output == nil ? stackCheck(expectation, observed)
                : consumedStackCheck(expectation, observed)
            result.region = region
            return result
        case .parameter:
            guard let probe, let (observed, region) = probe.parameter(expectation.name, region: expectation.region,
                                                                                       profile: expectation.profile)
            else {
                return check(expectation, ok: nil, detail: ProbeAnswers.notAsked(probe))
            }
            var result = parameterCheck(expectation, observed)
            result.region = region
            return result
        }
    }

    static func stackCheck(_ expectation: ExpectedEvidence, _ observed: StackObservation) -> EvidenceCheck {
        if expectation.name.contains("*") {
            // A match counts only if live (issue 8 point 14): the probe puts a live match first.
            let count = observed.matches.count
            let detail = count == 0 ? "none match"
                : observed.deployed ? "\(count) match" : "\(count) match, none live (\(observed.status ?? "?"))"
            var result = check(expectation, ok: count > 0 && observed.deployed, detail: detail)
            result.status = observed.status
            result.live = count > 0 && observed.deployed
            return result
        }
        guard let status = observed.status else { return check(expectation, ok: false, detail: "missing") }
        var result = check(expectation, ok: observed.deployed,
                           detail: status == "DELETE_COMPLETE" ? "deleted"
                               : observed.deployed ? status : "\(status) (not live)")
        result.status = status
        result.live = observed.deployed
        result.changed = observed.lastUpdated
        return result
    }

    /// A stack another service reads an output of: live, and the output is there.
    static func consumedStackCheck(_ expectation: ExpectedEvidence, _ observed: StackObservation) -> EvidenceCheck {
        let output = expectation.output ?? ""
        var result: EvidenceCheck
        if observed.status == nil || observed.status == "DELETE_COMPLETE" {
            result = check(expectation, ok: false, detail: "consumed stack \(expectation.name) is missing (its output \(output) is read)")
        } else if !observed.deployed {
            result = check(expectation, ok: false,
                           detail: "consumed stack \(expectation.name) is not live (\(observed.status ?? "?"))")
        } else if let outputs = observed.outputs {
            result = outputs.contains(output)
                ? check(expectation, ok: true, detail: "output \(output) found")
                : check(expectation, ok: false, detail: "\(expectation.name) has no output \(output)")
        } else {
            result = check(expectation, ok: nil, detail: "its outputs were not asked")
        }
        result.status = observed.status
        result.live = observed.deployed
        return result
    }

    static func parameterCheck(_ expectation: ExpectedEvidence, _ observed: ParameterObservation) -> EvidenceCheck {
        if expectation.name.contains("*") {
            let count = observed.matches.count
            return check(expectation, ok: count > 0, detail: count > 0 ? "\(count) match" : "none match")
        }
        guard observed.exists else { return check(expectation, ok: false, detail: "missing") }
        var result = check(expectation, ok: true, detail: observed.version.map { "version \($0)" } ?? "exists")
        result.changed = observed.lastModified
        return result
    }

    private static func check(_ expectation: ExpectedEvidence, ok: Bool?, detail: String) -> EvidenceCheck {
        EvidenceCheck(kind: expectation.kind, name: expectation.name, ok: ok, detail: detail,
                      source: expectation.source, region: expectation.kind.isAWS ? expectation.region : nil,
                      output: expectation.output)
    }
}
