import Foundation
import PlanKit
import TestSupport
import Testing
@testable import Evidence

/// Issue 12 point 1: `text:` and `yaml:` rules (CONTRACT §6) over the project's files.
@Suite struct RepositoryCheckTests {
    func outcome(_ rule: RepositoryRule, in folder: TemporaryFolder) -> RepositoryAnswers.Outcome? {
        RepositoryChecker.answers([rule], project: folder.path).outcomes[rule]
    }

    func project(_ files: [String: String]) throws -> TemporaryFolder {
        let folder = try TemporaryFolder("repo-checks")
        for (path, text) in files { try folder.write(path, text) }
        return folder
    }

    @Test(arguments: [
        ("services/*/serverless.yml", "services/users/serverless.yml", true),
        ("services/*/serverless.yml", "services/a/b/serverless.yml", false),
        ("services/**/serverless.yml", "services/a/b/serverless.yml", true),
        ("services/**/serverless.yml", "services/serverless.yml", true),
        ("**/serverless.yml", "serverless.yml", true),
        ("serverless-?.yml", "serverless-a.yml", true),
        ("serverless-?.yml", "serverless-ab.yml", false),
        ("services/[ab]*/x.yml", "services/auth/x.yml", true),
        ("services/[!ab]*/x.yml", "services/auth/x.yml", false),
        ("services/[a-c]*/x.yml", "services/clients/x.yml", true),
    ])
    func globForms(glob: String, path: String, matches: Bool) throws {
        #expect(ProjectGlob(glob).matches(path) == matches)
        let folder = try project([path: "x"])
        defer { folder.remove() }
        let found = ProjectFiles(root: folder.path).files(matching: ProjectGlob(glob)).map(\.path)
        #expect(found == (matches ? [path] : []))
    }

    @Test func absentNamesTheFirstFileAndLineAtFault() throws {
        let folder = try project([
            "services/auth/serverless.yml": "service: auth\n",
            "services/users/serverless.yml": "a: 1\nb: ${ssm:/x}\nc: ${cf:stack.Out}\n",
        ])
        defer { folder.remove() }
        let rule = RepositoryRule(glob: "services/**/serverless.yml", test: .absent("${cf:"))
        #expect(outcome(rule, in: folder) == .init(ok: false, detail: "services/users/serverless.yml:3 still has ${cf:"))
        try folder.write("services/users/serverless.yml", "c: ${ssm:/y}\n")
        #expect(outcome(rule, in: folder) == .init(ok: true, detail: "holds in 2 files"))
    }

