/// The AWS services PlanTrack calls.
public enum AWSService: String, Sendable, CaseIterable {
    case cloudFormation = "cloudformation"
    case ssm
    case sts

    /// The name in signatures, endpoint host names and `[services]` sections.
    public var signingName: String { rawValue }

    /// AWS_ENDPOINT_URL_<this>.
    var endpointVariable: String { "AWS_ENDPOINT_URL_" + rawValue.uppercased() }
}
