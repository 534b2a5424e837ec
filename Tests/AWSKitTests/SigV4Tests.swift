import Foundation
import Testing
@testable import AWSKit

/// SigV4 against the published AWS test-suite vectors (Fixtures/sigv4-testsuite.json).
struct SigV4Tests {
    struct Suite: Decodable {
        var accessKeyID: String
        var secretAccessKey: String
        var region: String
        var service: String
        var date: String
        var host: String
        var cases: [Case]
    }

    struct Case: Decodable, CustomTestStringConvertible {
        var name: String
        var method: String
        var path: String
        var query: [[String]]
        var headers: [[String]]
        var body: String
        var sessionToken: String?
        var authorization: String
        var canonicalRequest: String?
        var canonicalHeaders: String?
        var stringToSignHash: String?
        var testDescription: String { name }
    }

    static let suite: Suite = try! JSONDecoder().decode(Suite.self, from: Fixtures.data("sigv4-testsuite.json"))

    static func sign(_ vector: Case) -> SigV4.Signature {
        let suite = Self.suite
        let request = SigningRequest(
            method: vector.method, host: suite.host, path: vector.path,
            query: vector.query.map { .init($0[0], $0[1]) },
            headers: vector.headers.map { .init($0[0], $0[1]) },
            body: Array(vector.body.utf8))
        let credentials = AWSCredentials(accessKeyID: suite.accessKeyID, secretAccessKey: suite.secretAccessKey,
                                         sessionToken: vector.sessionToken)
        let date = ISO8601DateFormatter().date(from: suite.date)!
        return SigV4.sign(request: request, credentials: credentials, region: suite.region,
                          service: suite.service, date: date)
    }

    @Test("the suite holds the non-S3 cases the brief names")
    func suiteIsComplete() {
        let names = Set(Self.suite.cases.map(\.name))
        for required in ["get-vanilla", "get-vanilla-query-order-key-case", "post-x-www-form-urlencoded",
                         "get-header-value-trim", "post-sts-token/post-sts-header-before", "get-unreserved"] {
            #expect(names.contains(required), "missing vector \(required)")
        }
    }

    @Test("each vector signs to its published Authorization header", arguments: suite.cases)
    func vector(_ vector: Case) {
        let signature = Self.sign(vector)
        #expect(signature.authorization == vector.authorization)
        if let canonical = vector.canonicalRequest {
            #expect(signature.canonicalRequest == canonical)
        }
        if let headers = vector.canonicalHeaders {
            #expect(signature.canonicalRequest.contains("\n" + headers))
        }
        if let hash = vector.stringToSignHash {
            #expect(signature.stringToSign.hasSuffix("\n" + hash))
        }
        if let token = vector.sessionToken {
            #expect(signature.headers.contains(.init("X-Amz-Security-Token", token)))
        }
        #expect(signature.headers.contains(.init("X-Amz-Date", "20150830T123600Z")))
    }

    @Test("UriEncode keeps only A-Z a-z 0-9 - . _ ~ and writes upper-case hex")
    func uriEncodeUnreservedOnly() {
        let unreserved = "ABCXYZabcxyz0189-._~"
        #expect(URIEncoding.encode(unreserved) == unreserved)
        #expect(URIEncoding.encode("a b+c=d/e*f%g'h(i)!j,k:l@m$n&o;p?q") ==
            "a%20b%2Bc%3Dd%2Fe%2Af%25g%27h%28i%29%21j%2Ck%3Al%40m%24n%26o%3Bp%3Fq")
        #expect(URIEncoding.encode("é/ሴ") == "%C3%A9%2F%E1%88%B4")
        #expect(URIEncoding.encode("a/b", keepSlash: true) == "a/b")
    }

    @Test("header values are trimmed and inner runs of spaces become one")
    func headerValuesTrimmed() {
        let request = SigningRequest(method: "POST", host: "h", headers: [
            .init("X-Padded", "   two   words \t here  "), .init("x-padded", " second"),
        ])
        let signature = SigV4.sign(request: request, credentials: .init(accessKeyID: "A", secretAccessKey: "S"),
                                   region: "us-east-1", service: "ssm", date: Date(timeIntervalSince1970: 0))
        #expect(signature.canonicalRequest.contains("\nx-padded:two words here,second\n"))
    }

    @Test("a non-default port is part of the signed host; the default port is not")
    func hostWithPort() {
        #expect(SigningRequest.hostHeader(host: "127.0.0.1", port: 5000, scheme: "http") == "127.0.0.1:5000")
        #expect(SigningRequest.hostHeader(host: "ssm.us-east-1.amazonaws.com", port: 443, scheme: "https")
            == "ssm.us-east-1.amazonaws.com")
        #expect(SigningRequest.hostHeader(host: "localhost", port: 80, scheme: "http") == "localhost")
        let credentials = AWSCredentials(accessKeyID: "A", secretAccessKey: "S")
        let date = Date(timeIntervalSince1970: 1_800_000_000)
        let withPort = SigV4.sign(request: .init(method: "POST", host: "127.0.0.1:5000"), credentials: credentials,
                                  region: "us-east-1", service: "ssm", date: date)
        let without = SigV4.sign(request: .init(method: "POST", host: "127.0.0.1"), credentials: credentials,
                                 region: "us-east-1", service: "ssm", date: date)
        #expect(withPort.canonicalRequest.contains("\nhost:127.0.0.1:5000\n"))
        #expect(withPort.authorization != without.authorization)
    }

    @Test("the session token is sent and signed")
    func securityTokenSigned() {
        let signature = SigV4.sign(request: .init(method: "POST", host: "h"),
                                   credentials: .init(accessKeyID: "A", secretAccessKey: "S", sessionToken: "tok"),
                                   region: "eu-west-1", service: "sts", date: Date(timeIntervalSince1970: 0))
        #expect(signature.authorization.contains("SignedHeaders=host;x-amz-date;x-amz-security-token,"))
        #expect(signature.canonicalRequest.contains("\nx-amz-security-token:tok\n"))
        #expect(signature.headers.contains(.init("X-Amz-Security-Token", "tok")))
    }

    @Test("a new date gives a new signature (each retry is signed afresh)")
    func freshSignaturePerDate() {
        let request = SigningRequest(method: "POST", host: "h", body: Array("Action=ListStacks".utf8))
        let credentials = AWSCredentials(accessKeyID: "A", secretAccessKey: "S")
        let first = SigV4.sign(request: request, credentials: credentials, region: "us-east-1",
                               service: "cloudformation", date: Date(timeIntervalSince1970: 1_800_000_000))
        let second = SigV4.sign(request: request, credentials: credentials, region: "us-east-1",
                                service: "cloudformation", date: Date(timeIntervalSince1970: 1_800_000_001))
        #expect(first.authorization != second.authorization)
        #expect(SigV4.amzDate(Date(timeIntervalSince1970: 1_800_000_001)) == "20270115T080001Z")
    }

    @Test("credentials never print their secret or token")
    func credentialsRedacted() {
        let credentials = AWSCredentials(accessKeyID: "AKIDSECRETLESS", secretAccessKey: "very-secret-key",
                                         sessionToken: "session-token-value")
        let text = "\(credentials)"
        #expect(!text.contains("very-secret-key"))
        #expect(!text.contains("session-token-value"))
    }
}
