/// Why a connection failed, read from a NIO error's text, and what the user can do about it.
struct ConnectionFailure: CustomStringConvertible {
    enum Kind: Equatable { case refused, reset, closed, unknownHost, tls, proxy, other }

    var kind: Kind
    var text: String
    var proxy: ProxyURL?

    init(_ errorText: String, proxy: ProxyURL?) {
        let lower = errorText.lowercased()
        self.proxy = proxy
        self.text = String(errorText.prefix(120))
        if lower.contains("proxy") { kind = .proxy }
        else if lower.contains("refused") { kind = .refused }
        else if lower.contains("reset") { kind = .reset }
        else if lower.contains("dns") || lower.contains("resolve") || lower.contains("lookup")
                    || lower.contains("unknown host") || lower.contains("name or service") { kind = .unknownHost }
        else if lower.contains("ssl") || lower.contains("tls") || lower.contains("certificate")
                    || lower.contains("handshake") { kind = .tls }
        else if lower.contains("remoteconnectionclosed") || lower.contains("closed") { kind = .closed }
        else { kind = .other }
    }

    var description: String {
        let through = proxy.map { " through the proxy \($0)" } ?? ""
        switch kind {
        case .refused: return "connection refused" + through
        case .reset: return "connection reset" + through
        case .closed: return "connection closed by the server" + through
        case .unknownHost: return "host name not found" + through
        case .tls: return "TLS failure" + through
        case .proxy: return "the proxy \(proxy?.description ?? "") refused or failed the connection"
        case .other: return text + through
        }
    }

    /// The advice after "Cannot reach …", chosen by the reason's words.
    static func hint(for reason: String) -> String {
        if reason.hasPrefix("TLS failure") {
            return "if TLS is intercepted by a corporate proxy or CA, add its certificate with AWS_CA_BUNDLE or ca_bundle in the profile."
        }
        if reason.hasPrefix("host name not found") {
            return "check the region, --endpoint-url / AWS_ENDPOINT_URL, and HTTPS_PROXY if this network reaches AWS only through a proxy."
        }
        if reason.contains("proxy") {
            return "check HTTPS_PROXY / HTTP_PROXY (and NO_PROXY for hosts that must be reached directly)."
        }
        return "check --endpoint-url / AWS_ENDPOINT_URL and the network."
    }
}