    @Test func presentPatternAndNoPattern() throws {
        let folder = try project(["a.yml": "runtime: go1.x\nname: api\n", "b.yml": "runtime: provided.al2\n"])
        defer { folder.remove() }
        #expect(outcome(.init(glob: "*.yml", test: .present("runtime:")), in: folder)?.ok == true)
        #expect(outcome(.init(glob: "*.yml", test: .present("name:")), in: folder) == .init(ok: false, detail: "b.yml has no name:"))
        #expect(outcome(.init(glob: "*.yml", test: .present("name:"), any: true), in: folder) == .init(ok: true, detail: "holds in a.yml"))
        #expect(outcome(.init(glob: "*.yml", test: .pattern("^runtime: provided")), in: folder)
            == .init(ok: false, detail: "a.yml has no match for /^runtime: provided/"))
        #expect(outcome(.init(glob: "*.yml", test: .noPattern("go1\\.x$")), in: folder)
            == .init(ok: false, detail: "a.yml:1 matches /go1\\.x$/"))
    }

    @Test func aGlobMatchingNothingFailsAndSaysSo() throws {
        let folder = try project(["a.yml": "x"])
        defer { folder.remove() }
        #expect(outcome(.init(glob: "services/**/serverless.yml", test: .absent("x")), in: folder)
            == .init(ok: false, detail: "no file matches services/**/serverless.yml"))
    }

    @Test func crlfBomAndInvalidUTF8() throws {
        let folder = try TemporaryFolder("repo-bytes")
        defer { folder.remove() }
        try folder.write("crlf.yml", "a: 1\r\nb: ${cf:x}\r\n")
        try folder.write("bom.yml", bytes: [0xEF, 0xBB, 0xBF] + Array("plugins:\n  - serverless-go-plugin\n".utf8))
        try folder.write("bad.txt", bytes: [0x61, 0xFF, 0xFE, 0x0A, 0x62, 0x3A, 0x20] + Array("${cf:y}\n".utf8))
        #expect(outcome(.init(glob: "crlf.yml", test: .absent("${cf:")), in: folder)?.detail == "crlf.yml:2 still has ${cf:")
        #expect(outcome(.init(glob: "crlf.yml", test: .noPattern("^b: .*x.$")), in: folder)?.detail == "crlf.yml:2 matches /^b: .*x.$/")
        #expect(outcome(.init(glob: "bom.yml", test: .pattern("^plugins:")), in: folder)?.ok == true)
        #expect(outcome(.init(glob: "bom.yml", test: .yamlContains(path: "plugins", value: "serverless-go-plugin")), in: folder)?.ok == true)
        #expect(outcome(.init(glob: "bad.txt", test: .absent("${cf:")), in: folder)?.detail == "bad.txt:2 still has ${cf:")
        #expect(outcome(.init(glob: "bad.txt", test: .noPattern("cf:y")), in: folder)?.detail == "bad.txt:2 matches /cf:y/")
    }

    @Test func aTenMegabyteFile() throws {
        let folder = try TemporaryFolder("repo-large")
        defer { folder.remove() }
        let line = Array("resource: ${ssm:/listbackup/dev/value}\n".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10_000_100)
        while bytes.count < 10_000_000 { bytes += line }
        let lines = bytes.count / line.count
        bytes += Array("late: ${cf:old.Output}\n".utf8)
        try folder.write("big.yml", bytes: bytes)
        let started = Date()
        #expect(outcome(.init(glob: "big.yml", test: .absent("${cf:")), in: folder)?.detail == "big.yml:\(lines + 1) still has ${cf:")
        #expect(Date().timeIntervalSince(started) < 2)
    }

    @Test func aLinkOutOfTheProjectIsNotRead() throws {
        let outside = try project(["secret.yml": "${cf:leak}\n"])
        let folder = try project(["services/a/serverless.yml": "ok: 1\n"])
        defer { folder.remove(); outside.remove() }
        try FileManager.default.createSymbolicLink(atPath: folder.path("services/b"), withDestinationPath: outside.path)
        try FileManager.default.createSymbolicLink(atPath: folder.path("services/link.yml"),
                                                   withDestinationPath: outside.path("secret.yml"))
        // The folder link is not followed; the file link is listed and refused, never read.
        let result = outcome(.init(glob: "services/**/*.yml", test: .absent("${cf:")), in: folder)
        #expect(result == .init(ok: nil, detail: "services/link.yml is a link out of the project, not read"))
        // A link that stays inside is read.
        try FileManager.default.removeItem(atPath: folder.path("services/link.yml"))
        try FileManager.default.createSymbolicLink(atPath: folder.path("services/link.yml"),
                                                   withDestinationPath: folder.path("services/a/serverless.yml"))
        #expect(outcome(.init(glob: "services/**/*.yml", test: .absent("${cf:")), in: folder)?.ok == true)
    }

    @Test func yamlPathsWithStarsOverKeysAndListElements() throws {
        let folder = try project([
            "serverless-compose.yml": """
            services:
              cognito:
                path: infra/cognito
              api:
                path: services/api
                dependsOn: [cognito]
            """,
            "services/a/serverless.yml": "provider:\n  runtime: provided.al2\nplugins:\n  - serverless-go-plugin\nresources:\n  Resources: {}\n",
        ])
        defer { folder.remove() }
        let compose = "serverless-compose.yml"
        #expect(outcome(.init(glob: compose, test: .yamlExists(path: "services.*.dependsOn")), in: folder)?.ok == true)
        #expect(outcome(.init(glob: compose, test: .yamlContains(path: "services.*.dependsOn", value: "cognito")), in: folder)?.ok == true)
        #expect(outcome(.init(glob: compose, test: .yamlEquals(path: "services.*.path", value: "infra/cognito")), in: folder)
            == .init(ok: false, detail: "serverless-compose.yml:5 services.*.path is services/api, not infra/cognito"))
        let service = "services/*/serverless.yml"
        #expect(outcome(.init(glob: service, test: .yamlEquals(path: "provider.runtime", value: "provided.al2")), in: folder)?.ok == true)
        #expect(outcome(.init(glob: service, test: .yamlContains(path: "plugins", value: "serverless-go-plugin")), in: folder)?.ok == true)
        #expect(outcome(.init(glob: service, test: .yamlExists(path: "plugins.0")), in: folder)?.ok == true)
        #expect(outcome(.init(glob: service, test: .yamlAbsent(path: "resources")), in: folder)
            == .init(ok: false, detail: "services/a/serverless.yml:6 still has resources"))
        #expect(outcome(.init(glob: service, test: .yamlContains(path: "plugins", value: "serverless-offline")), in: folder)
            == .init(ok: false, detail: "services/a/serverless.yml:4 plugins has no serverless-offline"))
    }

    @Test func eachFileIsReadOnceWhateverTheNumberOfRules() throws {
        let folder = try project(["services/a/serverless.yml": "a: 1\n", "services/b/serverless.yml": "b: 1\n"])
        defer { folder.remove() }
        let files = ProjectFiles(root: folder.path)
        let rules: [RepositoryRule] = [
            .init(glob: "services/*/serverless.yml", test: .absent("x")),
            .init(glob: "services/**/serverless.yml", test: .pattern("1")),
            .init(glob: "services/*/serverless.yml", test: .yamlExists(path: "a"), any: true),
        ]
        for rule in rules {
            _ = RepositoryChecker.outcome(rule, files.files(matching: ProjectGlob(rule.glob)), files)
        }
        #expect(files.reads == 2)
    }
}

