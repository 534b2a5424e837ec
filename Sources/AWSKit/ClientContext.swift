/// What every client call needs: where to send, how to sign, what to count.
struct ClientContext: Sendable {
    var transport: AWSTransport
    var region: String
    var endpoint: AWSEndpoint
    /// Nil for unsigned calls (STS AssumeRoleWithWebIdentity).
    var credentials: AWSCredentials?
    var counter: CallCounter
    var breaker = EndpointBreaker()

    func send(_ call: ServiceCall) async throws(AWSError) -> [UInt8] {
        try await transport.send(call, credentials: credentials, counter: counter, breaker: breaker)
    }
}
