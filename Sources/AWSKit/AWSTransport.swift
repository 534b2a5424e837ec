import AsyncHTTPClient
import Foundation
import NIOCore

/// The wire protocols PlanTrack speaks: the Query protocol (form-encoded POST,
/// XML answers: CloudFormation, STS) and JSON 1.1 (SSM).
enum WireProtocol: Sendable {
    case query
    case json(target: String)
}

/// One call, ready to sign and send.
struct ServiceCall: Sendable {
    var service: AWSService
    var endpoint: AWSEndpoint
    var region: String
    var wire: WireProtocol
    var body: [UInt8]

    static func query(_ service: AWSService, endpoint: AWSEndpoint, region: String,
                      action: String, version: String, parameters: [(String, String)]) -> ServiceCall {
        let pairs = [("Action", action), ("Version", version)] + parameters
        return ServiceCall(service: service, endpoint: endpoint, region: region, wire: .query,
                           body: Array(URIEncoding.formBody(pairs).utf8))
    }

    static func json(_ service: AWSService, endpoint: AWSEndpoint, region: String,
                     target: String, payload: [UInt8]) -> ServiceCall {
        ServiceCall(service: service, endpoint: endpoint, region: region, wire: .json(target: target), body: payload)
    }
}

/// Sends signed calls with AsyncHTTPClient, retrying the way the AWS SDKs'
/// standard mode does. Each attempt is signed anew (with a fresh date), so a
/// retry after a long backoff is never refused as a stale signature.
final class AWSTransport: Sendable {
    private let client: HTTPClient
    private let timeouts: AWSSettings.Timeouts
    private let retry: AWSSettings.RetryOptions
    private let quota: RetryQuota
    private let now: @Sendable () -> Date

    /// Bodies above this are refused: no answer PlanTrack reads is near it.
    private static let maxBody = 16 * 1024 * 1024

