import PlanKit

/// Slow or outside work `reduce` asks the run loop to do; results come back as actions.
public enum Effect: Sendable, Equatable {
    /// Write one change through PlanFile, then `.markWritten`: a user's mark (stamped,
    /// derived Status) or an undo/redo that restores the mark and metadata it carries.
    case writeMark(StateChange, origin: ChangeOrigin)
    /// Probe the stage's evidence in the background, then `.probeFinished`/`.probeFailed`.
    case probe(stage: String?)
    /// Probe one stage's column of the matrix (`m`) in the background, then `.matrixFinished`
    /// with that column. Each stage is asked by an effect of its own, on its own timer.
    case probeColumn(stage: String)
    /// Suspend the terminal, run $VISUAL/$EDITOR at this line, then reload.
    case openEditor(line: Int)
    /// Load and use the named theme.
    case applyTheme(String)
    /// Write the plan as last read back to its path (it was deleted; the user confirmed).
    case writeBack
    case quit
    /// Paint the whole frame again (Ctrl-L: the glass was drawn over by another program).
    case repaint
    /// Put this text on the system clipboard (OSC 52: works over ssh and in tmux).
    case copy(String)
}
