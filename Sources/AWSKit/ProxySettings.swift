import Foundation

/// `HTTPS_PROXY` / `HTTP_PROXY` / `NO_PROXY` as botocore reads them (through Python's
/// urllib): either case, the lowercase one winning; `NO_PROXY` entries match the host,
/// a domain suffix (`example.com` and `.example.com` both cover `a.example.com`), or
/// `host:port`; `*` turns proxies off. No CIDR ranges: botocore has none either.
struct ProxySettings: Sendable, Equatable {
    var https: ProxyURL?
    var http: ProxyURL?
    var noProxy: [String]

    init(environment: [String: String]) throws(AWSError) {
        https = try Self.proxy("https_proxy", environment)
        http = try Self.proxy("http_proxy", environment)
        noProxy = (Self.value("no_proxy", environment)?.value ?? "")
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
    }

    /// The proxy a call to `endpoint` goes through, nil for a direct connection.
    func proxy(for endpoint: AWSEndpoint) -> ProxyURL? {
        guard let proxy = endpoint.scheme == "https" ? https : http else { return nil }
        return bypasses(host: endpoint.host, port: endpoint.port) ? nil : proxy
    }

    /// Python's `proxy_bypass_environment`, which botocore's `should_bypass_proxies` calls with host:port.
    func bypasses(host: String, port: Int?) -> Bool {
        let hostOnly = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        let hostPort = port.map { "\(hostOnly):\($0)" } ?? hostOnly
        for entry in noProxy {
            if entry == "*" { return true }
            var name = Substring(entry)
            while name.first == "." { name = name.dropFirst() }
            if hostOnly == name || hostPort == name { return true }
            if hostOnly.hasSuffix("." + name) || hostPort.hasSuffix("." + name) { return true }
        }
        return false
    }

    private static func value(_ lower: String, _ environment: [String: String]) -> (value: String, name: String)? {
        if let value = nonEmpty(environment[lower]) { return (value, lower) }
        let upper = lower.uppercased()
        return nonEmpty(environment[upper]).map { ($0, upper) }
    }

    private static func proxy(_ lower: String, _ environment: [String: String]) throws(AWSError) -> ProxyURL? {
        guard let (value, name) = value(lower, environment) else { return nil }
        return try ProxyURL(value, setting: name)
    }
}

/// A proxy from the environment: `http://[user:password@]host[:port]` (a bare `host:port`
/// means http, as botocore assumes). The password never appears in `description`.
struct ProxyURL: Sendable, Hashable, CustomStringConvertible {
    var host: String
    var port: Int
    var username: String?
    var password: String?
    /// The variable it came from, for messages.
    var setting: String

    init(_ text: String, setting: String) throws(AWSError) {
        let withScheme = text.contains("://") ? text : "http://" + text
        guard let components = URLComponents(string: withScheme), let host = components.host, !host.isEmpty else {
            throw .invalidSetting(setting: setting, reason: "'\(Self.hidePassword(text))' is not a proxy URL")
        }
        guard components.scheme?.lowercased() == "http" else {
            throw .invalidSetting(setting: setting, reason: "only http:// proxies are supported (CONNECT is used for https calls)")
        }
        self.host = host
        self.port = components.port ?? 80
        self.username = components.percentEncodedUser.flatMap { $0.removingPercentEncoding }
        self.password = components.percentEncodedPassword.flatMap { $0.removingPercentEncoding }
        self.setting = setting
    }

    var description: String { "http://\(host):\(port) (\(setting))" }

    private static func hidePassword(_ text: String) -> String {
        guard let at = text.lastIndex(of: "@") else { return text }
        let start = text.range(of: "://")?.upperBound ?? text.startIndex
        return String(text[..<start]) + "…" + String(text[at...])
    }
}
