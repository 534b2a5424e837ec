import Foundation

/// Reading evidence out of an item's markdown.
enum PlanText {
    /// Extensions that make a backticked word a file path even before it exists.
    static let fileExtensions: Set<String> = [
        "yml", "yaml", "md", "json", "go", "js", "ts", "py", "sh", "toml", "txt", "mod", "sum", "swift", "tf",
    ]

    /// The paths named in backticks. A span is a path when it has no spaces or
    /// variables and either holds a `/`, ends in a known file extension, or is a
    /// bare word that names something in the project (`infra`). Globs are skipped:
    /// "`serverless-*.yml`" describes files, it does not name one.
    static func paths(in text: String, pathExists: (String) -> Bool) -> [String] {
        var result: [String] = []
        for span in codeSpans(in: text) {
            let candidate = span.trimmingCharacters(in: .whitespaces)
            guard !candidate.isEmpty,
                  !candidate.contains(where: { $0.isWhitespace || "$*{}:<>|\"'`?".contains($0) })
            else { continue }
            let normal = normalise(candidate)
            guard !normal.isEmpty, !normal.hasPrefix("/"), !normal.split(separator: "/").contains("..") else { continue }
            let ext = (normal as NSString).pathExtension.lowercased()
            if candidate.contains("/") || fileExtensions.contains(ext) || pathExists(normal) {
                result.append(normal)
            }
        }
        return result
    }

    /// Backtick code spans of one line of markdown (single or multiple backticks).
    static func codeSpans(in text: String) -> [String] {
        var spans: [String] = []
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            guard characters[index] == "`" else { index += 1; continue }
            var run = 0
            while index + run < characters.count, characters[index + run] == "`" { run += 1 }
            let start = index + run
            var probe = start
            var closed: Int?
            while probe < characters.count {
                if characters[probe] == "`" {
                    var closing = 0
                    while probe + closing < characters.count, characters[probe + closing] == "`" { closing += 1 }
                    if closing == run { closed = probe; break }
                    probe += closing
                } else {
                    probe += 1
                }
            }
            guard let end = closed else { break }
            spans.append(String(characters[start..<end]))
            index = end + run
        }
        return spans
    }

    /// "Deploy", "deploys", "deployed", "redeploy": the item claims something went to AWS.
    /// "deployment order" does not: defining an order deploys nothing.
    static func saysDeploy(_ text: String) -> Bool {
        let words = text.lowercased().split { !$0.isLetter }
        return words.contains { ["deploy", "deploys", "deployed", "redeploy", "redeployed"].contains($0) }
    }

    /// `./infra/` → `infra`.
    static func normalise(_ path: String) -> String {
        ProjectDiscovery.normalise(path)
    }
}
