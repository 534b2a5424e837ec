import Foundation

/// A one-line message in the status bar that fades after a few seconds.
public struct StatusMessage: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case info, warning, error }
    public var text: String
    public var kind: Kind
    public var until: Date

    public init(text: String, kind: Kind, until: Date) {
        self.text = text
        self.kind = kind
        self.until = until
    }
}
