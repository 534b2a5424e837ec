import Foundation
import Testing
import TestSupport

/// The private moto servers that fixture projects and the stage matrix stand on: each
/// answers as its own account, and a reset forgets what was seeded.
@Suite struct MotoServerTests {
    @Test func eachServerAnswersAsItsOwnAccountAndResetForgetsItsStacks() throws {
        let dev = try MotoServer(accountID: "111111111111")
        let prod = try MotoServer(accountID: "222222222222")
        #expect(try callerAccount(dev) == "111111111111")
        #expect(try callerAccount(prod) == "222222222222")
        try aws(dev, ["cloudformation", "create-stack", "--stack-name", "kept-until-reset",
                      "--template-body", #"{"Resources":{"T":{"Type":"AWS::SNS::Topic"}}}"#])
        #expect(try aws(dev, ["cloudformation", "list-stacks"]).contains("kept-until-reset"))
        try dev.reset()
        #expect(try !aws(dev, ["cloudformation", "list-stacks"]).contains("kept-until-reset"))
    }

    private func callerAccount(_ server: MotoServer) throws -> String {
        try aws(server, ["sts", "get-caller-identity", "--query", "Account", "--output", "text"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @discardableResult
    private func aws(_ server: MotoServer, _ arguments: [String]) throws -> String {
        let run = try Subprocess.run(["env", "AWS_ACCESS_KEY_ID=testing", "AWS_SECRET_ACCESS_KEY=testing",
                                      "AWS_DEFAULT_REGION=us-east-1", "AWS_CONFIG_FILE=/dev/null",
                                      "AWS_SHARED_CREDENTIALS_FILE=/dev/null",
                                      "aws", "--endpoint-url", server.url] + arguments, mergingErrors: false)
        guard run.succeeded else { throw Subprocess.Failed(command: "aws " + arguments.joined(separator: " "), output: run.text) }
        return run.text
    }
}
