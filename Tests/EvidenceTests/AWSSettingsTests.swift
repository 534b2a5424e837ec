import AWSKit
import Evidence
import Foundation
import TestSupport
import Testing

/// How `.plantrack.yml`'s `profile:` reaches AWSKit (CONTRACT §6, issue 9 point 8).
struct AWSSettingsTests {
    func settings(profileOption: String?, environment: [String: String]) -> AWSSettings {
        let config = PlanTrackConfig(file: "/repo/.plantrack.yml", profile: "listbackup")
        let lookup = ConfigLookup(config: config, planPath: "/repo/REFACTOR_PLAN.md", projectPath: "/repo")
        return EvidenceSettings(lookup: lookup, stage: nil, region: "us-east-1", profile: profileOption,
                                endpointURL: nil, environment: environment).aws
    }

    @Test("the config's profile is a default below AWS_PROFILE, named after its file; --profile stays the option")
    func configProfileIsADefault() throws {
        let fromConfig = settings(profileOption: nil, environment: [:])
        #expect(fromConfig.profile == nil, "the config's profile must not act like --profile (it would switch env keys off)")
        #expect(fromConfig.defaultProfile == "listbackup")
        #expect(fromConfig.defaultProfileSource == "profile: of /repo/.plantrack.yml")
        #expect(AWSConfiguration.choseProfile(settings(profileOption: nil, environment: ["AWS_PROFILE": "ci"])) == ("ci", "AWS_PROFILE"))
        #expect(settings(profileOption: "admin", environment: [:]).profile == "admin")
    }
}
