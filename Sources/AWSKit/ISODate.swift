import Foundation

/// AWS's timestamps: ISO 8601 in XML answers (with or without fractional
/// seconds, `Z` or an offset), epoch seconds in JSON answers.
enum ISODate {
    static func parse(_ text: String?) -> Date? {
        guard let text, !text.isEmpty else { return nil }
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = fractional.date(from: text) { return date }
        // moto writes microseconds and sometimes no zone: cut to milliseconds, assume UTC.
        var trimmed = text
        if !(trimmed.hasSuffix("Z") || trimmed.range(of: #"[+-]\d\d:?\d\d$"#, options: .regularExpression) != nil) {
            trimmed += "Z"
        }
        if let range = trimmed.range(of: #"\.\d+"#, options: .regularExpression) {
            let digits = trimmed[range].dropFirst()
            trimmed.replaceSubrange(range, with: "." + digits.prefix(3).padding(toLength: 3, withPad: "0", startingAt: 0))
        }
        return fractional.date(from: trimmed) ?? plain.date(from: trimmed)
    }
}
