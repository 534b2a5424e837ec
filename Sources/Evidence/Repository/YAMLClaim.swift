import Foundation
import Yams

/// A `yaml:` rule held against one parsed file. A path is dotted keys; `*` matches any key
/// of a mapping or any element of a list, and a number an element by position.
enum YAMLClaim {
    static func check(_ test: RepositoryRule.Test, _ root: Node?, path file: String) -> RepositoryChecker.FileOutcome {
        switch test {
        case .yamlExists(let path):
            return nodes(at: path, in: root).isEmpty ? .fails("\(file) has no \(path)") : .holds
        case .yamlAbsent(let path):
            guard let first = nodes(at: path, in: root).first else { return .holds }
            return .fails("\(place(file, first)) still has \(path)")
        case .yamlContains(let path, let value):
            let found = nodes(at: path, in: root)
            guard let first = found.first else { return .fails("\(file) has no \(path)") }
            return found.contains { holds($0, value) } ? .holds : .fails("\(place(file, first)) \(path) has no \(value)")
        case .yamlEquals(let path, let value):
            let found = nodes(at: path, in: root)
            guard !found.isEmpty else { return .fails("\(file) has no \(path)") }
            if let wrong = found.first(where: { $0.scalar?.string != value }) {
                return .fails("\(place(file, wrong)) \(path) is \(wrong.scalar?.string ?? "not a single value"), not \(value)")
            }
            return .holds
        case .deploymentOrder:
            return deploymentOrder(root, file: file)
        case .present, .absent, .pattern, .noPattern, .fileExists, .noFileOutside:
            return .unknown("\(file): not a YAML rule")
        }
    }

    /// Every node the dotted path reaches.
    static func nodes(at path: String, in root: Node?) -> [Node] {
        guard let root else { return [] }
        var current = [root]
        for key in path.split(separator: ".").map(String.init) {
            current = current.flatMap { children(of: $0, key) }
        }
        return current
    }

    private static func children(of node: Node, _ key: String) -> [Node] {
        if let mapping = node.mapping {
            return mapping.compactMap { entry in
                key == "*" || entry.key.scalar?.string == key ? entry.value : nil
            }
        }
        if let sequence = node.sequence {
            if key == "*" { return Array(sequence) }
            guard let index = Int(key), index >= 0, index < sequence.count else { return [] }
            return [sequence[index]]
        }
        return []
    }

    /// A list holding the value, a mapping with it as a key, or the value itself.
    private static func holds(_ node: Node, _ value: String) -> Bool {
        if let sequence = node.sequence { return sequence.contains { $0.scalar?.string == value } }
        if let mapping = node.mapping { return mapping.keys.contains { $0.scalar?.string == value } }
        return node.scalar?.string == value
    }

    /// A compose file's deployment order is defined when every service has `dependsOn`
    /// or another service depends on it (a root); one that takes no part has no place in it.
    static func deploymentOrder(_ root: Node?, file: String) -> RepositoryChecker.FileOutcome {
        guard let services = nodes(at: "services", in: root).first?.mapping, !services.isEmpty else {
            return .fails("\(file) has no services")
        }
        guard services.count > 1 else { return .holds }
        let dependedOn = Set(services.values.flatMap { service in
            nodes(at: "dependsOn", in: service).flatMap { node in
                node.sequence.map { $0.compactMap { $0.scalar?.string } } ?? [node.scalar?.string].compactMap { $0 }
            }
        })
        for (key, service) in services {
            let name = key.scalar?.string ?? ""
            let depends = nodes(at: "dependsOn", in: service).contains { !($0.sequence?.isEmpty ?? false) && !$0.isNull }
            if !depends && !dependedOn.contains(name) {
                return .fails("\(place(file, key)) service \(name) has no dependsOn and nothing depends on it")
            }
        }
        return .holds
    }

    private static func place(_ file: String, _ node: Node) -> String {
        node.mark.map { "\(file):\($0.line)" } ?? file
    }
}
