import PlanKit
import Foundation

/// What PlanTrack asks AWS: which of these stacks and parameters exist right now.
/// A name may contain `*`, which matches any run of characters; such a name holds
/// when at least one stack or parameter matches it.
public struct ProbeRequest: Sendable, Equatable {
    public var stackNames: [String]
    public var parameterNames: [String]
    /// Stacks whose outputs other stacks read (`${cf:stack.Output}`): each asked once with
    /// DescribeStacks, which alone gives outputs, whatever the other names.
    public var outputStackNames: [String]

    public init(stackNames: [String], parameterNames: [String], outputStackNames: [String] = []) {
        self.stackNames = stackNames
        self.parameterNames = parameterNames
        self.outputStackNames = outputStackNames
    }
}

/// One stack as CloudFormation reported it. `status` is nil for a stack that was never created.
public struct StackObservation: Sendable, Equatable {
    public var name: String
    public var status: String?
    public var lastUpdated: Date?
    /// For a name with `*`: the stacks that matched it.
    public var matches: [String]
    /// The keys of its outputs, for a stack asked in `outputStackNames`; nil when not asked.
    public var outputs: [String]?

    public init(name: String, status: String?, lastUpdated: Date?, matches: [String] = [], outputs: [String]? = nil) {
        self.name = name
        self.status = status
        self.lastUpdated = lastUpdated
        self.matches = matches
        self.outputs = outputs
    }

    /// The status's meaning (`StackStatus`); nil for a stack that was never created.
    public var stackStatus: StackStatus? { status.map(StackStatus.init(rawValue:)) }

    /// CONTRACT §5: false for a stack never created or DELETE_COMPLETE.
    public var exists: Bool { stackStatus?.exists ?? false }

    /// CONTRACT §5: true only for a stack whose last operation left it live.
    public var deployed: Bool { stackStatus?.deployed ?? false }
}

/// One SSM parameter's metadata. Values are never fetched decrypted, never kept.
public struct ParameterObservation: Sendable, Equatable {
    public var name: String
    public var exists: Bool
    public var type: String?
    public var version: Int?
    public var lastModified: Date?
    /// For a name with `*`: the parameters that matched it.
    public var matches: [String]

    public init(name: String, exists: Bool, type: String? = nil, version: Int? = nil,
                lastModified: Date? = nil, matches: [String] = []) {
        self.name = name
        self.exists = exists
        self.type = type
        self.version = version
        self.lastModified = lastModified
        self.matches = matches
    }
}

/// A call that failed for good (after retries), reported beside the results.
public struct ProbeFailure: Sendable, Equatable, Error {
    public var service: String   // "cloudformation", "ssm", "sts"
    public var code: String      // AWS error code or a local one ("ConnectionRefused", "Timeout")
    public var message: String   // one sentence a user can act on; never a secret
    /// Which class of AWS failure (all exit with code 4 on the command line).
    public var kind: AWSFailureKind

    public init(service: String, code: String, message: String, kind: AWSFailureKind = .service) {
        self.service = service
        self.code = code
        self.message = message
        self.kind = kind
    }

    /// A failure from an `AWSError`, its text made safe where it enters (PlanKit's one
    /// `TerminalText` policy): AWS echoes request text, which must never drive a terminal.
    public init(service: String, error: AWSError) {
        self.init(service: service, code: TerminalText.sanitized(error.code),
                  message: TerminalText.sanitized(error.description), kind: error.kind)
    }
}

/// The settings a probe ran with, for display: never a key.
public struct ProbeContext: Sendable, Equatable {
    public var profile: String
    public var region: String
    /// "--region", "AWS_REGION", "AWS_DEFAULT_REGION" or "profile x".
    public var regionSource: String
    /// Service name ("cloudformation", "ssm", "sts") → endpoint URL.
    public var endpoints: [String: String]
    /// Nil when no credentials were found (the failure says why).
    public var credentialSource: CredentialSource?

    public init(profile: String, region: String, regionSource: String, endpoints: [String: String],
                credentialSource: CredentialSource?) {
        self.profile = profile
        self.region = region
        self.regionSource = regionSource
        self.endpoints = endpoints
        self.credentialSource = credentialSource
    }
}

/// The answer to a `ProbeRequest`. A name whose lookup failed (after retries)
/// has no observation: it is unknown, not missing; `failures` says why.
public struct ProbeResult: Sendable, Equatable {
    public var stacks: [StackObservation]
    public var parameters: [ParameterObservation]
    public var failures: [ProbeFailure]
    /// How many API calls the probe made, retries included.
    public var apiCalls: Int
    public var probedAt: Date
    /// Profile, region, endpoints and credential source; nil when the settings could not be resolved.
    public var context: ProbeContext?
    /// What the user should be told once though nothing failed: a denied listing call
    /// answered by per-name calls instead (CONTRACT §7).
    public var notes: [String] = []

    public init(stacks: [StackObservation], parameters: [ParameterObservation],
                failures: [ProbeFailure], apiCalls: Int, probedAt: Date, context: ProbeContext? = nil) {
        self.stacks = stacks
        self.parameters = parameters
        self.failures = failures
        self.apiCalls = apiCalls
        self.probedAt = probedAt
        self.context = context
    }
}
