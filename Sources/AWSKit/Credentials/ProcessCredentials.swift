import Foundation

/// A profile's `credential_process` (botocore's `ProcessProvider`): the command is split as
/// the CLI splits it and run without a shell; it must print Version 1 JSON.
struct ProcessCredentials: CredentialProvider {
    var profile: String

    var name: String { "credential_process of profile '\(profile)'" }

    func load(_ context: CredentialContext) async throws(AWSError) -> ResolvedCredentials? {
        guard let command = context.profiles.value("credential_process", profile: profile) else { return nil }
        let arguments: [String]
        do { arguments = try CommandLineSplitter.split(command) } catch {
            throw .credentialProcessFailed(profile: profile, command: command,
                                           reason: error == .unclosedQuote ? "a quote is not closed" : "it ends in a backslash")
        }
        guard !arguments.isEmpty else {
            throw .credentialProcessFailed(profile: profile, command: command, reason: "the command is empty")
        }
        let profile = self.profile
        let credentials = try await CredentialCommand.run(arguments, context: context) { reason in
            AWSError.credentialProcessFailed(profile: profile, command: arguments[0], reason: reason)
        }
        return ResolvedCredentials(credentials: credentials,
                                   source: CredentialSource(kind: .credentialProcess, profile: profile, detail: arguments[0]))
    }
}

/// SSO and the other profile kinds PlanTrack does not read itself (`sso_session`,
/// `sso_start_url`, `login_session`): the AWS CLI v2 produces the keys through
/// `aws configure export-credentials`, as a credential process would.
struct ExportedCredentials: CredentialProvider {
    var profile: String

    /// The profile keys that make a profile one of these.
    static let keys = ["sso_start_url", "sso_session", "sso_account_id", "login_session"]

    var name: String { "'aws configure export-credentials' for the SSO settings of profile '\(profile)'" }

    func load(_ context: CredentialContext) async throws(AWSError) -> ResolvedCredentials? {
        let profile = self.profile
        guard let key = Self.keys.first(where: { context.profiles.value($0, profile: profile) != nil }) else { return nil }
        let hint = "run 'aws sso login --profile \(profile)' (or set AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY) and try again"
        guard ProcessRunner.locate("aws", environment: context.environment) != nil else {
            throw .unsupportedProfile(profile: profile, reason: "uses \(key), which PlanTrack reads through the AWS CLI v2 "
                + "('aws configure export-credentials'), and no 'aws' is on PATH: install the AWS CLI v2, \(hint).")
        }
        let arguments = ["aws", "configure", "export-credentials", "--profile", profile, "--format", "process"]
        let credentials = try await CredentialCommand.run(arguments, context: context) { reason in
            let missing = reason.contains("Invalid choice") || reason.contains("invalid choice") || reason.contains("usage:")
            return AWSError.unsupportedProfile(profile: profile, reason: missing
                ? "uses \(key), and the 'aws' on PATH has no 'configure export-credentials' (AWS CLI v2 has it): install the AWS CLI v2, \(hint)."
                : "uses \(key), and 'aws configure export-credentials --profile \(profile)' failed (\(reason)): \(hint).")
        }
        return ResolvedCredentials(credentials: credentials, source: CredentialSource(
            kind: .exportCredentials, profile: profile, detail: "aws configure export-credentials"))
    }
}

/// Runs a command that prints credential_process JSON, and reads its keys.
enum CredentialCommand {
    static func run(_ arguments: [String], context: CredentialContext,
                    failure: (String) -> AWSError) async throws(AWSError) -> AWSCredentials {
        let output: ProcessRunner.Output
        do {
            output = try await ProcessRunner.run(arguments, environment: context.environment,
                                                 timeout: context.settings.timeouts.process)
        } catch {
            switch error {
            case .notFound(let program): throw failure("'\(program)' is not an executable file on PATH")
            case .couldNotStart(let program): throw failure("'\(program)' could not be started")
            case .timedOut(let seconds): throw failure("it did not finish within \(Int(seconds)) s")
            }
        }
        guard output.status == 0 else {
            let said = output.stderrSummary
            throw failure("it exited with status \(output.status)" + (said.isEmpty ? "" : ": \(said)"))
        }
        switch CredentialProcessOutput.parse(output.stdout) {
        case .success(let credentials):
            // botocore refuses keys that are already expired rather than send a doomed request.
            if let expiration = credentials.expiration, expiration <= context.now {
                throw failure("the credentials it printed expired at \(ISODate.format(expiration))")
            }
            return credentials
        case .failure(let reason): throw failure(reason.text)
        }
    }
}
