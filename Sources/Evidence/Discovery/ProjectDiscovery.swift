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

    static let serverlessNames = ProjectWalk.serverlessNames

    /// Walks `project` for serverless files. `stage`/`region` are the overrides
    /// from the command line or config; nil lets each file's `provider` decide.
    /// `environment` feeds `${env:X}`, over each service's `.env.<stage>` and `.env` (as Serverless loads them).
    /// `exclude` are the globs of `exclude:` in .plantrack.yml: folders where no service is discovered.
    public static func discover(project: String, stage: String?, region: String?,
                                environment: [String: String] = [:], exclude: [String] = [],
                                accountID: AccountID = .notAsked) -> ProjectDiscovery {
        discover(sources: ProjectSources(project: project, exclude: exclude), stage: stage, region: region,
                 environment: environment, accountID: accountID)
    }

    /// The same from files read once for the run (`ProjectSources`): only resolution is done here,
    /// so several stages resolved from one reading read and parse each file once.
    public static func discover(sources: ProjectSources, stage: String?, region: String?,
                                environment: [String: String] = [:], accountID: AccountID = .notAsked) -> ProjectDiscovery {
        let root = sources.root
        let walk = sources.walk
        var problems: [DiscoveryProblem] = []
        var services: [ServerlessService] = []
        let compose = readCompose(walk.compose.first, sources: sources, problems: &problems)
        // `${param:X}` of each compose service, by its folder.
        let composeParams = Dictionary((compose?.services ?? []).map { (compose!.projectPath(of: $0), $0.params) },
                                       uniquingKeysWith: { first, _ in first })
        for relative in walk.serverless {
            let url = root.appendingPathComponent(relative)
            guard let text = sources.text(atPath: url.path), let parsed = sources.document(atPath: url.path) else {
                problems.append(DiscoveryProblem(file: relative, message: "cannot be read as UTF-8 text"))
                continue
            }
            do {
                let folder = url.deletingLastPathComponent()
                let variables = DotEnv.variables(in: folder, stage: stage ?? "dev", over: environment,
                                                 read: sources.text(atPath:))
                let params = composeParams[normalise((relative as NSString).deletingLastPathComponent)] ?? [:]
                services.append(try ServerlessFileReader.read(parsed: parsed, text: text, file: relative, stage: stage,
                                                              region: region, environment: variables, folder: folder.path,
                                                              includes: sources.includes, composeParams: params,
                                                              accountID: accountID))
            } catch {
                problems.append(error.problem)
            }
        }
        services.sort { $0.file < $1.file }
        problems += walk.code.map {
            DiscoveryProblem(file: $0, message: "not read (code): add checks for it under checks: in .plantrack.yml")
        }
        if let compose {
            do {
                let order = try compose.deploymentOrder().map { compose.projectPath(of: $0) }
                services.sort { rank($0.folder, in: order) < rank($1.folder, in: order) }
                let folders = Set(services.map(\.folder))
                for service in compose.services where !folders.contains(compose.projectPath(of: service)) {
                    problems.append(DiscoveryProblem(file: compose.file, message: "service \(service.name): its path "
                        + "\(service.path) holds no serverless file; fix path: or remove the service"))
                }
            } catch {
                problems.append(error.problem)
            }
        }
        return ProjectDiscovery(services: services, compose: compose, problems: problems)
    }

    private static func readCompose(_ name: String?, sources: ProjectSources, problems: inout [DiscoveryProblem]) -> ComposeFile? {
        guard let name, let text = sources.text(atPath: sources.path(name)) else {
            return nil
        }
        do {
            return try ComposeFile.parse(text, file: name)
        } catch {
            problems.append(error.problem)
            return nil
        }
    }

    /// Some name needs `${aws:accountId}`, not asked yet: ask STS, then discover again.
    public var needsAccountID: Bool { services.contains(where: \.needsAccountID) }

    /// Whether `serverless compose deploy` deploys the service: every service when there is no
    /// compose file, else those it lists (issue 8 point 13).
    public func isInCompose(_ service: ServerlessService) -> Bool {
        guard let compose else { return true }
        return compose.services.contains { compose.projectPath(of: $0) == service.folder }
    }

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
}
