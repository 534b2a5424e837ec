import Foundation

/// Where calls to one service go, and which setting said so.
public struct AWSEndpoint: Sendable, Equatable, CustomStringConvertible {
    public var scheme: String
    public var host: String
    public var port: Int?
    /// The URL's path, "/" when it has none.
    public var path: String
    /// The option, variable or profile key the URL came from ("default" when none).
    public var source: String

    public init(url: String, source: String) throws(AWSError) {
        guard let components = URLComponents(string: url),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty
        else { throw .invalidEndpoint(setting: source, value: url) }
        self.scheme = scheme
        self.host = host
        self.port = components.port
        self.path = components.path.isEmpty ? "/" : components.path
        self.source = source
    }

    /// The endpoint the rulesets give for the region's partition and the FIPS / dual-stack flags.
    static func standard(service: AWSService, region: String,
                         variant: EndpointVariant = EndpointVariant()) throws(AWSError) -> AWSEndpoint {
        let partition = AWSPartition.of(region)
        guard let host = partition.host(service, region: region, fips: variant.fips, dualStack: variant.dualStack) else {
            throw .invalidSetting(setting: variant.dualStackSetting ?? "AWS_USE_DUALSTACK_ENDPOINT",
                                  reason: "partition \(partition.id) (region \(region)) has no dual-stack endpoints")
        }
        var source = "default for \(partition.id)"
        if let setting = variant.fipsSetting { source += ", \(setting)" }
        if let setting = variant.dualStackSetting { source += ", \(setting)" }
        return try AWSEndpoint(url: "https://\(host)", source: source)
    }

    public var url: String {
        "\(scheme)://\(hostForURL)\(port.map { ":\($0)" } ?? "")\(path)"
    }

    public var description: String { url }

    /// The Host header: the port only when it is not the scheme's default.
    var hostHeader: String { SigningRequest.hostHeader(host: hostForURL, port: port, scheme: scheme) }

    private var hostForURL: String { host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host }

    /// 127.0.0.0/8, ::1 or localhost.
    public var isLoopback: Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        if bare == "localhost" || bare == "::1" { return true }
        let parts = bare.split(separator: ".")
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }
}
