import Foundation

/// The AWS SDKs' standard retry mode: which failures are worth another attempt,
/// how long to wait, and a quota that stops retrying when too much is failing.
enum RetryPolicy {
    /// Error codes meaning "slow down" (botocore's list for the standard mode).
    static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException",
        "TransactionInProgressException", "RequestLimitExceeded", "BandwidthLimitExceeded",
        "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException",
    ]
    static let transientCodes: Set<String> = ["RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete"]
    static let transientStatuses: Set<Int> = [500, 502, 503, 504]

    /// Codes meaning the session's keys ran out: the user must fetch new ones.
    static let expiredCodes: Set<String> = ["ExpiredToken", "ExpiredTokenException", "TokenRefreshRequired"]

    /// Codes meaning the keys or the policy said no: never retried.
    static let deniedCodes: Set<String> = [
        "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnrecognizedClientException",
        "InvalidClientTokenId", "SignatureDoesNotMatch", "InvalidSignatureException", "IncompleteSignature",
        "ExpiredToken", "ExpiredTokenException", "RequestExpired", "AuthFailure", "MissingAuthenticationToken",
        "MissingAuthenticationTokenException", "InvalidAccessKeyId", "NotAuthorized",
    ]

    static func isRetryable(status: Int, code: String?) -> Bool {
        if let code, throttlingCodes.contains(code) || transientCodes.contains(code) { return true }
        return status == 429 || transientStatuses.contains(status)
    }

    /// Full jitter: random in 0 ..< min(maxBackoff, base * 2^(retry-1)).
    static func backoff(retry: Int, options: AWSSettings.RetryOptions) -> Double {
        let ceiling = min(options.maxBackoff, options.baseDelay * pow(2, Double(retry - 1)))
        return ceiling > 0 ? Double.random(in: 0..<ceiling) : 0
    }
}

/// The retry quota of the standard mode, shared by every call of one `AWSProbe` and all
/// its runs (so a probe of hundreds of names against a failing endpoint soon stops
/// retrying). `ProbeRunner` makes a new probe, hence a full quota, per region and per run.
actor RetryQuota {
    private let capacity: Int
    private var available: Int

    init(capacity: Int) {
        self.capacity = capacity
        self.available = capacity
    }

    /// Takes `cost` for a retry; false when the quota cannot pay for it.
    func acquire(_ cost: Int) -> Bool {
        guard available >= cost else { return false }
        available -= cost
        return true
    }

    /// After a success: give back what its retries cost, or 1 when it needed none.
    func release(_ cost: Int) {
        available = min(capacity, available + max(cost, 1))
    }

    var remaining: Int { available }
}

/// Counts every HTTP request one probe makes, retries included.
actor CallCounter {
    private(set) var count = 0

    func increment() { count += 1 }
}
