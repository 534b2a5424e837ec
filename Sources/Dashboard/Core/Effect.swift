/// Slow or outside work `reduce` asks the run loop to do; results come back as actions.
public enum Effect: Sendable, Equatable {
    /// Write one mark through PlanFile (stamp + derived Status), then `.markWritten`.
    case writeMark(MarkChange, origin: ChangeOrigin)
    /// Probe the stage's evidence in the background, then `.probeFinished`/`.probeFailed`.
    case probe(stage: String?)
    /// Probe every stage at once (the matrix, `m`), then `.matrixFinished`.
    case probeMatrix(stages: [String])
    /// Suspend the terminal, run $VISUAL/$EDITOR at this line, then reload.
    case openEditor(line: Int)
    /// Load and use the named theme.
    case applyTheme(String)
    case quit
}
