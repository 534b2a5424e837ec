import Foundation

/// The AWS partitions and how their hosts are named, as botocore's partitions.json and the
/// CloudFormation / SSM / STS endpoint rulesets give them (checked region by region against
/// the installed botocore by EndpointTableTests; regenerate with scripts/aws-endpoints-fixture.py).
struct AWSPartition: Sendable, Equatable {
    var id: String
    /// Region names of this partition (partitions.json's `regionRegex`).
    var regionPattern: String
    var dnsSuffix: String
    /// Nil where the rulesets offer no dual-stack hosts.
    var dualStackSuffix: String?

    static let all: [AWSPartition] = [
        AWSPartition(id: "aws", regionPattern: #"^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$"#,
                     dnsSuffix: "amazonaws.com", dualStackSuffix: "api.aws"),
        AWSPartition(id: "aws-cn", regionPattern: #"^cn-\w+-\d+$"#,
                     dnsSuffix: "amazonaws.com.cn", dualStackSuffix: "api.amazonwebservices.com.cn"),
        AWSPartition(id: "aws-us-gov", regionPattern: #"^us-gov-\w+-\d+$"#, dnsSuffix: "amazonaws.com", dualStackSuffix: "api.aws"),
        // The rulesets of these three services still name api.aws for the ISO partitions' dual stack.
        AWSPartition(id: "aws-iso", regionPattern: #"^us-iso-\w+-\d+$"#, dnsSuffix: "c2s.ic.gov", dualStackSuffix: "api.aws"),
        AWSPartition(id: "aws-iso-b", regionPattern: #"^us-isob-\w+-\d+$"#, dnsSuffix: "sc2s.sgov.gov", dualStackSuffix: "api.aws"),
        AWSPartition(id: "aws-iso-e", regionPattern: #"^eu-isoe-\w+-\d+$"#, dnsSuffix: "cloud.adc-e.uk", dualStackSuffix: nil),
        AWSPartition(id: "aws-iso-f", regionPattern: #"^us-isof-\w+-\d+$"#, dnsSuffix: "csp.hci.ic.gov", dualStackSuffix: nil),
        AWSPartition(id: "aws-eusc", regionPattern: #"^eusc-(de)-\w+-\d+$"#,
                     dnsSuffix: "amazonaws.eu", dualStackSuffix: "api.amazonwebservices.eu"),
    ]

    /// The partition a region belongs to; `aws` for a name no pattern knows, as in botocore.
    static func of(_ region: String) -> AWSPartition {
        all.first { region.range(of: $0.regionPattern, options: .regularExpression) != nil } ?? all[0]
    }

    /// The host of `service` in `region`. In GovCloud these services' FIPS endpoints are
    /// their ordinary hosts (already FIPS 140 validated), unless dual stack is asked too.
    func host(_ service: AWSService, region: String, fips: Bool, dualStack: Bool) -> String? {
        let suffix: String
        if dualStack {
            guard let dualStackSuffix else { return nil }
            suffix = dualStackSuffix
        } else {
            suffix = dnsSuffix
        }
        let fipsLabel = fips && !(id == "aws-us-gov" && !dualStack) ? "-fips" : ""
        return "\(service.signingName)\(fipsLabel).\(region).\(suffix)"
    }
}

/// `AWS_USE_FIPS_ENDPOINT` / `use_fips_endpoint` and `AWS_USE_DUALSTACK_ENDPOINT` /
/// `use_dualstack_endpoint`, the variable winning; "true" in any case means on (botocore's
/// `ensure_boolean`).
struct EndpointVariant: Sendable, Equatable {
    var fips = false
    var dualStack = false
    /// The settings that turned them on, for messages.
    var fipsSetting: String?
    var dualStackSetting: String?

    static func resolve(_ settings: AWSSettings, profiles: AWSProfiles, profile: String) -> EndpointVariant {
        func flag(_ key: String, _ variable: String) -> String? {
            if let value = nonEmpty(settings.environment[variable]) { return value.lowercased() == "true" ? variable : nil }
            guard let value = profiles.value(key, profile: profile), value.lowercased() == "true" else { return nil }
            return "\(key) of profile '\(profile)'"
        }
        var variant = EndpointVariant()
        variant.fipsSetting = flag("use_fips_endpoint", "AWS_USE_FIPS_ENDPOINT")
        variant.dualStackSetting = flag("use_dualstack_endpoint", "AWS_USE_DUALSTACK_ENDPOINT")
        variant.fips = variant.fipsSetting != nil
        variant.dualStack = variant.dualStackSetting != nil
        return variant
    }
}
