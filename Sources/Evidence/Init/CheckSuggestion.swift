import Foundation
import PlanKit

/// A commented-out `checks:` entry for an item nothing checks yet: the closest rule its words
/// suggest (a plugin it names, IAM, the API Gateway), else a `text:` rule to fill in.
enum CheckSuggestion {
    static func lines(for item: PlanItem) -> [String] {
        let title = TerminalText.sanitized(InlineMarkdown.title(item.text)).replacingOccurrences(of: "\n", with: " ")
        let words = BuiltinClaims.Words(item.text)
        var lines = ["  # \(item.reference.name): \(title)", "  # \"\(item.reference.description)\":"]
        if let plugin = words.spans.first(where: { $0.hasPrefix("serverless-") && $0.hasSuffix("plugin") || $0.hasSuffix("-manager") }) {
            lines += ["  #   yaml:", "  #     - in: \"services/*/serverless.yml\"", "  #       path: plugins",
                      "  #       contains: \(plugin)"]
        } else if words.says("iam") {
            lines += ["  #   text:", "  #     - in: \"services/*/serverless.yml\"", "  #       no_pattern: 'Resource: \"?\\*\"?$'"]
        } else if words.plain.contains("api gateway") {
            lines += ["  #   yaml:", "  #     - in: \"services/*/serverless.yml\"", "  #       path: provider.apiGateway.restApiId"]
        } else {
            lines += ["  #   text:", "  #     - in: \"services/**/serverless.yml\"", "  #       present: \"what this item puts in the code\""]
        }
        return lines
    }
}
