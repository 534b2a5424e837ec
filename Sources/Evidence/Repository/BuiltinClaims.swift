import Foundation
import PlanKit

/// Claims a Serverless refactor's items make about the code, read from their words without any
/// configuration (docs/evidence.md, "Built-in claims"). Each fires only where the wording is
/// unambiguous; `checks: {"3.2.2": {builtin: false}}` switches them off for an item.
public enum BuiltinClaims {
    /// The built-in claims of one item as expectations (the linker's hook).
    static func expectations(for item: PlanItem, byIndex: [Int: PlanItem], ownPaths: [Int: [String]],
                             discovery: ProjectDiscovery) -> [ExpectedEvidence] {
        var ancestors: [PlanItem] = []
        var cursor = item.parent
        while let index = cursor, let parent = byIndex[index], !ancestors.contains(where: { $0.index == index }) {
            ancestors.append(parent)
            cursor = parent.parent
        }
        let own = Set([item.index] + ancestors.map(\.index))
        let namedElsewhere = Set(ownPaths.filter { !own.contains($0.key) }.values.joined())
        return rules(for: item, ancestors: ancestors, discovery: discovery, namedElsewhere: namedElsewhere)
            .map { $0.expectation(source: "built in") }
    }

    /// What the item's words claim, as repository rules.
    /// - Parameters:
    ///   - ancestors: the item's parents, nearest first (a sub-item reads "the services" from them).
    ///   - namedElsewhere: serverless files that other items (not this one, not its parents) name
    ///     in backticks: such a service is the business of the item that names it.
    static func rules(for item: PlanItem, ancestors: [PlanItem], discovery: ProjectDiscovery,
                      namedElsewhere: Set<String>) -> [RepositoryRule] {
        let words = Words(item.text)
        var rules: [RepositoryRule] = []
        if words.says("move"), words.spans.contains(where: { $0.hasPrefix("serverless-") && $0.contains("*") }),
           words.spans.contains("services") || words.spans.contains("services/") {
            rules += movedIntoServices
        }
        let underServices = ([item] + ancestors).contains { Words($0.text).says("service") || Words($0.text).says("services") }
        if underServices, words.says("remove"), words.spans.contains("resources") {
            rules += serviceFiles(discovery, namedElsewhere).map { RepositoryRule(glob: $0, test: .yamlAbsent(path: "resources")) }
        }
        if underServices, words.says("replace"), words.spans.contains(where: { $0.hasPrefix("${cf:") }),
           words.spans.contains(where: { $0.hasPrefix("${ssm:") }) {
            rules += serviceFiles(discovery, namedElsewhere).map { RepositoryRule(glob: $0, test: .absent("${cf:")) }
        }
        if words.says("create"), let compose = words.spans.first(where: { ProjectWalk.composeNames.contains($0) }) {
            rules.append(RepositoryRule(glob: compose, test: .yamlExists(path: "services")))
        }
        if words.plain.contains("deployment order") {
            rules.append(RepositoryRule(glob: discovery.compose?.file ?? ProjectWalk.composeNames[0], test: .deploymentOrder))
        }
        return rules
    }

    /// "Move all `serverless-*.yml` files into `services`": none left outside, at least one inside.
    static let movedIntoServices = [
        RepositoryRule(glob: "**/serverless-*.yml", test: .noFileOutside(folder: "services", except: ProjectWalk.composeNames)),
        RepositoryRule(glob: "services/**/serverless*.yml", test: .fileExists),
    ]

    /// The application services' files: discovered under `services/`, less those another item names.
    /// None found: the glob, which then fails saying that nothing matches.
    static func serviceFiles(_ discovery: ProjectDiscovery, _ namedElsewhere: Set<String>) -> [String] {
        let files = discovery.services(under: "services").map(\.file).filter { !namedElsewhere.contains($0) }
        return files.isEmpty ? ["services/*/serverless.yml"] : files
    }

    /// An item's words: the plain lower-case text, its words, and its code spans as written.
    struct Words {
        let plain: String
        let words: Set<String>
        let spans: [String]

        init(_ markdown: String) {
            plain = InlineMarkdown.title(markdown).lowercased()
            words = Set(plain.split { !$0.isLetter && $0 != "-" }.map(String.init))
            spans = PlanText.codeSpans(in: markdown).map { $0.trimmingCharacters(in: .whitespaces) }
        }

        func says(_ word: String) -> Bool { words.contains(word) }
    }
}
