import Yams

extension NodeReader {
    /// The globs of `exclude:`, each checked as the `in:` of a repository claim is: a glob that
    /// leaves the project (absolute, `~`, `..`) is a config error naming the key and its line.
    func globs(_ node: Node, key: String) throws(ConfigError) -> [String] {
        let texts = try strings(node, key: key)
        let elements = node.sequence.map { Array($0) } ?? [node]
        for (text, element) in zip(texts, elements) {
            if let problem = ProjectGlob.problem(text) {
                throw .badValue(file: file, line: element.mark?.line, key: key, expected: problem)
            }
        }
        return texts
    }
}