/// Rules are read and validated with the config (exit 2 naming the key).
@Suite struct RepositoryRuleConfigTests {
    @Test func readsTheContractExample() throws {
        let config = try PlanTrackConfig.parse("""
        checks:
          "3.2.3":
            text:
              - in: "services/**/serverless.yml"
                absent: "${cf:"
          "3.2.1":
            yaml:
              - in: "services/*/serverless.yml"
                path: plugins
                contains: serverless-go-plugin
          "4.2":
            yaml:
              - in: serverless-compose.yml
                path: "services.*.dependsOn"
                any: true
          "3.2.2": {builtin: false}
        """, file: "/x/.plantrack.yml")
        #expect(config.checks[.id("3.2.3")]?.rules == [.init(glob: "services/**/serverless.yml", test: .absent("${cf:"))])
        #expect(config.checks[.id("3.2.1")]?.rules
            == [.init(glob: "services/*/serverless.yml", test: .yamlContains(path: "plugins", value: "serverless-go-plugin"))])
        #expect(config.checks[.id("4.2")]?.rules
            == [.init(glob: "serverless-compose.yml", test: .yamlExists(path: "services.*.dependsOn"), any: true)])
        #expect(config.checks[.id("3.2.2")]?.builtin == false)
        #expect(config.checks[.id("3.2.3")]?.builtin == true)
    }

    @Test(arguments: [
        ("text:\n      - {in: \"*.yml\", pattern: \"a(\"}", "/x/.plantrack.yml:4: 'checks.1.text[0].pattern' must be a valid regular expression (it does not compile)"),
        ("text:\n      - {in: \"../*.yml\", absent: x}", "/x/.plantrack.yml:4: 'checks.1.text[0].in' must be a glob that stays inside project: (no .. in ../*.yml)"),
        ("text:\n      - {in: \"/etc/*\", absent: x}", "/x/.plantrack.yml:4: 'checks.1.text[0].in' must be a glob relative to project:, not an absolute path (/etc/*)"),
        ("text:\n      - {in: a, absent: x, present: y}", "/x/.plantrack.yml:4: 'checks.1.text[0]' must be exactly one of present, absent, pattern, no_pattern"),
        ("yaml:\n      - {in: a, contains: x}", "/x/.plantrack.yml:4: 'checks.1.yaml[0].path' must be a dotted path (\"provider.runtime\", \"services.*.dependsOn\")"),
        ("yaml:\n      - {in: a, path: b, run: ls}", "/x/.plantrack.yml:4: unknown key 'run' in checks.1.yaml[0] (known keys: in, any, path, contains, equals, absent)"),
    ])
    func badRulesAreErrorsNamingTheKey(body: String, message: String) throws {
        let text = "checks:\n  \"1\":\n    \(body)\n"
        #expect { try PlanTrackConfig.parse(text, file: "/x/.plantrack.yml") } throws: { error in
            (error as? ConfigError)?.description == message && (error as? ConfigError)?.exitCode == 2
        }
    }
}

/// The literal a regular expression's every match holds: the fast path of pattern/no_pattern.
@Suite struct RegexLiteralTests {
    @Test(arguments: [
        ("^\\s*value := lookup\\(ctx, \"/old/", "value := lookup(ctx, \"/old/"),
        ("\\$\\{cf:[a-z]+", "${cf:"),
        ("runtime: go1\\.x$", "runtime: go1.x"),
        ("colou?r: red", "r: red"),
        ("a(bcd)?efgh", "efgh"),
        ("[abc]{2}defg", "defg"),
        ("x{10,200}abc", "abc"),
    ])
    func findsTheRequiredLiteral(pattern: String, literal: String) {
        #expect(RegexLiteral.required(in: pattern) == literal)
    }

    @Test(arguments: ["abc|def", "(?i)secret", "\\d+", "a.b.c", "\\Qa.b\\E", "[[a-z]--[aeiou]]xyz"])
    func givesUpWhereALiteralIsNotRequired(pattern: String) {
        #expect(RegexLiteral.required(in: pattern) == nil)
    }

    @Test func theFastPathAgreesWithTheRegularExpression() throws {
        let folder = try TemporaryFolder("regex-literal")
        defer { folder.remove() }
        try folder.write("a.go", "x\n  value := lookup(ctx, \"/old/a\")\n")
        try folder.write("b.go", "x\n  value := lookup(ctx, \"/new/a\")\n")
        let rule = RepositoryRule(glob: "*.go", test: .noPattern("^\\s*value := lookup\\(ctx, \"/old/"))
        #expect(RepositoryChecker.answers([rule], project: folder.path).outcomes[rule]?.detail
            == "a.go:2 matches /^\\s*value := lookup\\(ctx, \"/old//")
        let present = RepositoryRule(glob: "b.go", test: .pattern("lookup\\(ctx, \"/old/"))
        #expect(RepositoryChecker.answers([present], project: folder.path).outcomes[present]?.ok == false)
    }
}
