import AWSKit
import Foundation

/// What AWS answered, kept per region asked, so a name is judged only by the answer of
/// the region it lives in (a stack of the same name elsewhere is not evidence).
public struct ProbeAnswers: Sendable, Equatable {
    public struct Regional: Sendable, Equatable {
        /// The region the plan asked for; nil: the AWS settings' region.
        public var requested: String?
        public var result: ProbeResult
        /// The `provider.profile` the group was asked with; nil: the settings' own profile.
        public var profile: String?

        public init(requested: String?, result: ProbeResult, profile: String? = nil) {
            self.requested = requested
            self.result = result
            self.profile = profile
        }

        /// The region the answer came from, as a user reads it.
        public var region: String? { requested ?? result.context?.region }
    }

    public var regions: [Regional]

    public init(regions: [Regional]) {
        self.regions = regions
    }

    /// All regions' answers as one result (what `probe` reports).
    public var merged: ProbeResult {
        ProbeRunner.merge(regions.map(\.result), probedAt: regions.first?.result.probedAt ?? Date())
    }

    public var failures: [ProbeFailure] { merged.failures }

    func stack(_ name: String, region: String?, profile: String? = nil) -> (StackObservation, String?)? {
        guard let regional = regions.first(where: { $0.requested == region && $0.profile == profile }),
              let observed = regional.result.stacks.first(where: { $0.name == name }) else { return nil }
        return (observed, regional.region)
    }

    func parameter(_ name: String, region: String?, profile: String? = nil) -> (ParameterObservation, String?)? {
        guard let regional = regions.first(where: { $0.requested == region && $0.profile == profile }),
              let observed = regional.result.parameters.first(where: { $0.name == name }) else { return nil }
        return (observed, regional.region)
    }

    /// Why a name has no answer, and what would fix it: the detail of unknown AWS evidence.
    static func notAsked(_ answers: ProbeAnswers?) -> String {
        guard let failure = answers?.failures.first else { return "not asked" }
        if failure.code == "NoCredentials" {
            return "not asked: no credentials; set AWS_PROFILE, pass --profile or export AWS_ACCESS_KEY_ID"
        }
        return "not asked: \(failure.message)"
    }
}
