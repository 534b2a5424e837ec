import Foundation

/// Everything the serverless project says should exist in AWS for one stage.
public struct ProjectDiscovery: Sendable, Equatable {
    /// In deployment order when a compose file gives one, else by path.
    public var services: [ServerlessService]
    public var compose: ComposeFile?
    /// Files that could not be read; the rest of the project is still used.
    public var problems: [DiscoveryProblem]

    public init(services: [ServerlessService], compose: ComposeFile?, problems: [DiscoveryProblem]) {
        self.services = services
        self.compose = compose
        self.problems = problems
    }

    static let serverlessNames: Set<String> = ["serverless.yml", "serverless.yaml"]
    static let composeNames = ["serverless-compose.yml", "serverless-compose.yaml"]
    static let skippedFolders: Set<String> = ["node_modules", ".serverless", ".git"]

    /// Walks `project` for serverless files. `stage`/`region` are the overrides
    /// from the command line or config; nil lets each file's `provider` decide.
    /// `environment` feeds `${env:X}`, over each service's `.env.<stage>` and `.env` (as Serverless loads them).
    public static func discover(project: String, stage: String?, region: String?,
                                environment: [String: String] = [:], accountID: AccountID = .notAsked) -> ProjectDiscovery {
        let root = URL(fileURLWithPath: project).standardizedFileURL
        var problems: [DiscoveryProblem] = []
        var services: [ServerlessService] = []
        let compose = readCompose(in: root, problems: &problems)
        // `${param:X}` of each compose service, by its folder.
        let composeParams = Dictionary((compose?.services ?? []).map { (normalise($0.path), $0.params) },
                                       uniquingKeysWith: { first, _ in first })
        let includes = IncludedFiles()
        for relative in serverlessFiles(under: root) {
            let url = root.appendingPathComponent(relative)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                problems.append(DiscoveryProblem(file: relative, message: "cannot be read as UTF-8 text"))
                continue
            }
            do {
                let folder = url.deletingLastPathComponent()
                let variables = DotEnv.variables(in: folder, stage: stage ?? "dev", over: environment)
                let params = composeParams[normalise((relative as NSString).deletingLastPathComponent)] ?? [:]
                services.append(try ServerlessFileReader.read(text: text, file: relative, stage: stage, region: region,
                                                              environment: variables, folder: folder.path,
                                                              includes: includes, composeParams: params,
                                                              accountID: accountID))
            } catch {
                problems.append(error.problem)
            }
        }
        services.sort { $0.file < $1.file }

        if let compose {
            do {
                let order = try compose.deploymentOrder().map { normalise($0.path) }
                services.sort { rank($0.folder, in: order) < rank($1.folder, in: order) }
            } catch {
                problems.append(error.problem)
            }
        }
        return ProjectDiscovery(services: services, compose: compose, problems: problems)
    }

    private static func readCompose(in root: URL, problems: inout [DiscoveryProblem]) -> ComposeFile? {
        for name in composeNames {
            guard let text = try? String(contentsOf: root.appendingPathComponent(name), encoding: .utf8) else { continue }
            do {
                return try ComposeFile.parse(text, file: name)
            } catch {
                problems.append(error.problem)
                return nil
            }
        }
        return nil
    }

    /// Some name needs `${aws:accountId}`, not asked yet: ask STS, then discover again.
    public var needsAccountID: Bool { services.contains(where: \.needsAccountID) }

    /// Services whose folder is `folder` or lies under it (`infra` → infra/cognito, …).
    public func services(under folder: String) -> [ServerlessService] {
        let wanted = Self.normalise(folder)
        return services.filter { wanted.isEmpty || $0.folder == wanted || $0.folder.hasPrefix(wanted + "/") }
    }

    /// The service defined by a given serverless file path.
    public func service(file: String) -> ServerlessService? {
        let wanted = Self.normalise(file)
        return services.first { $0.file == wanted }
    }

    static func normalise(_ path: String) -> String {
        var parts: [String] = []
        for part in path.split(separator: "/") where part != "." && !part.isEmpty {
            parts.append(String(part))
        }
        return parts.joined(separator: "/")
    }

    private static func rank(_ folder: String, in order: [String]) -> Int {
        order.firstIndex(of: folder) ?? order.count
    }

    private static func serverlessFiles(under root: URL) -> [String] {
        let manager = FileManager.default
        var found: [String] = []
        var queue: [String] = [""]
        while let relative = queue.popLast() {
            let url = relative.isEmpty ? root : root.appendingPathComponent(relative)
            guard let entries = try? manager.contentsOfDirectory(atPath: url.path) else { continue }
            for entry in entries.sorted() {
                let path = relative.isEmpty ? entry : relative + "/" + entry
                var isFolder: ObjCBool = false
                guard manager.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isFolder) else { continue }
                if isFolder.boolValue {
                    if !skippedFolders.contains(entry) { queue.append(path) }
                } else if serverlessNames.contains(entry) {
                    found.append(path)
                }
            }
        }
        return found
    }
}
