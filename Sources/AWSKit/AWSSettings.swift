import Foundation

/// What the user chose (options) and the world PlanTrack runs in (environment,
/// home folder). Passing the environment and home in, instead of reading the
/// process's own, keeps tests independent of the machine they run on.
public struct AWSSettings: Sendable {
    /// `--profile`: it also switches environment keys off, as in the CLI. nil means
    /// AWS_PROFILE, AWS_DEFAULT_PROFILE, then `defaultProfile`, then `default`.
    public var profile: String?
    /// A profile below the environment's (`profile:` of .plantrack.yml): environment keys
    /// and AWS_PROFILE still win over it (CONTRACT §6).
    public var defaultProfile: String?
    /// How messages name the setting `defaultProfile` came from ("profile: of /repo/.plantrack.yml").
    public var defaultProfileSource: String?
    /// `--region`; nil means AWS_REGION, AWS_DEFAULT_REGION, then the profile's `region`.
    public var region: String?
    /// `--endpoint-url`, for every service PlanTrack calls (CloudFormation, SSM, STS).
    public var endpointURL: String?
    public var environment: [String: String]
    /// The folder `~` stands for in `~/.aws/config` and in file paths from the environment:
    /// `$HOME` first (CI containers and `sudo -E` set it), the passwd entry only without it.
    public var home: String
    public var timeouts: Timeouts
    public var retry: RetryOptions
    /// How many calls may be in flight at once, per service.
    public var concurrency: Concurrency
    /// A bound on calls in flight shared with other probes (every stage of a matrix): nil, none.
    public var gate: CallGate?
    /// Refuse any endpoint that is not 127.0.0.0/8, ::1 or localhost. Tests set it, so a
    /// mistake in a test's settings can never send a request to a real AWS host.
    public var loopbackOnly: Bool
    /// The clock used to date signatures and judge expirations.
    public var now: @Sendable () -> Date

    public struct Timeouts: Sendable, Equatable {
        public var connect: Double
        /// The whole of one attempt, from sending to the last byte of the answer.
        public var request: Double
        /// How long a `credential_process` or `aws configure export-credentials` may run.
        public var process: Double
        public init(connect: Double = 3, request: Double = 15, process: Double = 60) {
            self.connect = connect
            self.request = request
            self.process = process
        }
    }

    /// The AWS SDKs' "standard" retry mode.
    public struct RetryOptions: Sendable, Equatable {
        /// Attempts per call; nil reads AWS_MAX_ATTEMPTS, the profile's `max_attempts`, the
        /// retry mode's default (3; 5 for `legacy`).
        public var maxAttempts: Int?
        /// Backoff before retry n is random in 0 ..< min(maxBackoff, baseDelay * 2^(n-1)) ("full jitter").
        public var baseDelay: Double
        public var maxBackoff: Double
        /// The retry quota: each retry spends `retryCost` (`timeoutCost` after a timeout
        /// or a connection error); each success gives back 1.
        public var quota: Int
        public var retryCost: Int
        public var timeoutCost: Int
        public init(maxAttempts: Int? = nil, baseDelay: Double = 1, maxBackoff: Double = 20,
                    quota: Int = 500, retryCost: Int = 5, timeoutCost: Int = 10) {
            self.maxAttempts = maxAttempts
            self.baseDelay = baseDelay
            self.maxBackoff = maxBackoff
            self.quota = quota
            self.retryCost = retryCost
            self.timeoutCost = timeoutCost
        }
    }

    public struct Concurrency: Sendable, Equatable {
        /// CloudFormation throttles DescribeStacks at a few calls a second.
        public var cloudFormation: Int
        public var ssm: Int
        public init(cloudFormation: Int = 2, ssm: Int = 4) {
            self.cloudFormation = cloudFormation
            self.ssm = ssm
        }
    }

    public init(profile: String? = nil, region: String? = nil, endpointURL: String? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment,
                home: String? = nil, defaultProfile: String? = nil, defaultProfileSource: String? = nil,
                timeouts: Timeouts = Timeouts(), retry: RetryOptions = RetryOptions(),
                concurrency: Concurrency = Concurrency(), loopbackOnly: Bool = false,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.profile = profile
        self.region = region
        self.endpointURL = endpointURL
        self.environment = environment
        self.home = home ?? nonEmpty(environment["HOME"]) ?? NSHomeDirectory()
        self.defaultProfile = defaultProfile
        self.defaultProfileSource = defaultProfileSource
        self.timeouts = timeouts
        self.retry = retry
        self.concurrency = concurrency
        self.loopbackOnly = loopbackOnly
        self.now = now
    }
}
