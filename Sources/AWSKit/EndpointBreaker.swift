/// A circuit breaker for endpoints that do not answer at all. Once an endpoint has
/// refused or timed out for good (after every retry), the rest of the run's calls to it
/// fail at once with the same error: a probe of 150 stacks against a closed port ends
/// in seconds, not after 150 rounds of retries. One breaker per probe run, so the next
/// refresh tries the endpoint again.
actor EndpointBreaker {
    private var open: [String: AWSError] = [:]

    /// The error an endpoint already failed with for good in this run, if any.
    func failure(for endpoint: String) -> AWSError? { open[endpoint] }

    func trip(_ endpoint: String, _ error: AWSError) { open[endpoint] = error }
}
