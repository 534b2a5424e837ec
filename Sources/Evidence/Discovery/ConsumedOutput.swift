/// A stack output a service reads with `${cf:stack.Output}` or `${cf(region):stack.Output}`:
/// its deploy fails unless that stack is live and has the output (issue 8 point 18).
public struct ConsumedOutput: Sendable, Equatable, Hashable {
    /// The stack read from; unknown (with the reason) when a part of it cannot be worked out.
    public var stack: DiscoveredName
    /// The output's key: `ApiUrl`.
    public var output: String
    /// The region named in `${cf(region):…}`; nil means the service's own region.
    public var region: String?

    public init(stack: DiscoveredName, output: String, region: String? = nil) {
        self.stack = stack
        self.output = output
        self.region = region
    }

    /// `stack.Output` as a reader sees it.
    public var display: String { "\(stack.display).\(output)" }

    /// `cf:stack.Output` or `cf(region):stack.Output` → (stack, output, region). The output is
    /// after the last dot: stack names hold no dots, but an unresolved `${self:a.b}` in it may.
    static func reference(_ source: String) -> (stack: String, output: String, region: String?)? {
        var region: String?
        let body: Substring
        if source.hasPrefix("cf:") {
            body = source.dropFirst(3)
        } else if source.hasPrefix("cf("), let close = source.firstIndex(of: ")") {
            let named = source[source.index(source.startIndex, offsetBy: 3)..<close].trimmingCharacters(in: .whitespaces)
            region = named.isEmpty ? nil : named
            let rest = source[source.index(after: close)...]
            guard rest.hasPrefix(":") else { return nil }
            body = rest.dropFirst()
        } else {
            return nil
        }
        guard let dot = body.lastIndex(of: "."), dot != body.startIndex else { return nil }
        let output = String(body[body.index(after: dot)...]).trimmingCharacters(in: .whitespaces)
        guard !output.isEmpty else { return nil }
        return (String(body[..<dot]).trimmingCharacters(in: .whitespaces), output, region)
    }
}
