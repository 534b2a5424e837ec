/// An error a user reads: one sentence that names the file, line, id or setting at
/// fault, and the exit code CONTRACT §2 gives it. Every error that can reach the user
/// adopts this; commands only throw, and `main` prints the sentence once, with the
/// `plantrack:` prefix, through `TerminalText.sanitized`.
public protocol UserFacingError: Error {
    /// 1 finding, 2 usage or bad input, 3 file I/O, 4 AWS.
    var exitCode: Int32 { get }
    /// One sentence, without the `plantrack:` prefix.
    var sentence: String { get }
}

/// A failure whose sentence and code were decided where it happened (a command's own
/// refusal): the plain carrier for `UserFacingError`.
public struct Failure: UserFacingError, Equatable {
    public var sentence: String
    public var exitCode: Int32

    public init(_ sentence: String, exitCode: Int32) {
        self.sentence = sentence
        self.exitCode = exitCode
    }
}
