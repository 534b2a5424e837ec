import Foundation
import PlanKit

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
            guard !candidate.isEmpty, !candidate.hasPrefix("/"),  // `/a/b` is a parameter path, not a file
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

    /// SSM parameter paths in backticks (`/configuration/default`, `/app/${stage}` excluded):
    /// a span that starts with `/` and holds only path characters (issue 8 point 9).
    static func parameterPaths(in text: String) -> [String] {
        codeSpans(in: text).map { $0.trimmingCharacters(in: .whitespaces) }.filter { span in
            span.count > 1 && span.hasPrefix("/") && !span.hasSuffix("/") && !span.contains("//")
                && span.allSatisfy { $0.isLetter || $0.isNumber || "/_.-".contains($0) }
        }
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

    /// Whether the item's own action is deploying (issue 8 point 10): its first clause starts
    /// with, or coordinates (`and`, `then`), a deploy verb ("Deploy …", "Redeploy …", "Create X
    /// and deploy it"), performs a deployment ("Perform a full deployment …"), or says what is
    /// deployed ("… deployed to prod", "Stacks are deployed"). A deploy word in a later clause
    /// or after a subordinator ("once it is deployed", "; it deploys on its own") claims nothing,
    /// and "deployment order" deploys nothing.
    static func saysDeploy(_ text: String) -> Bool {
        let words = firstClauseWords(text)
        guard let first = words.first else { return false }
        if verbs.contains(first) { return true }
        for (index, word) in words.enumerated() {
            let before = index > 0 ? words[index - 1] : ""
            let governed = words[..<index].contains { subordinators.contains($0) }
            if governed { return false }
            if verbs.contains(word), ["and", "then", "also", "to", "must", "should", "will", "we"].contains(before) {
                return true
            }
            if word == "deployment" || word == "deploy", ["full", "a", "the", "complete", "fresh", "new"].contains(before),
               words[..<index].contains(where: { ["perform", "run", "do", "make", "trigger", "complete", "execute"].contains($0) }) {
                return true
            }
            if passive.contains(word) {
                let next = index + 1 < words.count ? words[index + 1] : ""
                if ["is", "are", "was", "were", "been", "be", "get", "gets", "got", "all", "now", "fully", "successfully"]
                    .contains(before) || ["to", "in", "on", "and"].contains(next) || index == words.count - 1 {
                    return true
                }
            }
        }
        return false
    }

    /// Whether the item's own action creates or moves something ("Create `services/`",
    /// "Move … into `services`", "Set up `infra`"): the only claims a folder's existence proves.
    static func claimsToCreateOrMove(_ text: String) -> Bool {
        guard let first = firstClauseWords(text).first else { return false }
        return creators.contains(first)
    }

    /// The lowercased words of the item's first clause, after its `TODO 2.5:` reference.
    private static func firstClauseWords(_ text: String) -> [String] {
        let plain = InlineMarkdown.title(text).lowercased()
        // A sentence ends at ". ", not at the dot of `serverless.yml`.
        let sentences = plain.replacingOccurrences(of: ". ", with: ";")
        let clause = sentences.split(whereSeparator: { ";:!?(".contains($0) }).first.map(String.init) ?? ""
        return clause.split { !$0.isLetter && $0 != "-" && $0 != "'" }.map(String.init)
    }

    private static let creators: Set<String> = [
        "create", "add", "make", "mkdir", "set", "setup", "introduce", "scaffold", "establish", "initialize",
        "initialise", "move", "relocate", "rename", "restructure", "reorganize", "reorganise", "split", "extract",
        "copy",
    ]
    private static let verbs: Set<String> = ["deploy", "redeploy", "re-deploy"]
    private static let passive: Set<String> = ["deployed", "redeployed", "re-deployed"]
    private static let subordinators: Set<String> = [
        "once", "after", "when", "whenever", "before", "until", "if", "unless", "so", "whether", "because",
        "without", "while", "since", "how", "why", "not", "never", "don't", "doesn't",
    ]

    /// `./infra/` → `infra`.
    static func normalise(_ path: String) -> String {
        ProjectDiscovery.normalise(path)
    }
}
