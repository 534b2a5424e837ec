import Testing
@testable import Dashboard

@Suite("Theme files")
struct ThemeParserTests {
    @Test("the default theme styles every role")
    func defaultCoversEveryRole() {
        for role in StyleRole.allCases {
            #expect(Theme.default.rules[role] != nil, "default.yml has no rule for \(role.rawValue)")
        }
    }

    @Test("colours as names, bright names, 0–255, #rrggbb, #rgb and default",
          arguments: [
              ("red", ThemeColor.indexed(1)), ("brightRed", .indexed(9)), ("bright-red", .indexed(9)),
              ("BRIGHT_WHITE", .indexed(15)), ("grey", .indexed(8)), ("0", .indexed(0)), ("202", .indexed(202)),
              ("255", .indexed(255)), ("#ff8700", .rgb(red: 255, green: 135, blue: 0)),
              ("#F80", .rgb(red: 255, green: 136, blue: 0)), ("default", .terminalDefault),
          ])
    func colourForms(text: String, expected: ThemeColor) {
        #expect(ThemeColor(parsing: text) == expected)
    }

    @Test("text that is no colour is refused", arguments: ["reddish", "256", "-1", "#12345", "#gggggg", "", "rgb(1,2,3)"])
    func notColours(text: String) {
        #expect(ThemeColor(parsing: text) == nil)
    }

    @Test("a file overrides only the fields it names")
    func partialOverride() throws {
        let theme = try ThemeParser.parse(yaml: "title: { fg: red }\nstateDone: magenta\n", file: "mine.yml", name: "mine")
        #expect(theme.name == "mine")
        #expect(theme[.title] == TextStyle(foreground: .indexed(1), attributes: [.bold]))  // bold kept from default
        #expect(theme[.stateDone].foreground == .indexed(5))  // a bare colour is the foreground
        for role in StyleRole.allCases where role != .title && role != .stateDone {
            #expect(theme[role] == Theme.default[role], "\(role.rawValue) changed though the file did not name it")
        }
    }

    @Test("roles without their own colour take the text role's, so a themed background covers every role")
    func coloursFollowText() throws {
        let theme = try ThemeParser.parse(yaml: "text: { fg: '#839496', bg: '#002b36' }", file: "bg.yml", name: "bg")
        let background = ThemeColor.rgb(red: 0, green: 0x2b, blue: 0x36)
        #expect(theme[.stateDone] == TextStyle(foreground: .indexed(2), background: background))
        #expect(theme[.title] == TextStyle(foreground: .rgb(red: 0x83, green: 0x94, blue: 0x96), background: background,
                                           attributes: [.bold]))
        #expect(theme[.searchMatch].background == .indexed(3))  // a role's own background still wins
    }

    @Test("code and strong emphasis are laid over the cell's role")
    func emphasis() {
        let theme = Theme.default
        #expect(theme.style(for: .stateDone, emphasis: .code).foreground == .indexed(6))  // code is cyan
        #expect(theme.style(for: .stateDone, emphasis: .strong) == TextStyle(foreground: .indexed(2), attributes: [.bold]))
        #expect(theme.style(for: .selection, emphasis: .code) == TextStyle(foreground: .indexed(6), attributes: [.reverse]))
        #expect(theme.style(for: .text, emphasis: .underline).attributes == [.underline])
    }

    @Test("an unknown role names the file, the line and the key")
    func unknownRole() {
        let error = #expect(throws: ThemeError.self) {
            try ThemeParser.parse(yaml: "text: { fg: red }\ntitel: { bold: true }\n", file: "themes/ocean.yml", name: "ocean")
        }
        #expect(error == .unknownRole(file: "themes/ocean.yml", line: 2, key: "titel"))
        #expect(error?.description.hasPrefix("Theme file themes/ocean.yml:2: unknown role 'titel'") == true)
    }

    @Test("a bad colour names the file, line, role.key and the value")
    func badColour() {
        let error = #expect(throws: ThemeError.self) {
            try ThemeParser.parse(yaml: "# ocean\n\nstateDone: { fg: grene }\n", file: "ocean.yml", name: "ocean")
        }
        #expect(error == .badColor(file: "ocean.yml", line: 3, key: "stateDone.fg", value: "grene"))
        #expect(error?.description.contains("ocean.yml:3: 'stateDone.fg' has colour 'grene'") == true)
    }

    @Test("a bare bad colour names the role")
    func bareBadColour() {
        #expect(throws: ThemeError.badColor(file: "t.yml", line: 1, key: "stateDone", value: "300")) {
            try ThemeParser.parse(yaml: "stateDone: 300", file: "t.yml", name: "t")
        }
    }

    @Test("an unknown style key and a bad flag are named")
    func unknownFieldAndBadFlag() {
        #expect(throws: ThemeError.unknownField(file: "t.yml", line: 1, role: "title", key: "colour")) {
            try ThemeParser.parse(yaml: "title: { colour: red }", file: "t.yml", name: "t")
        }
        #expect(throws: ThemeError.badFlag(file: "t.yml", line: 2, key: "title.bold", value: "maybe")) {
            try ThemeParser.parse(yaml: "title:\n  bold: maybe\n", file: "t.yml", name: "t")
        }
    }

    @Test("broken YAML and a file that is not a mapping name the file")
    func malformed() {
        let broken = #expect(throws: ThemeError.self) {
            try ThemeParser.parse(yaml: "title: { fg: red\n", file: "broken.yml", name: "broken")
        }
        guard case .malformedYAML(let file, _)? = broken else {
            Issue.record("expected malformedYAML, got \(String(describing: broken))")
            return
        }
        #expect(file == "broken.yml")
        #expect(broken?.description.hasPrefix("Theme file broken.yml is not valid YAML") == true)
        #expect(throws: ThemeError.notAMapping(file: "list.yml")) {
            try ThemeParser.parse(yaml: "- text\n- title\n", file: "list.yml", name: "list")
        }
    }

    @Test("an empty file is the default theme under another name")
    func emptyFile() throws {
        let theme = try ThemeParser.parse(yaml: "# nothing yet\n", file: "empty.yml", name: "empty")
        #expect(theme.rules == Theme.default.rules)
    }
}
