import Foundation

/// Everything that can go wrong between PlanTrack and AWS. Each message names
/// the profile, variable, file or endpoint at fault and says what to do; none
/// ever contains a key, a token or a parameter value.
public enum AWSError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No source in the chain had keys.
    case noCredentials(NoCredentialsReport)
    /// A setting (`chosenBy`: --profile, AWS_PROFILE, …) names a profile that neither file defines.
    case profileNotFound(profile: String, chosenBy: String, configFile: String, credentialsFile: String)
    /// Half a key pair: `setting` is there, `missing` is not.
    case incompleteKeys(setting: String, missing: String, place: String)
    /// A profile with something wrong in it (half a key pair, role without source, ...).
    case invalidProfile(profile: String, file: String, reason: String)
    /// A config or credentials file that cannot be read or parsed.
    case unreadableFile(path: String, line: Int?, reason: String)
    /// `credential_process` failed, or printed something that is not Version 1 JSON.
    case credentialProcessFailed(profile: String, command: String, reason: String)
    /// A profile kind (SSO, web identity, ...) handled only through `aws configure export-credentials`.
    case unsupportedProfile(profile: String, reason: String)
    /// No region from the option, AWS_REGION, AWS_DEFAULT_REGION or the profile.
    case noRegion(profile: String?)
    /// An endpoint URL setting that is not an http(s) URL, or one PlanTrack may not use.
    case invalidEndpoint(setting: String, value: String, reason: String = "not an http:// or https:// URL")
    /// An environment variable or profile key with a value PlanTrack cannot use.
    case invalidSetting(setting: String, reason: String)
    /// The settings asked for loopback only, and an endpoint is elsewhere.
    case endpointNotLoopback(service: String, url: String)
    /// Connection refused, DNS failure, TLS failure, reset.
    case endpointUnreachable(service: String, url: String, reason: String)
    /// No answer within the connect or request timeout.
    case timedOut(service: String, url: String, seconds: Double)
    /// The session's keys expired (ExpiredToken): `source` says where they came from.
    case expiredCredentials(service: String, code: String, source: CredentialSource?)
    /// AWS refused the signature's time even after one retry with its clock: `seconds` is how far ours is off.
    case clockSkew(service: String, code: String, seconds: Double)
    /// The service said no: AccessDenied, UnrecognizedClientException, ...
    case accessDenied(service: String, code: String, message: String)
    /// Any other error the service answered with.
    case serviceError(service: String, code: String, message: String, status: Int)
    /// A 2xx answer that could not be read.
    case malformedAnswer(service: String, reason: String)
    /// The retry quota ran dry after too many failures; further retries are refused for a while.
    case retryQuotaExhausted(service: String, underlying: String)

    public var description: String {
        switch self {
        case .noCredentials(let report):
            return report.description
        case .profileNotFound(let profile, let chosenBy, let config, let credentials):
            return "The AWS profile '\(profile)' (chosen by \(chosenBy)) is defined neither in \(config) nor in \(credentials): "
                + "check \(chosenBy) or run 'aws configure --profile \(profile)'."
        case .incompleteKeys(let setting, let missing, let place):
            return "\(setting) is set in \(place) but \(missing) is not: set both, or neither."
        case .invalidProfile(let profile, let file, let reason):
            return "The AWS profile '\(profile)' in \(file) is not usable: \(reason)."
        case .unreadableFile(let path, let line, let reason):
            let at = line.map { "\(path):\($0)" } ?? path
            return "Cannot read the AWS file \(at): \(reason)."
        case .credentialProcessFailed(let profile, let command, let reason):
            return "The credential_process of AWS profile '\(profile)' (\(command)) failed: \(reason)."
        case .unsupportedProfile(let profile, let reason):
            return "The AWS profile '\(profile)' \(reason)"
        case .noRegion(let profile):
            let which = profile.map { " or 'region' in profile '\($0)'" } ?? ""
            return "No AWS region set: pass --region, or set AWS_REGION / AWS_DEFAULT_REGION\(which)."
        case .invalidEndpoint(let setting, let value, let reason):
            return "The endpoint '\(value)' from \(setting) is \(reason)."
        case .invalidSetting(let setting, let reason):
            return "The AWS setting \(setting) cannot be used: \(reason)."
        case .endpointNotLoopback(let service, let url):
            return "Refusing to call \(service) at \(url): these settings allow loopback endpoints only."
        case .endpointUnreachable(let service, let url, let reason):
            return "Cannot reach the \(service) endpoint \(url) (\(reason)): \(ConnectionFailure.hint(for: reason))"
        case .timedOut(let service, let url, let seconds):
            return "The \(service) endpoint \(url) did not answer within \(Self.format(seconds)) s."
        case .expiredCredentials(let service, let code, let source):
            return "AWS \(service) says the session has expired (\(code)): \(Self.renewal(source))."
        case .clockSkew(let service, let code, let seconds):
            return "AWS \(service) refused the request's time (\(code)): this machine's clock is \(ClockSkew.describe(seconds)) AWS; "
                + "set the clock (enable NTP) and try again."
        case .accessDenied(let service, let code, let message):
            return "AWS \(service) denied access (\(code): \(message)): check the profile's keys and its IAM policy (docs/iam-policy.json)."
        case .serviceError(let service, let code, let message, let status):
            let throttled = RetryPolicy.throttlingCodes.contains(code) || status == 429
            return "AWS \(service) answered HTTP \(status) \(code): \(message)"
                + (throttled ? " (still throttled after every attempt: raise AWS_MAX_ATTEMPTS / max_attempts, or probe fewer names at once)" : "")
        case .malformedAnswer(let service, let reason):
            return "The \(service) endpoint sent an answer PlanTrack cannot read (\(reason)): is --endpoint-url pointing at AWS?"
        case .retryQuotaExhausted(let service, let underlying):
            return "Too many \(service) calls failed, so retries were stopped: \(underlying)"
        }
    }

    /// The short code a `ProbeFailure` carries.
    public var code: String {
        switch self {
        case .noCredentials: "NoCredentials"
        case .profileNotFound: "ProfileNotFound"
        case .incompleteKeys: "IncompleteCredentials"
        case .invalidProfile: "InvalidProfile"
        case .unreadableFile: "UnreadableFile"
        case .credentialProcessFailed: "CredentialProcessFailed"
        case .unsupportedProfile: "UnsupportedProfile"
        case .noRegion: "NoRegion"
        case .invalidEndpoint: "InvalidEndpoint"
        case .invalidSetting: "InvalidSetting"
        case .endpointNotLoopback: "EndpointNotLoopback"
        case .endpointUnreachable: "EndpointUnreachable"
        case .timedOut: "Timeout"
        case .accessDenied(_, let code, _), .expiredCredentials(_, let code, _), .clockSkew(_, let code, _): code
        case .serviceError(_, let code, _, _): code
        case .malformedAnswer: "MalformedAnswer"
        case .retryQuotaExhausted: "RetryQuotaExhausted"
        }
    }

    /// Which of the CLI's AWS failure classes (exit code 4) this is.
    public var kind: AWSFailureKind {
        switch self {
        case .noCredentials, .profileNotFound, .invalidProfile, .incompleteKeys, .unreadableFile,
             .credentialProcessFailed, .unsupportedProfile, .noRegion, .invalidEndpoint, .invalidSetting:
            .configuration
        case .endpointNotLoopback, .endpointUnreachable, .timedOut, .retryQuotaExhausted:
            .unreachable
        case .accessDenied, .expiredCredentials, .clockSkew:
            .accessDenied
        case .serviceError:
            .service
        case .malformedAnswer:
            .malformedAnswer
        }
    }

    /// What to run for fresh keys, by where the expired ones came from.
    private static func renewal(_ source: CredentialSource?) -> String {
        switch source?.kind {
        case .exportCredentials?:
            return "run 'aws sso login --profile \(source?.profile ?? "default")' and try again"
        case .environment?:
            return "the keys in AWS_ACCESS_KEY_ID / AWS_SESSION_TOKEN are stale: export fresh ones and try again"
        case .sharedCredentialsFile?, .configFile?:
            return "the aws_session_token of profile '\(source?.profile ?? "default")' in \(source?.detail ?? "the credentials file") is stale: refresh it and try again"
        default:
            return "get fresh credentials (for SSO: aws sso login) and try again"
        }
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.1f", seconds)
    }
}

