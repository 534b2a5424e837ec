/// Removes key material from text AWS sent back: some services repeat the request's
/// headers or token in their error messages, and nothing secret may reach a message,
/// JSON or a log (CONTRACT §7).
enum Redaction {
    static func redact(_ text: String, credentials: AWSCredentials?, authorization: String?) -> String {
        var result = text
        let signature = authorization?.components(separatedBy: "Signature=").last
        let secrets = [credentials?.secretAccessKey, credentials?.sessionToken, signature].compactMap { $0 }
            .filter { $0.count >= 8 }
        for secret in secrets { result = result.replacingOccurrences(of: secret, with: "<redacted>") }
        return result
    }
}
