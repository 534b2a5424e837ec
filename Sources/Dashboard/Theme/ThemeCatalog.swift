import Foundation
import PlanKit

/// Where themes are found, highest precedence first: `themes/` next to the plan
/// (or its config), `$XDG_CONFIG_HOME/plantrack/themes` (`~/.config/…` when unset),
/// `share/plantrack/themes` of the prefix the binary is installed in, then the
/// built-in ones. A file named like a built-in theme replaces it.
public struct ThemeCatalog: Sendable {
    public enum Origin: Sendable, Equatable {
        case builtIn
        case file(path: String)
    }

    public struct Entry: Sendable, Equatable {
        public var name: String
        public var origin: Origin
        /// True when a file shadows the built-in theme of the same name with other text
        /// (a copy of the shipped file, as in this repo's themes/, overrides nothing).
        public var overridesBuiltIn: Bool
    }

    /// Folders searched for `NAME.yml` (and `NAME.yaml`), highest precedence first.
    public var directories: [String]

    public init(directories: [String]) {
        self.directories = directories
    }

    /// The standard search path for a plan in `planDirectory`; `installed` is the
    /// themes folder of the install prefix.
    public static func standard(planDirectory: String?, environment: [String: String],
                                installed: String? = installedThemesDirectory()) -> ThemeCatalog {
        var directories: [String] = []
        if let planDirectory { directories.append((planDirectory as NSString).appendingPathComponent("themes")) }
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
            directories.append((xdg as NSString).appendingPathComponent("plantrack/themes"))
        } else if let home = environment["HOME"], !home.isEmpty {
            directories.append((home as NSString).appendingPathComponent(".config/plantrack/themes"))
        }
        if let installed { directories.append(installed) }
        return ThemeCatalog(directories: directories)
    }

    /// `PREFIX/share/plantrack/themes` for a binary at `PREFIX/bin/plantrack` (where
    /// `make install` puts both); nil when the executable's path is unknown.
    public static func installedThemesDirectory(executable: String? = Bundle.main.executablePath) -> String? {
        guard let executable else { return nil }
        let prefix = URL(fileURLWithPath: executable).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent()
        return prefix.appendingPathComponent("share/plantrack/themes").path
    }

    /// Every theme found, each name once (its highest-precedence origin): the built-in
    /// names first in their usual order, then the others alphabetically.
    public func entries() -> [Entry] {
        var files: [String: String] = [:]
        for directory in directories.reversed() {
            for (name, path) in themeFiles(in: directory) { files[name] = path }
        }
        var result = BuiltInThemes.names.map { name in
            files[name].map { path in
                let differs = (try? String(contentsOfFile: path, encoding: .utf8)) != BuiltInThemes.source(named: name)
                return Entry(name: name, origin: .file(path: path), overridesBuiltIn: differs)
            }
                ?? Entry(name: name, origin: .builtIn, overridesBuiltIn: false)
        }
        for name in files.keys.sorted() where !BuiltInThemes.names.contains(name) {
            result.append(Entry(name: name, origin: .file(path: files[name]!), overridesBuiltIn: false))
        }
        return result
    }

    /// The theme `reference` names: a theme name looked up on the search path, or a
    /// path to a `.yml` file. Its rules are laid over the built-in default.
    public func load(_ reference: String) throws(ThemeError) -> Theme {
        if reference.contains("/") || reference.hasSuffix(".yml") || reference.hasSuffix(".yaml") {
            return try Self.load(file: reference)
        }
        if let entry = entries().first(where: { $0.name == reference }) {
            switch entry.origin {
            case .file(let path): return try Self.load(file: path, name: reference)
            case .builtIn:
                return try ThemeParser.parse(yaml: BuiltInThemes.source(named: reference) ?? "",
                                             file: "built-in \(reference).yml", name: reference)
            }
        }
        throw .notFound(name: reference, searched: directories)
    }

    /// The theme in file `path`, named after the file unless `name` is given.
    public static func load(file path: String, name: String? = nil) throws(ThemeError) -> Theme {
        let text: String
        do {
            text = try TextFile.read(path)
        } catch {
            throw .unreadable(file: path, reason: error.reason)
        }
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return try ThemeParser.parse(yaml: text, file: path, name: name ?? stem)
    }

    private func themeFiles(in directory: String) -> [(String, String)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.sorted().compactMap { file in
            let ext = (file as NSString).pathExtension
            guard ext == "yml" || ext == "yaml", !file.hasPrefix(".") else { return nil }
            return ((file as NSString).deletingPathExtension, (directory as NSString).appendingPathComponent(file))
        }
    }
}