    init(settings: AWSSettings) {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .milliseconds(Int64(settings.timeouts.connect * 1000)),
                           read: .milliseconds(Int64(settings.timeouts.request * 1000))))
        configuration.decompression = .disabled
        self.client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        self.timeouts = settings.timeouts
        self.retry = settings.retry
        self.quota = RetryQuota(capacity: settings.retry.quota)
        self.now = settings.now
    }

    deinit {
        // A transport dropped without `shutdown()` still frees its connections.
        client.shutdown { _ in }
    }

    func shutdown() async {
        try? await client.shutdown()
    }

    /// Sends `call`, retrying what the standard mode retries, and returns the body of a 2xx answer.
    func send(_ call: ServiceCall, credentials: AWSCredentials?, counter: CallCounter,
              breaker: EndpointBreaker) async throws(AWSError) -> [UInt8] {
        var attempt = 1
        var spent = 0
        let endpointKey = call.endpoint.description
        if let error = await breaker.failure(for: endpointKey) { throw error }
        while true {
            let outcome = await sendOnce(call, credentials: credentials, counter: counter)
            switch outcome {
            case .success(let body):
                await quota.release(spent)
                return body
            case .failure(let failure):
                guard failure.retryable, attempt < retry.maxAttempts else {
                    if failure.isTimeoutOrConnection { await breaker.trip(endpointKey, failure.error) }
                    throw failure.error
                }
                let cost = failure.isTimeoutOrConnection ? retry.timeoutCost : retry.retryCost
                guard await quota.acquire(cost) else {
                    throw .retryQuotaExhausted(service: call.service.signingName, underlying: failure.error.description)
                }
                spent += cost
                let delay = RetryPolicy.backoff(retry: attempt, options: retry)
                if delay > 0 { try? await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000)) }
                attempt += 1
            }
        }
    }

    /// One unsigned GET (container credentials), the answer's body when it is 2xx.
    func get(_ endpoint: AWSEndpoint, headers: [(String, String)], what: String) async throws(AWSError) -> [UInt8] {
        var request = HTTPClientRequest(url: endpoint.url)
        request.method = .GET
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.headers.add(name: "User-Agent", value: "plantrack")
        let status: Int
        let body: [UInt8]
        do {
            let response = try await client.execute(request, timeout: .milliseconds(Int64(timeouts.request * 1000)))
            status = Int(response.status.code)
            body = Array(try await response.body.collect(upTo: Self.maxBody).readableBytesView)
        } catch {
            throw classify(error, service: what, url: endpoint.url).error
        }
        guard (200..<300).contains(status) else {
            throw .serviceError(service: what, code: "HTTP\(status)", message: "\(endpoint.url) answered HTTP \(status)",
                                status: status)
        }
        return body
    }

    private struct AttemptFailure: Error {
        var error: AWSError
        var retryable: Bool
        var isTimeoutOrConnection: Bool
    }

    private func sendOnce(_ call: ServiceCall, credentials: AWSCredentials?,
                         counter: CallCounter) async -> Result<[UInt8], AttemptFailure> {
        let endpoint = call.endpoint
        let service = call.service.signingName
        var headers: [SigningRequest.Header]
        switch call.wire {
        case .query:
            headers = [.init("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")]
        case .json(let target):
            headers = [.init("Content-Type", "application/x-amz-json-1.1"), .init("X-Amz-Target", target)]
        }
        let signing = SigningRequest(method: "POST", host: endpoint.hostHeader, path: endpoint.path,
                                     headers: headers, body: call.body)
        let signature = credentials.map {
            SigV4.sign(request: signing, credentials: $0, region: call.region, service: service, date: now())
        }
        var request = HTTPClientRequest(url: endpoint.url)
        request.method = .POST
        request.headers.add(name: "Host", value: endpoint.hostHeader)
        for header in headers + (signature?.headers ?? []) { request.headers.add(name: header.name, value: header.value) }
        request.headers.add(name: "User-Agent", value: "plantrack")
        request.body = .bytes(ByteBuffer(bytes: call.body))

        await counter.increment()
        let status: Int
        let body: [UInt8]
        do {
            let response = try await client.execute(request, timeout: .milliseconds(Int64(timeouts.request * 1000)))
            status = Int(response.status.code)
            let buffer = try await response.body.collect(upTo: Self.maxBody)
            body = Array(buffer.readableBytesView)
        } catch {
            return .failure(classify(error, service: service, url: endpoint.url))
        }
        if (200..<300).contains(status) { return .success(body) }
        let (code, message) = ErrorAnswer.parse(body, wire: call.wire, status: status)
        let aws: AWSError
        if let code, RetryPolicy.deniedCodes.contains(code) {
            aws = .accessDenied(service: service, code: code, message: message)
        } else if code == nil && status == 403 {
            aws = .accessDenied(service: service, code: "HTTP403", message: message)
        } else {
            aws = .serviceError(service: service, code: code ?? "HTTP\(status)", message: message, status: status)
        }
        return .failure(AttemptFailure(error: aws, retryable: RetryPolicy.isRetryable(status: status, code: code),
                                       isTimeoutOrConnection: false))
    }

    private func classify(_ error: Error, service: String, url: String) -> AttemptFailure {
        if let client = error as? HTTPClientError {
            if client == .deadlineExceeded || client == .readTimeout || client == .connectTimeout {
                let seconds = client == .connectTimeout ? timeouts.connect : timeouts.request
                return AttemptFailure(error: .timedOut(service: service, url: url, seconds: seconds),
                                      retryable: true, isTimeoutOrConnection: true)
            }
        }
        let text = String(describing: error)
        if text.lowercased().contains("timeout") || text.lowercased().contains("timed out") {
            return AttemptFailure(error: .timedOut(service: service, url: url, seconds: timeouts.request),
                                  retryable: true, isTimeoutOrConnection: true)
        }
        return AttemptFailure(error: .endpointUnreachable(service: service, url: url, reason: Self.reason(text)),
                              retryable: true, isTimeoutOrConnection: true)
    }

    /// A short reason from a NIO error's description ("connection refused", ...).
    private static func reason(_ text: String) -> String {
        let lower = text.lowercased()
        if lower.contains("refused") { return "connection refused" }
        if lower.contains("reset") { return "connection reset" }
        if lower.contains("remoteconnectionclosed") || lower.contains("closed") { return "connection closed by the server" }
        if lower.contains("resolve") || lower.contains("lookup") { return "host name not found" }
        if lower.contains("ssl") || lower.contains("tls") || lower.contains("certificate") { return "TLS failure" }
        return String(text.prefix(120))
    }
}
