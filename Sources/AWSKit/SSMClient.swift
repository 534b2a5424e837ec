import Foundation

/// An SSM parameter's metadata. There is no field for the value: answers are
/// decoded into this type only, so a value is never kept, printed or logged.
public struct ParameterMetadata: Sendable, Equatable, Decodable {
    public var name: String
    public var type: String?
    public var version: Int?
    public var lastModified: Date?

    enum CodingKeys: String, CodingKey {
        case name = "Name", type = "Type", version = "Version", lastModified = "LastModifiedDate"
    }

    public init(name: String, type: String?, version: Int?, lastModified: Date?) {
        self.name = name
        self.type = type
        self.version = version
        self.lastModified = lastModified
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        type = try c.decodeIfPresent(String.self, forKey: .type)
        version = try c.decodeIfPresent(Int.self, forKey: .version)
        lastModified = try c.decodeIfPresent(Double.self, forKey: .lastModified).map { Date(timeIntervalSince1970: $0) }
    }
}

/// SSM over the JSON 1.1 protocol (X-Amz-Target: AmazonSSM.<Action>), read-only.
/// WithDecryption is never sent: SecureString values stay encrypted, and no value is decoded.
struct SSMClient: Sendable {
    var context: ClientContext
    /// GetParameters takes at most 10 names a call.
    static let batchSize = 10

    /// Up to 10 names: the ones that exist, and the ones SSM calls invalid (missing).
    func getParameters(names: [String]) async throws(AWSError) -> (found: [ParameterMetadata], missing: [String]) {
        precondition(names.count <= Self.batchSize, "GetParameters takes at most \(Self.batchSize) names")
        struct Answer: Decodable {
            var Parameters: [ParameterMetadata]?
            var InvalidParameters: [String]?
        }
        let answer: Answer = try await send("GetParameters", ["Names": names])
        return (answer.Parameters ?? [], answer.InvalidParameters ?? [])
    }

    /// Every parameter under `path`, following NextToken (moto ends with an empty page that still has a token).
    func getParametersByPath(_ path: String, recursive: Bool) async throws(AWSError) -> [ParameterMetadata] {
        try await paged("GetParametersByPath", ["Path": path, "Recursive": recursive, "MaxResults": 10])
    }

    /// Parameters whose name begins with `prefix` (all parameters when it is empty), metadata only.
    func describeParameters(namePrefix prefix: String) async throws(AWSError) -> [ParameterMetadata] {
        try await describeParameters(namePrefix: prefix, maxPages: 10_000).parameters
    }

    /// At most `maxPages` pages of 50; `complete` is false when more were left. With
    /// `stopAfterPageOf`, a page holding no more than that many ends the listing too.
    func describeParameters(namePrefix prefix: String, maxPages: Int, stopAfterPageOf small: Int = 0) async throws(AWSError)
        -> (parameters: [ParameterMetadata], complete: Bool) {
        var payload: [String: Any] = ["MaxResults": 50]
        if !prefix.isEmpty {
            payload["ParameterFilters"] = [["Key": "Name", "Option": "BeginsWith", "Values": [prefix]]]
        }
        return try await paged("DescribeParameters", payload, maxPages: maxPages, stopAfterPageOf: small)
    }

    private func paged(_ action: String, _ payload: [String: Any]) async throws(AWSError) -> [ParameterMetadata] {
        try await paged(action, payload, maxPages: 10_000).parameters
    }

    private func paged(_ action: String, _ payload: [String: Any], maxPages: Int, stopAfterPageOf small: Int = 0)
        async throws(AWSError) -> (parameters: [ParameterMetadata], complete: Bool) {
        struct Page: Decodable {
            var Parameters: [ParameterMetadata]?
            var NextToken: String?
        }
        var result: [ParameterMetadata] = []
        var token: String?
        var pages = 0
        repeat {
            var body = payload
            if let token { body["NextToken"] = token }
            let page: Page = try await send(action, body)
            result += page.Parameters ?? []
            let next = page.NextToken.flatMap { $0.isEmpty ? nil : $0 }
            if next != nil && next == token {
                throw .malformedAnswer(service: "ssm", reason: "\(action) returned the same NextToken twice")
            }
            token = next
            pages += 1
            if small > 0 && (page.Parameters?.count ?? 0) <= small { break }
        } while token != nil && pages < maxPages
        return (result, token == nil)
    }

    private func send<Answer: Decodable>(_ action: String, _ payload: [String: Any]) async throws(AWSError) -> Answer {
        let bytes: [UInt8]
        do { bytes = Array(try JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys])) } catch {
            throw .malformedAnswer(service: "ssm", reason: "cannot encode the \(action) request")
        }
        let call = ServiceCall.json(.ssm, endpoint: context.endpoint, region: context.region,
                                    target: "AmazonSSM.\(action)", payload: bytes)
        let body = try await context.send(call)
        do {
            return try JSONDecoder().decode(Answer.self, from: Data(body))
        } catch {
            throw .malformedAnswer(service: "ssm", reason: "\(action): the answer is not the JSON SSM sends")
        }
    }
}
