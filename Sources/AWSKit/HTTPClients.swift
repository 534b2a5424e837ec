import AsyncHTTPClient
import Foundation
import NIOCore
import NIOSSL

/// A PEM file of certificates to trust besides the system's roots, and the setting that named it.
struct CABundle: Sendable, Hashable {
    var path: String
    var setting: String
}

/// One HTTP client per way of connecting (direct or through a proxy, with or without
/// a CA bundle), made when first needed and shared by every call that connects that way.
final class HTTPClients: @unchecked Sendable {
    private struct Key: Hashable {
        var proxy: ProxyURL?
        var caBundle: CABundle?
    }

    private let lock = NSLock()
    private var clients: [Key: HTTPClient] = [:]
    private let timeouts: AWSSettings.Timeouts

    init(timeouts: AWSSettings.Timeouts) {
        self.timeouts = timeouts
    }

    deinit {
        // Clients dropped without `shutdown()` still free their connections.
        for client in clients.values { client.shutdown { _ in } }
    }

    func client(proxy: ProxyURL?, caBundle: CABundle?) throws(AWSError) -> HTTPClient {
        let key = Key(proxy: proxy, caBundle: caBundle)
        lock.lock()
        defer { lock.unlock() }
        if let client = clients[key] { return client }
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .milliseconds(Int64(timeouts.connect * 1000)),
                           read: .milliseconds(Int64(timeouts.request * 1000))))
        configuration.decompression = .disabled
        // Report a refused connection at once instead of retrying it until the request's
        // deadline (AsyncHTTPClient's default): the standard retry mode decides about retries.
        configuration.connectionPool.retryConnectionEstablishment = false
        if let proxy {
            let authorization = proxy.username.map {
                HTTPClient.Authorization.basic(username: $0, password: proxy.password ?? "")
            }
            configuration.proxy = .server(host: proxy.host, port: proxy.port, authorization: authorization)
        }
        if let caBundle {
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.additionalTrustRoots = [.certificates(try Self.certificates(caBundle))]
            configuration.tlsConfiguration = tls
        }
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        clients[key] = client
        return client
    }

    func shutdown() async {
        let all = lock.withLock { () -> [HTTPClient] in
            defer { clients = [:] }
            return Array(clients.values)
        }
        for client in all { try? await client.shutdown() }
    }

    private static func certificates(_ bundle: CABundle) throws(AWSError) -> [NIOSSLCertificate] {
        guard FileManager.default.isReadableFile(atPath: bundle.path) else {
            throw .unreadableFile(path: bundle.path, line: nil, reason: "the CA bundle named by \(bundle.setting) cannot be read")
        }
        let certificates: [NIOSSLCertificate]
        do { certificates = try NIOSSLCertificate.fromPEMFile(bundle.path) } catch {
            throw .unreadableFile(path: bundle.path, line: nil,
                                  reason: "the CA bundle named by \(bundle.setting) is not a PEM file of certificates")
        }
        guard !certificates.isEmpty else {
            throw .unreadableFile(path: bundle.path, line: nil, reason: "the CA bundle named by \(bundle.setting) holds no certificate")
        }
        return certificates
    }
}
