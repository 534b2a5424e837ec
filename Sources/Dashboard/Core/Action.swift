import Evidence
import Foundation

/// Everything that can happen to the dashboard: input from the terminal and the
/// results of effects the run loop carried out.
public enum Action: Sendable {
    /// The loop is running: the first probe may start.
    case started
    case key(Key)
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)
    /// The clock moved (spinner, "probed 12 s ago", auto-refresh).
    case tick(Date)
    /// The plan was read: at start, after an outside edit, or after the editor closed.
    case planLoaded(PlanOutline, reason: LoadReason)
    case planLoadFailed(String)
    case markWritten(MarkChange, origin: ChangeOrigin, outline: PlanOutline)
    case writeFailed(MarkChange, origin: ChangeOrigin, message: String)
    /// An undo or redo found its item changed on disk since the change it replays was
    /// written: nothing was written and the change leaves the history.
    case replayRefused(MarkChange, origin: ChangeOrigin)
    case probeFinished(LiveStatus)
    case probeFailed(ProbeProblem, at: Date)
    /// Every stage's verdicts, for the matrix (`m`).
    case matrixFinished(StageMatrix)
    case themeFailed(String)
}

public enum LoadReason: Sendable, Equatable { case initial, outsideEdit, editor }
