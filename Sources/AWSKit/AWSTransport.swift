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
    private let clients: HTTPClients
    private let proxies: ProxySettings?
    private let proxyError: AWSError?
    private let timeouts: AWSSettings.Timeouts
    private let retry: AWSSettings.RetryOptions
    private let quota: RetryQuota
    private let clock: SkewedClock
    /// The bound on calls in flight shared by several probes (the stages of a matrix), if any.
    let gate: CallGate?

    /// Bodies above this are refused: no answer PlanTrack reads is near it.
    static let maxBody = 16 * 1024 * 1024

    init(settings: AWSSettings) {
        self.clients = HTTPClients(timeouts: settings.timeouts)
        do {
            self.proxies = try ProxySettings(environment: settings.environment)
            self.proxyError = nil
        } catch {
            self.proxies = nil
            self.proxyError = error
        }
        self.timeouts = settings.timeouts
        self.retry = settings.retry
        self.quota = RetryQuota(capacity: settings.retry.quota)
        self.clock = SkewedClock(now: settings.now)
        self.gate = settings.gate
    }

    func shutdown() async {
        await clients.shutdown()
    }

    /// The client for a call to `endpoint`: through the proxy the environment names for it, trusting the bundle.
    private func client(for endpoint: AWSEndpoint, caBundle: CABundle?) throws(AWSError) -> (HTTPClient, ProxyURL?) {
        if let proxyError { throw proxyError }
        let proxy = proxies?.proxy(for: endpoint)
        return (try clients.client(proxy: proxy, caBundle: endpoint.scheme == "https" ? caBundle : nil), proxy)
    }

    /// Sends `call`, retrying what the standard mode retries, and returns the body of a 2xx answer.
    func send(_ call: ServiceCall, context: ClientContext) async throws(AWSError) -> [UInt8] {
        var attempt = 1
        var spent = 0
        var skewCorrected = false
        let endpointKey = call.endpoint.description
        if let error = await context.breaker.failure(for: endpointKey) { throw error }
        let (client, proxy) = try client(for: call.endpoint, caBundle: context.network.caBundleFile)
        while true {
            let outcome = await sendOnce(call, client: client, proxy: proxy, context: context)
            switch outcome {
            case .success(let body):
                await quota.release(spent)
                return body
            case .failure(let failure):
                // A refused signature with the server's clock far from ours: sign again with its time, once.
                if let offset = failure.clockOffset, !skewCorrected {
                    skewCorrected = true
                    await clock.correct(by: offset)
                    continue
                }
                guard failure.retryable, attempt < context.network.maxAttempts else {
                    if failure.isTimeoutOrConnection { await context.breaker.trip(endpointKey, failure.error) }
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
        // The container agent is local: never through a proxy.
        let client = try clients.client(proxy: nil, caBundle: nil)
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
        /// Set when AWS refused the signature's time and its Date header says by how much we are off.
        var clockOffset: TimeInterval?
    }

    private func sendOnce(_ call: ServiceCall, client: HTTPClient, proxy: ProxyURL?,
                          context: ClientContext) async -> Result<[UInt8], AttemptFailure> {
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
        let date = await clock.now()
        let signature = context.credentials.map {
            SigV4.sign(request: signing, credentials: $0, region: call.region, service: service, date: date)
        }
        var request = HTTPClientRequest(url: endpoint.url)
        request.method = .POST
        request.headers.add(name: "Host", value: endpoint.hostHeader)
        for header in headers + (signature?.headers ?? []) { request.headers.add(name: header.name, value: header.value) }
        request.headers.add(name: "User-Agent", value: "plantrack")
        request.body = .bytes(ByteBuffer(bytes: call.body))

        await context.counter.increment()
        let status: Int
        let body: [UInt8]
        let dateHeader: String?
        do {
            let response = try await client.execute(request, timeout: .milliseconds(Int64(timeouts.request * 1000)))
            status = Int(response.status.code)
            dateHeader = response.headers.first(name: "Date")
            let buffer = try await response.body.collect(upTo: Self.maxBody)
            body = Array(buffer.readableBytesView)
        } catch {
            return .failure(classify(error, service: service, url: endpoint.url, proxy: proxy))
        }
        if (200..<300).contains(status) { return .success(body) }
        // Parsed only for a refusal: a date formatter per answer cost a millisecond on every call.
        let serverDate = dateHeader.flatMap(HTTPDate.parse)
        let (code, rawMessage) = ErrorAnswer.parse(body, wire: call.wire, status: status)
        // AWS sometimes repeats what it was sent: no key material may reach a message.
        let message = Redaction.redact(rawMessage, credentials: context.credentials, authorization: signature?.authorization)
        let skew = ClockSkew.detect(code: code, message: message, serverDate: serverDate, localDate: date)
        let aws: AWSError
        if let skew {
            aws = .clockSkew(service: service, code: code ?? "HTTP\(status)", seconds: skew)
        } else if let code, RetryPolicy.expiredCodes.contains(code) {
            aws = .expiredCredentials(service: service, code: code, source: context.credentialSource)
        } else if let code, RetryPolicy.deniedCodes.contains(code) {
            aws = .accessDenied(service: service, code: code, message: message)
        } else if code == nil && status == 403 {
            aws = .accessDenied(service: service, code: "HTTP403", message: message)
        } else {
            aws = .serviceError(service: service, code: code ?? "HTTP\(status)", message: message, status: status)
        }
        return .failure(AttemptFailure(error: aws, retryable: RetryPolicy.isRetryable(status: status, code: code),
                                       isTimeoutOrConnection: false, clockOffset: skew))
    }

    private func classify(_ error: Error, service: String, url: String, proxy: ProxyURL? = nil) -> AttemptFailure {
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
        let reason = ConnectionFailure(text, proxy: proxy)
        // A name that does not resolve will not resolve on the next attempt either (botocore retries
        // it; the issue asked for an answer within 3 s, and a DNS miss is not transient).
        return AttemptFailure(error: .endpointUnreachable(service: service, url: url, reason: reason.description),
                              retryable: reason.kind != .unknownHost, isTimeoutOrConnection: true)
    }
}
