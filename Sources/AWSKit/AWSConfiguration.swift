import Foundation

/// The settings resolved the way the AWS CLI v2 resolves them: which profile,
/// which region, and which endpoint per service. Credentials come later, and
/// lazily, from `CredentialResolver`.
public struct AWSConfiguration: Sendable, Equatable {
    public var profile: String
    /// True when a setting named the profile (not the implicit `default`).
    public var profileNamed: Bool { profileSource != nil }
    /// The setting that chose the profile: "--profile", "AWS_PROFILE", "AWS_DEFAULT_PROFILE", or the
    /// caller's default (e.g. "profile: of .plantrack.yml"); nil for the implicit `default`.
    public var profileSource: String?
    /// True when the profile came from the `--profile` option: the CLI then ignores keys in the environment.
    public var profileFromOption: Bool
    public var region: String
    /// Where the region came from: "--region", "AWS_REGION", "AWS_DEFAULT_REGION" or "profile x".
    public var regionSource: String
    public var endpoints: [AWSService: AWSEndpoint]
    /// Attempts, retry mode and CA bundle for this profile.
    public var network: NetworkOptions
    var profiles: AWSProfiles

    public static func resolve(_ settings: AWSSettings) throws(AWSError) -> AWSConfiguration {
        let env = settings.environment
        let profiles = try AWSProfiles.load(environment: env, home: settings.home)
        let fromOption = nonEmpty(settings.profile)
        let (profile, profileSource) = choseProfile(settings)
        if let profileSource, !profiles.exists(profile) {
            throw .profileNotFound(profile: profile, chosenBy: profileSource, configFile: profiles.configPath,
                                   credentialsFile: profiles.credentialsPath)
        }
        let (region, regionSource) = try resolveRegion(settings, profiles: profiles, profile: profile)
        var endpoints: [AWSService: AWSEndpoint] = [:]
        for service in AWSService.allCases {
            let endpoint = try resolveEndpoint(service, settings: settings, profiles: profiles,
                                               profile: profile, region: region)
            // `.invalid` names never resolve (RFC 6761): tests use them to see a DNS failure.
            if settings.loopbackOnly, !endpoint.isLoopback, !endpoint.host.lowercased().hasSuffix(".invalid") {
                throw .endpointNotLoopback(service: service.signingName, url: endpoint.url)
            }
            endpoints[service] = endpoint
        }
        let network = try NetworkOptions.resolve(settings, profiles: profiles, profile: profile)
        return AWSConfiguration(profile: profile, profileSource: profileSource, profileFromOption: fromOption != nil,
                                region: region, regionSource: regionSource, endpoints: endpoints, network: network,
                                profiles: profiles)
    }

    public func endpoint(_ service: AWSService) -> AWSEndpoint { endpoints[service]! }

    /// CONTRACT §6: `--profile`, `AWS_PROFILE`, `AWS_DEFAULT_PROFILE`, the caller's default
    /// (`profile:` of .plantrack.yml), then `default`. (botocore reads AWS_DEFAULT_PROFILE
    /// before AWS_PROFILE; the CLI's documentation and PlanTrack's contract put AWS_PROFILE first.)
    public static func choseProfile(_ settings: AWSSettings) -> (String, String?) {
        if let profile = nonEmpty(settings.profile) { return (profile, "--profile") }
        for variable in ["AWS_PROFILE", "AWS_DEFAULT_PROFILE"] {
            if let profile = nonEmpty(settings.environment[variable]) { return (profile, variable) }
        }
        if let profile = nonEmpty(settings.defaultProfile) {
            return (profile, settings.defaultProfileSource ?? "the default profile setting")
        }
        return ("default", nil)
    }

    private static func resolveRegion(_ settings: AWSSettings, profiles: AWSProfiles,
                                      profile: String) throws(AWSError) -> (String, String) {
        if let region = nonEmpty(settings.region) { return (region, "--region") }
        for variable in ["AWS_REGION", "AWS_DEFAULT_REGION"] {
            if let region = nonEmpty(settings.environment[variable]) { return (region, variable) }
        }
        if let region = profiles.value("region", profile: profile) { return (region, "profile \(profile)") }
        throw .noRegion(profile: profile)
    }

    /// --endpoint-url, AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL, the profile's
    /// `[services]` section, the profile's `endpoint_url`, then the standard AWS endpoint.
    private static func resolveEndpoint(_ service: AWSService, settings: AWSSettings, profiles: AWSProfiles,
                                        profile: String, region: String) throws(AWSError) -> AWSEndpoint {
        let env = settings.environment
        if let url = nonEmpty(settings.endpointURL) { return try AWSEndpoint(url: url, source: "--endpoint-url") }
        // The variable wins over the profile's key, as every botocore setting does.
        let ignoreConfigured = (nonEmpty(env["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"])
            ?? profiles.value("ignore_configured_endpoint_urls", profile: profile))?.lowercased() == "true"
        if !ignoreConfigured {
            for variable in [service.endpointVariable, "AWS_ENDPOINT_URL"] {
                if let url = nonEmpty(env[variable]) { return try AWSEndpoint(url: url, source: variable) }
            }
            if let servicesName = profiles.value("services", profile: profile),
               let url = nonEmpty(profiles.services[servicesName]?[service.signingName + ".endpoint_url"]) {
                return try AWSEndpoint(url: url, source: "[services \(servicesName)] in \(profiles.configPath)")
            }
            if let url = profiles.value("endpoint_url", profile: profile) {
                return try AWSEndpoint(url: url, source: "endpoint_url of profile \(profile)")
            }
        }
        let variant = EndpointVariant.resolve(settings, profiles: profiles, profile: profile)
        return try AWSEndpoint.standard(service: service, region: region, variant: variant)
    }
}
