import PlanKit

/// An SSM parameter a service reads with `${ssm:…}`, `${ssm(region):…}` or `${aws:ssm:…}`,
/// or that its resources name in a CloudFormation dynamic reference `{{resolve:ssm:…}}`.
public struct ConsumedParameter: Sendable, Equatable, Hashable {
    public var name: DiscoveredName
    /// The region named in `${ssm(region):…}`; nil means the service's own region.
    public var region: String?
    /// Set when it is one member of a fallback chain (`${ssm:/a, ssm:/b, ""}`): then it
    /// need not exist by itself (issue 8 point 15).
    public var fallback: FallbackChain?

    public init(name: DiscoveredName, region: String? = nil, fallback: FallbackChain? = nil) {
        self.name = name
        self.region = region
        self.fallback = fallback
    }

    /// A Secrets Manager secret read through SSM (`/aws/reference/secretsmanager/…`): listed
    /// as a secret, never asked through SSM, which refuses it without decryption.
    public var isSecret: Bool {
        name.display.hasPrefix(Self.secretsManagerPrefix)
    }

    public static let secretsManagerPrefix = "/aws/reference/secretsmanager/"
}

/// The SSM members of one fallback chain and whether it ends in a value that needs no
/// AWS (a literal, a set variable): the chain holds when that is so or any member exists.
public struct FallbackChain: Sendable, Equatable, Hashable {
    public var members: [String]
    public var endsInValue: Bool

    public init(members: [String], endsInValue: Bool) {
        self.members = members
        self.endsInValue = endsInValue
    }
}

/// What one serverless.yml says will exist once it is deployed.
public struct ServerlessService: Sendable, Equatable {
    /// The file, relative to the project folder: `infra/cognito/serverless.yml`.
    public var file: String
    /// Its folder, relative to the project folder: `infra/cognito` (empty for the root).
    public var folder: String
    /// `service:` resolved.
    public var service: DiscoveredName
    /// `provider.stackName`, else `${service}-${stage}`.
    public var stack: DiscoveredName
    /// The region it deploys to: the override, else `provider.region`; nil when neither says.
    public var region: String?
    /// Names of its `AWS::SSM::Parameter` resources.
    public var publishes: [DiscoveredName]
    /// SSM parameters it reads while being deployed.
    public var consumes: [ConsumedParameter]
    /// Outputs of other stacks it reads while being deployed (`${cf:stack.Output}`).
    public var consumesOutputs: [ConsumedOutput] = []
    /// Why its `provider.region` cannot be worked out, with the fix; its stack and
    /// parameters are then unknown rather than asked in a default region.
    public var regionProblem: String?
    /// Some name of it needs `${aws:accountId}`, which was not asked yet (issue 8 point 7).
    public var needsAccountID = false
    /// `provider.profile` resolved: the AWS profile its evidence is asked with when nothing
    /// above it chooses one (CONTRACT §6, issue 9 point 9); nil when the file names none.
    public var profile: String?
    /// What `lint` warns about in the file (a v2 `~true` / `~split` suffix).
    public var warnings: [LintFinding] = []

    /// Where its stack and parameters are asked (CONTRACT §6): the override or
    /// `provider.region`, else `us-east-1`, where `serverless deploy` puts a service that names none.
    public var deployRegion: String { region ?? "us-east-1" }

    public init(file: String, folder: String, service: DiscoveredName, stack: DiscoveredName, region: String?,
                publishes: [DiscoveredName], consumes: [ConsumedParameter], regionProblem: String? = nil) {
        self.regionProblem = regionProblem
        self.file = file
        self.folder = folder
        self.service = service
        self.stack = stack
        self.region = region
        self.publishes = publishes
        self.consumes = consumes
    }
}
