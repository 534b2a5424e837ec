import Evidence
import Foundation
import PlanKit

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
    /// The plan file is gone (deleted, or a folder in its place): the banner stays until it is back.
    case planGone(String)
    /// A write landed: what it did (the inverse is the undo), and the plan as written.
    case markWritten(EditOutcome, origin: ChangeOrigin, outline: PlanOutline)
    case writeFailed(StateChange, origin: ChangeOrigin, message: String)
    /// An undo or redo found its item changed on disk since the change it replays was
    /// written: nothing was written and the change leaves the history.
    case replayRefused(StateChange, origin: ChangeOrigin)
    case probeFinished(LiveStatus)
    case probeFailed(ProbeProblem, at: Date)
    /// Stages' verdicts for the matrix (`m`): the columns asked (one, from `.probeColumn`).
    case matrixFinished(StageMatrix)
    case themeFailed(String)
    /// A file a `text`/`yaml` check read changed on disk: the claims are judged again.
    case checkedFilesChanged
    /// The plan's history was read from git in the background (issue 14), or could not be.
    case historyLoaded(PlanHistory)
    case historyFailed(String)
}

public enum LoadReason: Sendable, Equatable { case initial, outsideEdit, editor, writtenBack }
