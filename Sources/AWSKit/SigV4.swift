import Crypto
import Foundation

/// One HTTP request as the signer sees it. `path` and `query` are raw (not yet
/// percent-encoded): the signer encodes them the way SigV4 wants.
public struct SigningRequest: Sendable, Equatable {
    public var method: String
    /// The Host header value: the host name, plus `:port` when the port is not the scheme's default.
    public var host: String
    public var path: String
    public var query: [QueryItem]
    /// Headers to sign besides host, x-amz-date and x-amz-security-token (the signer adds those).
    public var headers: [Header]
    public var body: [UInt8]

    public struct QueryItem: Sendable, Equatable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) { self.name = name; self.value = value }
    }

    public struct Header: Sendable, Equatable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) { self.name = name; self.value = value }
    }

    public init(method: String, host: String, path: String = "/", query: [QueryItem] = [],
                headers: [Header] = [], body: [UInt8] = []) {
        self.method = method
        self.host = host
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// The Host header value for a URL: `host` alone on the scheme's default port, `host:port` otherwise.
    public static func hostHeader(host: String, port: Int?, scheme: String) -> String {
        let defaultPort = scheme.lowercased() == "https" ? 443 : 80
        guard let port, port != defaultPort else { return host }
        return "\(host):\(port)"
    }
}

/// AWS Signature Version 4, written by hand on swift-crypto because Soto (the
/// usual Swift AWS SDK) is not available here. A pure function: the same request,
/// keys, scope and date always give the same headers, which is what lets the
/// published AWS test-suite vectors check it.
public enum SigV4 {
    /// What signing produced: the headers to send and, for tests, the intermediate texts.
    public struct Signature: Sendable, Equatable {
        /// `X-Amz-Date`, `X-Amz-Security-Token` (with temporary keys) and `Authorization`.
        public var headers: [SigningRequest.Header]
        public var canonicalRequest: String
        public var stringToSign: String
        public var authorization: String
    }

    public static func sign(request: SigningRequest, credentials: AWSCredentials,
                            region: String, service: String, date: Date) -> Signature {
        let amzDate = Self.amzDate(date)
        let day = String(amzDate.prefix(8))
        var headers = request.headers
        headers.append(.init("Host", request.host))
        headers.append(.init("X-Amz-Date", amzDate))
        if let token = credentials.sessionToken {
            headers.append(.init("X-Amz-Security-Token", token))
        }
        let canonical = canonicalHeaders(headers)
        let signedHeaders = canonical.map(\.name).joined(separator: ";")
        let canonicalRequest = [
            request.method.uppercased(),
            canonicalURI(request.path),
            canonicalQuery(request.query),
            canonical.map { "\($0.name):\($0.value)\n" }.joined(),
            signedHeaders,
            hex(SHA256.hash(data: request.body)),
        ].joined(separator: "\n")
        let scope = "\(day)/\(region)/\(service)/aws4_request"
        let stringToSign = [
            "AWS4-HMAC-SHA256", amzDate, scope,
            hex(SHA256.hash(data: Array(canonicalRequest.utf8))),
        ].joined(separator: "\n")
        let key = signingKey(secret: credentials.secretAccessKey, day: day, region: region, service: service)
        let signature = hex(HMAC<SHA256>.authenticationCode(for: Array(stringToSign.utf8), using: key))
        let authorization = "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(scope), "
            + "SignedHeaders=\(signedHeaders), Signature=\(signature)"
        var added: [SigningRequest.Header] = [.init("X-Amz-Date", amzDate)]
        if let token = credentials.sessionToken { added.append(.init("X-Amz-Security-Token", token)) }
        added.append(.init("Authorization", authorization))
        return Signature(headers: added, canonicalRequest: canonicalRequest,
                         stringToSign: stringToSign, authorization: authorization)
    }

    /// `20150830T123600Z`: the basic ISO 8601 form SigV4 wants, always UTC.
    public static func amzDate(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    /// Lower-case names sorted; values trimmed with inner runs of spaces made one;
    /// repeated names joined by commas in the order given.
    static func canonicalHeaders(_ headers: [SigningRequest.Header]) -> [(name: String, value: String)] {
        var merged: [String: [String]] = [:]
        for header in headers {
            merged[header.name.lowercased(), default: []].append(trimmed(header.value))
        }
        return merged.keys.sorted().map { ($0, merged[$0]!.joined(separator: ",")) }
    }

    static func trimmed(_ value: String) -> String {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
    }

    /// The path with dot segments resolved and empty segments dropped (as the
    /// test suite's normalize-path cases want), each segment UriEncoded once.
    static func canonicalURI(_ path: String) -> String {
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." { _ = segments.popLast(); continue }
            segments.append(segment)
        }
        let trailingSlash = path.hasSuffix("/") && !segments.isEmpty
        return "/" + segments.map { URIEncoding.encode(String($0)) }.joined(separator: "/") + (trailingSlash ? "/" : "")
    }

    static func canonicalQuery(_ items: [SigningRequest.QueryItem]) -> String {
        let pairs: [(name: String, value: String)] = items.map {
            (URIEncoding.encode($0.name), URIEncoding.encode($0.value))
        }
        let sorted = pairs.sorted { left, right in
            left.name == right.name ? left.value < right.value : left.name < right.name
        }
        return sorted.map { $0.name + "=" + $0.value }.joined(separator: "&")
    }

    static func signingKey(secret: String, day: String, region: String, service: String) -> SymmetricKey {
        var key = SymmetricKey(data: Array("AWS4\(secret)".utf8))
        for part in [day, region, service, "aws4_request"] {
            key = SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Array(part.utf8), using: key)))
        }
        return key
    }

    /// Lower-case hex, two digits a byte (by table: `String(format:)` per byte cost 3 % of a probe).
    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
