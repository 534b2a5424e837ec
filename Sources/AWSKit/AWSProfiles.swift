import Foundation

/// The profiles of ~/.aws/config and ~/.aws/credentials (or the files
/// AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE name). In the config file a
/// profile is `[profile x]` (or `[default]`); in the credentials file it is `[x]`.
struct AWSProfiles: Sendable, Equatable {
    var configPath: String
    var credentialsPath: String
    /// Profile name → settings from the config file.
    var config: [String: [String: String]]
    /// Profile name → settings from the credentials file.
    var credentials: [String: [String: String]]
    /// `[services x]` sections of the config file.
    var services: [String: [String: String]]

    static func load(environment: [String: String], home: String) throws(AWSError) -> AWSProfiles {
        let configPath = expand(environment["AWS_CONFIG_FILE"] ?? "~/.aws/config", home: home)
        let credentialsPath = expand(environment["AWS_SHARED_CREDENTIALS_FILE"] ?? "~/.aws/credentials", home: home)
        let configFile = try read(configPath)
        let credentialsFile = try read(credentialsPath)
        var config: [String: [String: String]] = [:]
        var services: [String: [String: String]] = [:]
        for name in configFile.order {
            let values = configFile.sections[name]!
            if name == "default" {
                config["default", default: [:]].merge(values) { _, new in new }
            } else if let profile = name.dropPrefix("profile ") {
                config[profile, default: [:]].merge(values) { _, new in new }
            } else if let service = name.dropPrefix("services ") {
                services[service] = values
            }
            // Other sections (sso-session, plain `[x]`) are not profiles in the config file.
        }
        return AWSProfiles(configPath: configPath, credentialsPath: credentialsPath,
                           config: config, credentials: credentialsFile.sections, services: services)
    }

    func exists(_ profile: String) -> Bool {
        config[profile] != nil || credentials[profile] != nil
    }

    /// One setting of a profile, the credentials file winning over the config file (as in the CLI).
    func value(_ key: String, profile: String) -> String? {
        nonEmpty(credentials[profile]?[key]) ?? nonEmpty(config[profile]?[key])
    }

    /// Which file a setting of a profile came from, for error messages.
    func file(of key: String, profile: String) -> String {
        nonEmpty(credentials[profile]?[key]) != nil ? credentialsPath : configPath
    }

    static func expand(_ path: String, home: String) -> String {
        if path == "~" { return home }
        if path.hasPrefix("~/") { return home + path.dropFirst() }
        return path
    }

    private static func read(_ path: String) throws(AWSError) -> INIFile {
        guard FileManager.default.fileExists(atPath: path) else { return INIFile() }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .unreadableFile(path: path, line: nil, reason: "it cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadableFile(path: path, line: nil, reason: "it is not UTF-8 text")
        }
        return try INIFile.parse(text, path: path)
    }
}

func nonEmpty(_ value: String?) -> String? {
    guard let value, !value.isEmpty else { return nil }
    return value
}

extension String {
    func dropPrefix(_ prefix: String) -> String? {
        guard hasPrefix(prefix) else { return nil }
        return String(dropFirst(prefix.count)).trimmingSpaces()
    }
}
