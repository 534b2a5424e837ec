import Foundation
import Yams

/// `serverless-compose.yml`: the services of the project, where they live, what
/// each depends on, and the order `serverless compose deploy` takes them in.
public struct ComposeFile: Sendable, Equatable {
    public struct Service: Sendable, Equatable {
        public var name: String
        /// Folder relative to the compose file.
        public var path: String
        public var dependsOn: [String]
        /// `params:` given to the service (`${param:X}`), as written: `${other.Output}` stays.
        public var params: [String: String]

        public init(name: String, path: String, dependsOn: [String] = [], params: [String: String] = [:]) {
            self.params = params
            self.name = name
            self.path = path
            self.dependsOn = dependsOn
        }
    }

    /// Relative to the project folder.
    public var file: String
    /// In file order.
    public var services: [Service]

    public init(file: String, services: [Service]) {
        self.file = file
        self.services = services
    }

    public static func parse(_ text: String, file: String) throws(DiscoveryProblemError) -> ComposeFile {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw DiscoveryProblemError(DiscoveryProblem(file: file, message: "not valid YAML: \(error)"))
        }
        guard let services = root?["services"]?.mapping else {
            throw DiscoveryProblemError(DiscoveryProblem(file: file, message: "has no services: mapping"))
        }
        var result: [Service] = []
        for (key, body) in services {
            let name = key.scalar?.string ?? "?"
            guard let path = body["path"]?.scalar?.string else {
                throw DiscoveryProblemError(DiscoveryProblem(file: file, message: "service \(name) has no path:"))
            }
            var depends: [String] = []
            if let node = body["dependsOn"] {
                depends = node.scalar.map { [$0.string] } ?? node.array().compactMap { $0.scalar?.string }
            }
            var params: [String: String] = [:]
            for (key, value) in body["params"]?.mapping ?? [:] {
                if let key = key.scalar?.string, let value = value.scalar?.string { params[key] = value }
            }
            result.append(Service(name: name, path: path, dependsOn: depends, params: params))
        }
        return ComposeFile(file: file, services: result)
    }

    /// The folder of the compose file, relative to the project (empty at its root).
    public var folder: String { (file as NSString).deletingLastPathComponent }

    /// A service's folder relative to the project: its `path:` is relative to the compose file.
    public func projectPath(of service: Service) -> String {
        var parts: [Substring] = []
        for part in (folder + "/" + service.path).split(separator: "/") where part != "." {
            if part == "..", !parts.isEmpty { parts.removeLast() } else { parts.append(part) }
        }
        return parts.joined(separator: "/")
    }

    /// Deployment order: every service after those it depends on, otherwise file
    /// order. A cycle or an unknown name is reported, not looped over.
    public func deploymentOrder() throws(DiscoveryProblemError) -> [Service] {
        let byName = Dictionary(services.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for service in services {
            for dependency in service.dependsOn where byName[dependency] == nil {
                throw DiscoveryProblemError(DiscoveryProblem(
                    file: file, message: "service \(service.name) depends on \(dependency), which is not defined"))
            }
        }
        var placed: [Service] = []
        var done = Set<String>()
        while placed.count < services.count {
            guard let next = services.first(where: { !done.contains($0.name) && $0.dependsOn.allSatisfy(done.contains) })
            else {
                let stuck = services.filter { !done.contains($0.name) }.map(\.name).joined(separator: ", ")
                throw DiscoveryProblemError(DiscoveryProblem(file: file, message: "dependsOn forms a cycle among \(stuck)"))
            }
            placed.append(next)
            done.insert(next.name)
        }
        return placed
    }
}
