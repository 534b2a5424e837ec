import Foundation
import TestSupport
import Testing
@testable import AWSKit

/// Corporate networks (issue 9 points 1, 2): a forward proxy and a TLS front signed by a
/// private CA made here with the openssl CLI, all on loopback (Fixtures/net_fakes.py).
@Suite(.serialized)
struct ProxyAndCATests {
    /// A private CA and a certificate for 127.0.0.1 signed by it, plus an unrelated CA, in `home`.
    static func makeCertificates(in home: TemporaryFolder) throws {
        let script = """
            set -e
            cd "\(home.path)"
            cat > ext.cnf <<'X'
            subjectAltName = IP:127.0.0.1, DNS:localhost
            basicConstraints = critical, CA:FALSE
            extendedKeyUsage = serverAuth
            X
            for ca in ca other; do
              openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout $ca.key -out $ca.pem \\
                -days 2 -subj "/CN=PlanTrack test $ca" -addext "basicConstraints=critical,CA:TRUE" \\
                -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
            done
            openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout server.key -out server.csr \\
              -subj "/CN=127.0.0.1" 2>/dev/null
            openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 2 \\
              -extfile ext.cnf 2>/dev/null
            cat other.pem ca.pem > bundle.pem
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "openssl failed")
    }

    func settings(_ url: String, env: [String: String], home: TemporaryFolder) -> AWSSettings {
        var environment = ["AWS_ACCESS_KEY_ID": "AKIDPROXY", "AWS_SECRET_ACCESS_KEY": "proxy-secret"]
        environment.merge(env) { _, new in new }
        return AWSSettings(region: "us-east-1", endpointURL: url, environment: environment, home: home.path,
                           timeouts: .init(connect: 2, request: 5, process: 5), retry: .init(maxAttempts: 1),
                           loopbackOnly: true)
    }

    func run(_ settings: AWSSettings) async -> ProbeResult {
        let probe = AWSProbe(settings: settings, resolver: CredentialResolver())
        let result = await probe.run(ProbeRequest(stackNames: ["fault-a"], parameterNames: []))
        await probe.shutdown()
        return result
    }

    @Test("HTTP_PROXY with userinfo carries http calls; NO_PROXY by host or host:port goes direct")
    func httpProxy() async throws {
        let home = try TemporaryFolder.awsHome()
        defer { home.remove() }
        let aws = try FaultServer(scenario: "paged")
        defer { aws.stop() }
        let proxy = try FaultServer(script: "net_fakes.py", mode: "proxy", arguments: ["corp:p@ss word"])
        defer { proxy.stop() }
        let proxyURL = "http://corp:p%40ss%20word@127.0.0.1:\(proxy.port)"
        let through = await run(settings(aws.url, env: ["HTTP_PROXY": proxyURL], home: home))
        #expect(through.failures.isEmpty, "\(through.failures)")
        #expect(through.stacks.first?.deployed == true)
        let seen = proxy.log()
        #expect(seen.count >= 1)
        #expect(seen.allSatisfy { ($0["target"] as? String)?.contains("127.0.0.1:\(aws.port)") == true }, "\(seen)")
        #expect(seen.allSatisfy { $0["auth"] as? String == "Basic " + Data("corp:p@ss word".utf8).base64EncodedString() })
        for bypass in ["127.0.0.1:\(aws.port)", "localhost,127.0.0.1", "*"] {
            let direct = await run(settings(aws.url, env: ["http_proxy": proxyURL, "no_proxy": bypass], home: home))
            #expect(direct.failures.isEmpty, "\(bypass): \(direct.failures)")
        }
        #expect(proxy.log().count == seen.count, "NO_PROXY entries bypass the proxy")
        let wrong = await run(settings(aws.url, env: ["HTTP_PROXY": "http://corp:nope@127.0.0.1:\(proxy.port)"], home: home))
        #expect(wrong.failures.first?.message.contains("HTTP_PROXY") == true, "\(wrong.failures)")
        #expect(wrong.failures.first?.message.contains("nope") == false, "the proxy password is never shown")
    }

    @Test("NO_PROXY rules are urllib's: host, domain suffix with or without a dot, host:port; lowercase wins")
    func noProxyRules() throws {
        let proxies = try ProxySettings(environment: ["HTTPS_PROXY": "http://upper:1", "https_proxy": "lower:3128",
                                                      "NO_PROXY": "ignored.example", "no_proxy": ".corp.example, internal,10.0.0.5:8443"])
        #expect(proxies.https?.host == "lower" && proxies.https?.port == 3128 && proxies.https?.setting == "https_proxy")
        #expect(proxies.bypasses(host: "sts.corp.example", port: nil))
        #expect(proxies.bypasses(host: "corp.example", port: nil))
        #expect(proxies.bypasses(host: "internal", port: 443))
        #expect(proxies.bypasses(host: "10.0.0.5", port: 8443))
        #expect(!proxies.bypasses(host: "10.0.0.5", port: 443))
        #expect(!proxies.bypasses(host: "notcorp.example", port: nil))
        #expect(!proxies.bypasses(host: "ignored.example", port: nil), "the uppercase NO_PROXY is shadowed")
        #expect(throws: AWSError.self) { try ProxySettings(environment: ["HTTPS_PROXY": "socks5://p:1080"]) }
    }

    @Test("a private CA: refused with a hint, trusted from AWS_CA_BUNDLE (several PEMs) or the profile's ca_bundle, through a CONNECT proxy too")
    func privateCA() async throws {
        let home = try TemporaryFolder.awsHome()
        defer { home.remove() }
        try Self.makeCertificates(in: home)
        let aws = try FaultServer(scenario: "paged")
        defer { aws.stop() }
        let front = try FaultServer(script: "net_fakes.py", mode: "tls",
                                    arguments: [home.path + "/server.pem", home.path + "/server.key", String(aws.port)])
        defer { front.stop() }
        let url = "https://127.0.0.1:\(front.port)"
        let untrusted = await run(settings(url, env: [:], home: home))
        #expect(untrusted.failures.first?.message.contains("TLS failure") == true, "\(untrusted.failures)")
        #expect(untrusted.failures.first?.message.contains("AWS_CA_BUNDLE") == true)
        let trusted = await run(settings(url, env: ["AWS_CA_BUNDLE": home.path + "/bundle.pem"], home: home))
        #expect(trusted.failures.isEmpty, "\(trusted.failures)")
        #expect(trusted.stacks.first?.deployed == true)
        try home.write(".aws/config", "[profile corp]\nca_bundle = ~/bundle.pem\n")
        let fromProfile = await run(settings(url, env: ["AWS_PROFILE": "corp"], home: home))
        #expect(fromProfile.failures.isEmpty, "\(fromProfile.failures)")
        let proxy = try FaultServer(script: "net_fakes.py", mode: "proxy")
        defer { proxy.stop() }
        let tunnelled = await run(settings(url, env: ["AWS_CA_BUNDLE": home.path + "/bundle.pem",
                                                     "HTTPS_PROXY": "http://127.0.0.1:\(proxy.port)"], home: home))
        #expect(tunnelled.failures.isEmpty, "\(tunnelled.failures)")
        #expect(proxy.log().contains { $0["method"] as? String == "CONNECT" && $0["target"] as? String == "127.0.0.1:\(front.port)" },
                "\(proxy.log())")
        let missing = await run(settings(url, env: ["AWS_CA_BUNDLE": home.path + "/nowhere.pem"], home: home))
        #expect(missing.failures.first?.message.contains("AWS_CA_BUNDLE") == true, "\(missing.failures)")
    }
}
