import Foundation

/// Clock skew, as the JS and Java SDKs handle it: when AWS refuses a signature's time
/// and its answer's `Date` is minutes away from ours, the call is signed again with
/// AWS's time, once, and later calls keep the offset.
enum ClockSkew {
    /// Codes AWS answers a badly timed signature with.
    static let codes: Set<String> = [
        "RequestTimeTooSkewed", "RequestExpired", "RequestInTheFuture", "InvalidSignatureException",
        "SignatureDoesNotMatch", "AuthFailure",
    ]
    /// Below this the clocks agree well enough; the SDKs use 5 minutes.
    static let tolerance: TimeInterval = 300

    /// The offset to add to our clock, when the refusal is about time and the Date header says by how much.
    static func detect(code: String?, message: String, serverDate: Date?, localDate: Date) -> TimeInterval? {
        guard let code, codes.contains(code) else { return nil }
        let aboutTime = code == "RequestTimeTooSkewed" || code == "RequestInTheFuture" || code == "RequestExpired"
            || message.localizedCaseInsensitiveContains("signature expired")
            || message.localizedCaseInsensitiveContains("not yet current")
        guard aboutTime || code != "SignatureDoesNotMatch", let serverDate else { return nil }
        let offset = serverDate.timeIntervalSince(localDate)
        return abs(offset) >= tolerance || aboutTime && abs(offset) >= 60 ? offset : nil
    }

    /// "7 min behind" / "2 h 5 min ahead of".
    static func describe(_ seconds: TimeInterval) -> String {
        let minutes = Int((abs(seconds) / 60).rounded())
        let amount = minutes >= 60 ? "\(minutes / 60) h \(minutes % 60) min" : "\(minutes) min"
        return seconds > 0 ? "\(amount) behind" : "\(amount) ahead of"
    }
}

/// The signing clock: the settings' clock plus the offset learnt from AWS.
actor SkewedClock {
    private let base: @Sendable () -> Date
    private var offset: TimeInterval = 0

    init(now: @escaping @Sendable () -> Date) { base = now }

    func now() -> Date { base().addingTimeInterval(offset) }

    func correct(by seconds: TimeInterval) { offset += seconds }
}

/// The HTTP `Date` header (RFC 7231 IMF-fixdate: `Tue, 01 Dec 2026 22:10:00 GMT`), or
/// another fixed UTC format.
enum HTTPDate {
    static let imfFixdate = "EEE, dd MMM yyyy HH:mm:ss zzz"

    static func parse(_ text: String) -> Date? { parse(text, format: imfFixdate) }

    static func parse(_ text: String, format: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = format
        return formatter.date(from: text)
    }
}