/// The classes of AWS failure the command line tells apart (all exit with code 4).
public enum AWSFailureKind: String, Sendable, Equatable, CaseIterable {
    /// No credentials, or settings that cannot work (profile, region, endpoint).
    case configuration
    /// Connection refused, timed out, or the retry quota ran dry.
    case unreachable
    case accessDenied
    /// The answer could not be read.
    case malformedAnswer
    /// Any other AWS error (a throttle that outlived the retries, a validation error, ...).
    case service
}

/// What the credential chain tried before giving up (CONTRACT §7): the message lists it,
/// names the setting that chose the profile, and says instance metadata is never asked.
public struct NoCredentialsReport: Sendable, Equatable, CustomStringConvertible {
    public var profile: String
    /// "--profile", "AWS_PROFILE", "profile: of .plantrack.yml", …; nil for the implicit `default`.
    public var chosenBy: String?
    /// The sources asked, in order.
    public var tried: [String]

    public var description: String {
        let which = "profile '\(profile)'" + (chosenBy.map { " (chosen by \($0))" } ?? "")
        let list = tried.isEmpty ? "" : "tried " + tried.joined(separator: "; ") + "; "
        return "No AWS credentials found for \(which): \(list)instance metadata is deliberately never asked; "
            + "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or choose a profile (--profile, AWS_PROFILE) "
            + "that has keys, credential_process, role_arn, web identity or SSO."
    }
}
