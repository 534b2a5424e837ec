/// What every client call needs: where to send, how to sign, what to count.
struct ClientContext: Sendable {
    var transport: AWSTransport
    var region: String
    var endpoint: AWSEndpoint
    var credentials: AWSCredentials
    var counter: CallCounter
}
