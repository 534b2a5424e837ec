import Dashboard
import Foundation

/// How the dashboard wants the terminal set up.
public struct TerminalOptions: Sendable {
    /// Report clicks and the wheel (`--mouse`); off by default so the terminal's own
    /// selection and copy keep working.
    public var mouse: Bool
    /// Force a colour mode (tests, `--color`); nil detects it from the terminal and
    /// the environment (NO_COLOR always wins).
    public var colorMode: ColorMode?
    /// The environment read for TERM, NO_COLOR and COLORTERM.
    public var environment: [String: String]

    public init(mouse: Bool = false, colorMode: ColorMode? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.mouse = mouse
        self.colorMode = colorMode
        self.environment = environment
    }
}
