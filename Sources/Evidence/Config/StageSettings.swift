import Yams

/// One stage's own AWS settings, from the map form of `stages:` (CONTRACT §6):
/// `prod: {profile: listbackup-prod, region: us-west-2, account: "123456789012"}`.
/// Dev and prod usually live in different accounts, so each stage may name its own.
public struct StageSettings: Sendable, Equatable {
    /// A profile below `--profile`, environment keys and AWS_PROFILE, above `profile:` of the file.
    public var profile: String?
    /// Below `--region`, above `region:` of the file.
    public var region: String?
    /// The account STS GetCallerIdentity must answer, else the stage is not asked.
    public var account: String?

    public init(profile: String? = nil, region: String? = nil, account: String? = nil) {
        self.profile = profile
        self.region = region
        self.account = account
    }

    static let knownKeys = ["profile", "region", "account"]

    /// `stages:` as a list of names, or a map from name to settings; the names keep the file's order.
    static func read(_ node: Node, reader: NodeReader) throws(ConfigError) -> (names: [String], settings: [String: StageSettings]) {
        guard let mapping = node.mapping else { return (try reader.strings(node, key: "stages"), [:]) }
        var names: [String] = []
        var settings: [String: StageSettings] = [:]
        for (nameNode, body) in mapping {
            let name = nameNode.scalar?.string ?? ""
            names.append(name)
            settings[name] = try read(stage: name, body, reader: reader)
        }
        return (names, settings)
    }

    private static func read(stage: String, _ body: Node, reader: NodeReader) throws(ConfigError) -> StageSettings {
        var result = StageSettings()
        if body.isNull { return result }
        guard let fields = body.mapping else {
            throw .badValue(file: reader.file, line: body.mark?.line, key: "stages.\(stage)",
                            expected: "a mapping with profile, region or account")
        }
        for (fieldNode, value) in fields {
            let field = fieldNode.scalar?.string ?? ""
            let key = "stages.\(stage).\(field)"
            switch field {
            case "profile": result.profile = try reader.string(value, key: key)
            case "region": result.region = try reader.string(value, key: key)
            case "account":
                let account = try reader.string(value, key: key)
                guard account.map(isAccountID) ?? true else {
                    throw .badValue(file: reader.file, line: value.mark?.line, key: key,
                                    expected: "a 12-digit AWS account id")
                }
                result.account = account
            default:
                throw .unknownKey(file: reader.file, line: fieldNode.mark?.line, key: field,
                                  place: "in stages.\(stage) (known keys: \(knownKeys.joined(separator: ", ")))")
            }
        }
        return result
    }

    private static func isAccountID(_ text: String) -> Bool {
        text.count == 12 && text.allSatisfy(\.isASCII) && text.allSatisfy(\.isNumber)
    }
}
