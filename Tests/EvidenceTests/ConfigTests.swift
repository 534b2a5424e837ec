import Foundation
import TestSupport
import Testing
@testable import Evidence

@Suite struct ConfigTests {
    let contractExample = """
        plan: REFACTOR_PLAN.md     # relative to this file
        project: .                 # the serverless project the plan describes
        stage: dev
        stages: [dev, prod]
        region: us-west-2
        profile: listbackup
        refresh: 60
        theme: default
        checks:
          "2.5":
            stacks: ["listbackup-cognito-${stage}"]
            parameters: ["/listbackup/${stage}/cognito/*"]
            files: ["infra/cognito/serverless.yml"]
        """

    @Test func readsEveryKeyOfTheContractExample() throws {
        let config = try PlanTrackConfig.parse(contractExample, file: "/repo/sub/.plantrack.yml")
        #expect(config.plan == "/repo/sub/REFACTOR_PLAN.md")
        #expect(config.project == "/repo/sub")
        #expect(config.stage == "dev")
        #expect(config.stages == ["dev", "prod"])
        #expect(config.region == "us-west-2")
        #expect(config.profile == "listbackup")
        #expect(config.refresh == 60)
        #expect(config.theme == "default")
        #expect(config.checks[.id("2.5")] == ItemChecks(stacks: ["listbackup-cognito-${stage}"],
                                                   parameters: ["/listbackup/${stage}/cognito/*"],
                                                   files: ["infra/cognito/serverless.yml"]))
    }

    /// Check keys are item references read as `mark` reads them: `l48`, `L48`, `TODO 2.5`.
    @Test func checkKeysTakeEveryReferenceForm() throws {
        let config = try PlanTrackConfig.parse("""
        checks:
          "l48": {stacks: [a]}
          "TODO 2.5a": {stacks: [b]}
        """, file: "/x/.plantrack.yml")
        #expect(config.checks[.line(48)]?.stacks == ["a"])
        #expect(config.checks[.id("2.5a")]?.stacks == ["b"])
        #expect(throws: ConfigError.badValue(file: "/x/.plantrack.yml", line: 2, key: "checks.item 2",
                                             expected: "keyed by an item id (\"2.5\", \"TODO 2.5\") or line (\"L48\")")) {
            try PlanTrackConfig.parse("checks:\n  \"item 2\": {stacks: [a]}\n", file: "/x/.plantrack.yml")
        }
    }

    @Test func expandsStageAndRegionInChecks() throws {
        let config = try PlanTrackConfig.parse(contractExample, file: "/x/.plantrack.yml")
        let checks = try #require(config.checks[.id("2.5")]).expanded(stage: "prod", region: "eu-west-1")
        #expect(checks.stacks == ["listbackup-cognito-prod"])
        #expect(checks.parameters == ["/listbackup/prod/cognito/*"])
        #expect(ConfigVariables.expand("a-${region}-${stage}", stage: "s", region: "r") == "a-r-s")
    }

    @Test func unknownKeyIsNamedWithFileAndLine() {
        #expect(throws: ConfigError.unknownKey(file: "/x/.plantrack.yml", line: 3, key: "regoin",
                                               place: "(known keys: plan, project, stage, stages, region, profile, refresh, theme, checks, exclude)")) {
            try PlanTrackConfig.parse("stage: dev\nplan: a.md\nregoin: us-east-1\n", file: "/x/.plantrack.yml")
        }
        do {
            _ = try PlanTrackConfig.parse("stage: dev\nregoin: us-east-1\n", file: "/x/.plantrack.yml")
            Issue.record("an unknown key must be an error")
        } catch {
            #expect(error.description.contains("/x/.plantrack.yml:2"))
            #expect(error.description.contains("'regoin'"))
        }
    }

    @Test func unknownKeyInsideChecksIsAnError() {
        #expect(throws: ConfigError.self) {
            try PlanTrackConfig.parse("checks:\n  \"2.5\":\n    stack: [a]\n", file: "f.yml")
        }
    }

    @Test func wrongShapesAreErrors() {
        #expect(throws: ConfigError.self) { try PlanTrackConfig.parse("refresh: soon\n", file: "f.yml") }
        #expect(throws: ConfigError.self) { try PlanTrackConfig.parse("refresh: -5\n", file: "f.yml") }
        #expect(throws: ConfigError.self) { try PlanTrackConfig.parse("stage: [a, b]\n", file: "f.yml") }
        #expect(throws: ConfigError.self) { try PlanTrackConfig.parse("- a\n- b\n", file: "f.yml") }
        #expect(throws: ConfigError.self) { try PlanTrackConfig.parse("stage: [unclosed\n", file: "f.yml") }
    }

    @Test func emptyFileAndEmptyValuesMeanDefaults() throws {
        #expect(try PlanTrackConfig.parse("", file: "f.yml") == PlanTrackConfig(file: "f.yml"))
        let config = try PlanTrackConfig.parse("profile:\nchecks:\n", file: "f.yml")
        #expect(config.profile == nil)
        #expect(config.checks.isEmpty)
    }

    @Test func missingExplicitConfigFileIsAnError() {
        #expect(throws: ConfigError.unreadable(file: "/nonexistent/c.yml", reason: "no such file")) {
            try PlanTrackConfig.load(from: "/nonexistent/c.yml")
        }
    }

    @Test func lookupFindsTheConfigBesideThePlan() throws {
        let dir = try TemporaryFolder("evidence")
        defer { dir.remove() }
        try dir.write("docs/.plantrack.yml", "plan: PLAN.md\nproject: ../proj\nstage: qa\n")
        let lookup = try ConfigLookup.resolve(planOption: "docs/REFACTOR_PLAN.md", configOption: nil,
                                              currentDirectory: dir.path)
        #expect(lookup.config.stage == "qa")
        #expect(lookup.planPath == dir.url("docs/REFACTOR_PLAN.md").standardizedFileURL.path)
        #expect(lookup.projectPath == dir.url("proj").standardizedFileURL.path)
    }

    @Test func lookupUsesThePlanOfTheConfigWhenNoPlanIsGiven() throws {
        let dir = try TemporaryFolder("evidence")
        defer { dir.remove() }
        try dir.write(".plantrack.yml", "plan: plans/P.md\n")
        let lookup = try ConfigLookup.resolve(planOption: nil, configOption: nil, currentDirectory: dir.path)
        #expect(lookup.planPath == dir.url("plans/P.md").standardizedFileURL.path)
        // Without `project:`, the project is the plan's folder.
        #expect(lookup.projectPath == dir.url("plans").standardizedFileURL.path)
    }

    @Test func explicitConfigWinsAndNoConfigMeansDefaults() throws {
        let dir = try TemporaryFolder("evidence")
        defer { dir.remove() }
        try dir.write(".plantrack.yml", "stage: beside\n")
        try dir.write("other.yml", "stage: chosen\n")
        let chosen = try ConfigLookup.resolve(planOption: nil, configOption: "other.yml", currentDirectory: dir.path)
        #expect(chosen.config.stage == "chosen")
        let none = try ConfigLookup.resolve(planOption: "/nowhere/REFACTOR_PLAN.md", configOption: nil,
                                            currentDirectory: dir.path)
        #expect(none.config == PlanTrackConfig())
        #expect(none.planPath == "/nowhere/REFACTOR_PLAN.md")
    }
}

