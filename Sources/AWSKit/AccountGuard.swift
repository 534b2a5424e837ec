import Foundation

/// Why a stage was not asked: its credentials answer for another account than the config names.
public enum AccountGuard {
    /// The failure for a stage whose credentials belong to `actual` while `expected` was asked for.
    public static func mismatch(stage: String, expected: String, actual: String, profile: String?) -> ProbeFailure {
        let keys = profile.map { "the credentials of profile \($0)" } ?? "the credentials"
        return ProbeFailure(service: "sts", code: "AccountMismatch",
                            message: "stage \(stage) expects account \(expected), but \(keys) belong to account \(actual); nothing was asked",
                            kind: .configuration)
    }
}
