import Foundation
import TestSupport
import Testing
@testable import Dashboard

@Suite("Theme lookup and the shipped themes")
struct ThemeCatalogTests {
    @Test("the embedded themes are themes/*.yml byte for byte", arguments: BuiltInThemes.names)
    func embeddedMatchFiles(name: String) throws {
        let file = Repository.url("themes/\(name).yml")
        let onDisk = try String(contentsOf: file, encoding: .utf8)
        #expect(BuiltInThemes.source(named: name) == onDisk, "regenerate BuiltInThemes.swift from themes/\(name).yml")
    }

    @Test("every shipped theme loads and tells done from todo and the selection from text",
          arguments: BuiltInThemes.names)
    func shippedThemesAreUsable(name: String) throws {
        let theme = try ThemeCatalog(directories: []).load(name)
        #expect(theme.name == name)
        #expect(theme[.stateDone] != theme[.stateTodo])
        #expect(theme[.selection] != theme[.text])
        #expect(theme[.verdictDrift] != theme[.verdictVerified])
    }

    @Test("mono has no colour on any role, with or without emphasis")
    func monoIsColourless() throws {
        let mono = try ThemeCatalog(directories: []).load("mono")
        for role in StyleRole.allCases {
            for emphasis in [Emphasis(), .code, .strong] {
                let style = mono.style(for: role, emphasis: emphasis)
                #expect(style.foreground == .terminalDefault && style.background == .terminalDefault,
                        "mono colours \(role.rawValue)")
            }
        }
    }

    @Test("themes next to the plan come first, then XDG, then built-in; files override built-ins")
    func lookupOrder() throws {
        let root = try TemporaryFolder("themes")
        defer { root.remove() }
        let planThemes = root.url("project/themes")
        try root.write("project/themes/ocean.yml", "title: { fg: red }\n")
        try root.write("xdg/plantrack/themes/ocean.yml", "title: { fg: blue }\n")
        try root.write("xdg/plantrack/themes/forest.yaml", "title: { fg: green }\n")
        try root.write("project/themes/default.yml", "stateDone: magenta\n")

        let catalog = ThemeCatalog.standard(planDirectory: root.path("project"),
                                            environment: ["XDG_CONFIG_HOME": root.path("xdg"),
                                                          "HOME": "/nonexistent"])
        let entries = catalog.entries()
        #expect(entries.map(\.name) == BuiltInThemes.names + ["forest", "ocean"])
        #expect(entries.first { $0.name == "ocean" }?.origin == .file(path: planThemes.appendingPathComponent("ocean.yml").path))
        #expect(entries.first { $0.name == "default" }?.overridesBuiltIn == true)
        #expect(entries.first { $0.name == "light" }?.origin == .builtIn)

        #expect(try catalog.load("ocean")[.title].foreground == .indexed(1))  // the plan's copy wins over XDG's
        #expect(try catalog.load("forest")[.title].foreground == .indexed(2))
        #expect(try catalog.load("default")[.stateDone].foreground == .indexed(5))
        #expect(try catalog.load("default")[.stateAborted] == Theme.default[.stateAborted])
    }

    @Test("HOME's .config is searched when XDG_CONFIG_HOME is unset")
    func homeFallback() {
        let catalog = ThemeCatalog.standard(planDirectory: "/p", environment: ["HOME": "/home/ana"], installed: nil)
        #expect(catalog.directories == ["/p/themes", "/home/ana/.config/plantrack/themes"])
    }

    @Test("the install prefix's share/plantrack/themes is searched after XDG's, before the built-in themes")
    func installPrefix() throws {
        #expect(ThemeCatalog.installedThemesDirectory(executable: "/usr/bin/plantrack") == "/usr/share/plantrack/themes")
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("plantrack-prefix-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let installed = root.appendingPathComponent("usr/share/plantrack/themes")
        try FileManager.default.createDirectory(at: installed, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("usr/bin"), withIntermediateDirectories: true)
        try "title: { fg: red }\n".write(to: installed.appendingPathComponent("sunset.yml"), atomically: true, encoding: .utf8)
        let binary = root.appendingPathComponent("usr/bin/plantrack").path
        #expect(ThemeCatalog.installedThemesDirectory(executable: binary) == installed.path)

        let catalog = ThemeCatalog.standard(planDirectory: "/p", environment: ["XDG_CONFIG_HOME": "/x"],
                                            installed: ThemeCatalog.installedThemesDirectory(executable: binary))
        #expect(catalog.directories == ["/p/themes", "/x/plantrack/themes", installed.path])
        #expect(catalog.entries().first { $0.name == "sunset" }?.origin == .file(path: installed.appendingPathComponent("sunset.yml").path))
        #expect(try catalog.load("sunset")[.title].foreground == .indexed(1))
    }

    @Test("an unknown name and a missing file are errors that name them")
    func notFound() {
        let catalog = ThemeCatalog(directories: ["/p/themes"])
        let error = #expect(throws: ThemeError.self) { try catalog.load("ocean") }
        #expect(error == .notFound(name: "ocean", searched: ["/p/themes"]))
        #expect(error?.description.contains("No theme named 'ocean'") == true)
        #expect(throws: ThemeError.unreadable(file: "/nonexistent/t.yml", reason: "no such file")) {
            try catalog.load("/nonexistent/t.yml")
        }
    }

    @Test("a malformed theme in the catalog is reported with its path")
    func malformedFileInCatalog() throws {
        let folder = try TemporaryFolder("bad")
        defer { folder.remove() }
        let path = try folder.write("bad.yml", "text: { fg: red }\nstateDone: { bg: nope }\n").path
        #expect(throws: ThemeError.badColor(file: path, line: 2, key: "stateDone.bg", value: "nope")) {
            try ThemeCatalog(directories: [folder.path]).load("bad")
        }
    }
}
