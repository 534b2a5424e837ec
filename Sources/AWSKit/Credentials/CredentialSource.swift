/// Where the keys of a probe came from, for display ("profile dev, credential_process").
/// Names files, profiles and roles; never a key.
public struct CredentialSource: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        case environment
        case sharedCredentialsFile
        case configFile
        case credentialProcess
        case assumedRole
        case exportCredentials
        case webIdentity
        case container
    }

    public var kind: Kind
    /// The profile whose settings gave the keys (nil for the environment).
    public var profile: String?
    /// The file, command or role ARN involved.
    public var detail: String

    public init(kind: Kind, profile: String?, detail: String) {
        self.kind = kind
        self.profile = profile
        self.detail = detail
    }

    public var description: String {
        let owner = profile.map { "profile '\($0)'" } ?? ""
        switch kind {
        case .environment: return "environment (\(detail))"
        case .sharedCredentialsFile, .configFile: return "\(owner) keys in \(detail)"
        case .credentialProcess: return "credential_process of \(owner)"
        case .assumedRole: return "role \(detail) assumed through \(owner)"
        case .exportCredentials: return "aws configure export-credentials for \(owner)"
        case .webIdentity: return "role \(detail) assumed with a web identity token" + (profile == nil ? " (AWS_ROLE_ARN)" : " of \(owner)")
        case .container: return "container credentials (\(detail))"
        }
    }
}
