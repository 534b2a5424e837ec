/// The per-profile settings of how calls are sent: attempts and the CA bundle
/// (botocore's `max_attempts` / `retry_mode` / `ca_bundle`, each with its variable,
/// the variable winning over the profile's key).
public struct NetworkOptions: Sendable, Equatable {
    /// Attempts per call, the first included.
    public var maxAttempts: Int = 3
    /// "standard" (the CLI v2's default), "legacy", or "adaptive" — which PlanTrack runs as
    /// standard: it sends too few calls for client-side rate limiting to matter.
    public var retryMode: String = "standard"
    /// PEM certificates added to the trusted roots, and the setting that named the file.
    public var caBundle: String?
    public var caBundleSetting: String?

    public init() {}

    var caBundleFile: CABundle? {
        guard let caBundle else { return nil }
        return CABundle(path: caBundle, setting: caBundleSetting ?? "AWS_CA_BUNDLE")
    }

    static func resolve(_ settings: AWSSettings, profiles: AWSProfiles, profile: String) throws(AWSError) -> NetworkOptions {
        var options = NetworkOptions()
        func setting(_ key: String, _ variable: String) -> (value: String, name: String)? {
            if let value = nonEmpty(settings.environment[variable]) { return (value, variable) }
            return profiles.value(key, profile: profile).map { ($0, "\(key) of profile '\(profile)'") }
        }
        if let mode = setting("retry_mode", "AWS_RETRY_MODE") {
            guard ["standard", "adaptive", "legacy"].contains(mode.value) else {
                throw .invalidSetting(setting: mode.name, reason: "'\(mode.value)' is not standard, adaptive or legacy")
            }
            options.retryMode = mode.value
            // botocore's legacy mode makes 5 attempts unless told otherwise.
            if mode.value == "legacy" { options.maxAttempts = 5 }
        }
        if let attempts = setting("max_attempts", "AWS_MAX_ATTEMPTS") {
            guard let count = Int(attempts.value), count >= 1 else {
                throw .invalidSetting(setting: attempts.name, reason: "'\(attempts.value)' is not a whole number of at least 1")
            }
            options.maxAttempts = count
        }
        if let explicit = settings.retry.maxAttempts { options.maxAttempts = explicit }
        if let bundle = setting("ca_bundle", "AWS_CA_BUNDLE") {
            options.caBundle = AWSProfiles.expand(bundle.value, home: settings.home)
            options.caBundleSetting = bundle.name
        }
        return options
    }
}
