import Foundation
import GitHistory
import PlanKit

/// The plan's history as `history` and `report` read it: the versions from git, scanned
/// and compared, and what the user should know about them (a shallow clone, a version
/// that is not text) said once on stderr.
struct LoadedHistory {
    var history: PlanHistory
    var forecast: Forecast?
    var read: GitPlanVersions

    static func load(planPath: String) throws -> LoadedHistory {
        let read = try GitPlanReader(planPath: planPath).read()
        let history = PlanHistory(versions: read.versions)
        return LoadedHistory(history: history, forecast: Forecast(points: history.points), read: read)
    }

    /// Notes for stderr: how much a shallow clone showed, which versions were skipped.
    func notes(planPath: String) -> [String] {
        var notes: [String] = []
        if read.shallow {
            let oldest = history.points.first.map { " the oldest from " + String(Timestamp.rfc3339($0.date).prefix(10)) } ?? ""
            notes.append("\(planPath) lives in a shallow clone, so its history is cut short: \(read.commitsSeen) commit\(read.commitsSeen == 1 ? "" : "s") seen,\(oldest); git fetch --unshallow reads the rest.")
        }
        for skipped in history.unreadable {
            notes.append("the plan in commit \(skipped.commit.map { String($0.prefix(7)) } ?? "(working tree)") is left out: \(skipped.reason)")
        }
        return notes
    }

    static func printNote(_ note: String) {
        Terminal.note(note)
    }
}
