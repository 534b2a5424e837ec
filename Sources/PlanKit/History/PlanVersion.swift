import Foundation

/// One version of the plan as history knows it: its bytes and where they came from.
/// A version not yet committed (the working tree) has no commit.
public struct PlanVersion: Sendable {
    public var bytes: [UInt8]
    public var commit: String?
    public var date: Date
    public var author: String?

    public init(bytes: [UInt8], commit: String?, date: Date, author: String?) {
        self.bytes = bytes
        self.commit = commit
        self.date = date
        self.author = author
    }
}