/// `stages:` as a map of per-stage settings (issue 11).
@Suite struct StageSettingsConfigTests {
    @Test func stagesAsAMapKeepTheirOrderAndSettings() throws {
        let config = try PlanTrackConfig.parse("""
            stages:
              dev:  {profile: listbackup-dev, region: us-west-2}
              prod: {profile: listbackup-prod, region: eu-west-1, account: "123456789012"}
            """, file: "/p/.plantrack.yml")
        #expect(config.stages == ["dev", "prod"])
        #expect(config.stageSettings["prod"] == StageSettings(profile: "listbackup-prod", region: "eu-west-1",
                                                             account: "123456789012"))
        #expect(config.stageSettings["dev"]?.account == nil)
    }

    @Test func stagesAsAListStillWork() throws {
        let config = try PlanTrackConfig.parse("stages: [dev, prod]\n", file: "/p/.plantrack.yml")
        #expect(config.stages == ["dev", "prod"])
        #expect(config.stageSettings.isEmpty)
    }

    @Test func anUnknownStageKeyAndABadAccountAreRefusedNamingThem() {
        #expect(throws: ConfigError.unknownKey(file: "/p/.plantrack.yml", line: 2, key: "acount",
                                               place: "in stages.prod (known keys: profile, region, account)")) {
            try PlanTrackConfig.parse("stages:\n  prod: {acount: \"123456789012\"}\n", file: "/p/.plantrack.yml")
        }
        #expect(throws: ConfigError.badValue(file: "/p/.plantrack.yml", line: 2, key: "stages.prod.account",
                                             expected: "a 12-digit AWS account id")) {
            try PlanTrackConfig.parse("stages:\n  prod: {account: \"12345\"}\n", file: "/p/.plantrack.yml")
        }
    }

    @Test func aStageProfileAndRegionComeBelowTheOptionsAndAboveTheFile() {
        var config = PlanTrackConfig(file: "/p/.plantrack.yml", stages: ["dev", "prod"], region: "us-east-1",
                                     profile: "shared")
        config.stageSettings = ["prod": StageSettings(profile: "listbackup-prod", region: "eu-west-1")]
        let lookup = ConfigLookup(config: config, planPath: "/p/REFACTOR_PLAN.md", projectPath: "/p")
        let prod = EvidenceSettings(lookup: lookup, stage: "prod", region: nil, profile: nil, endpointURL: nil, environment: [:])
        #expect(prod.regionOverride == "eu-west-1")
        #expect(prod.aws.defaultProfile == "listbackup-prod")
        #expect(prod.aws.defaultProfileSource == "stages.prod.profile of /p/.plantrack.yml")
        let dev = EvidenceSettings(lookup: lookup, stage: "dev", region: nil, profile: nil, endpointURL: nil, environment: [:])
        #expect(dev.regionOverride == "us-east-1")
        #expect(dev.aws.defaultProfile == "shared")
        let option = EvidenceSettings(lookup: lookup, stage: "prod", region: "ap-south-1", profile: "cli",
                                      endpointURL: nil, environment: [:])
        #expect(option.regionOverride == "ap-south-1")
        #expect(option.aws.profile == "cli")
    }
}
