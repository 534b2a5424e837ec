/// Slow or outside work `reduce` asks the run loop to do; results come back as actions.
public enum Effect: Sendable, Equatable {
    /// Write one mark through PlanFile (stamp + derived Status), then `.markWritten`.
    case writeMark(MarkChange, origin: ChangeOrigin)
    /// Probe the stage's evidence in the background, then `.probeFinished`/`.probeFailed`.
    case probe(stage: String?)
    /// Suspend the terminal, run $VISUAL/$EDITOR at this line, then reload.
    case openEditor(line: Int)
    /// Load and use the named theme.
    case applyTheme(String)
    case quit
    /// Paint the whole frame again (Ctrl-L: the glass was drawn over by another program).
    case repaint
    /// Put this text on the system clipboard (OSC 52: works over ssh and in tmux).
    case copy(String)
}
