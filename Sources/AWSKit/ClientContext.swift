/// What every client call needs: where to send, how to sign, what to count.
struct ClientContext: Sendable {
    var transport: AWSTransport
    var region: String
    var endpoint: AWSEndpoint
    /// Nil for unsigned calls (STS AssumeRoleWithWebIdentity).
    var credentials: AWSCredentials?
    var counter: CallCounter
    var breaker = EndpointBreaker()
    /// Attempts and CA bundle of the profile.
    var network = NetworkOptions()
    /// Where the keys came from, so an expired session can say what to run.
    var credentialSource: CredentialSource?

    func send(_ call: ServiceCall) async throws(AWSError) -> [UInt8] {
        guard let gate = transport.gate else { return try await transport.send(call, context: self) }
        await gate.enter()
        do {
            let answer = try await transport.send(call, context: self)
            await gate.leave()
            return answer
        } catch {
            await gate.leave()
            throw error
        }
    }
}
