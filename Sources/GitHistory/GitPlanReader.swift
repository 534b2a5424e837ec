import Foundation
import PlanKit

/// The versions of a plan that git holds, oldest first, and the working tree's when it
/// differs from the last commit.
public struct GitPlanVersions: Sendable {
    public var versions: [PlanVersion]
    /// True in a shallow clone: the history starts where the clone was cut.
    public var shallow: Bool
    /// The commits git listed, the deleted-plan ones included.
    public var commitsSeen: Int
}

/// Reads a plan's versions from git with two processes, whatever the history's length:
/// `git log --follow` for the commits (renames followed) and one `git cat-file --batch`
/// for all their bytes.
public struct GitPlanReader {
    public var planPath: String
    public var environment: [String: String]
    public var now: Date

    public init(planPath: String, environment: [String: String] = ProcessInfo.processInfo.environment, now: Date = Date()) {
        self.planPath = planPath
        self.environment = environment
        self.now = now
    }

    public func read() throws(GitHistoryError) -> GitPlanVersions {
        let url = URL(fileURLWithPath: planPath)
        let folder = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        guard let git = GitProcess(folder: folder, environment: environment) else { throw .noGit }
        let shallowAnswer = try git.run(["rev-parse", "--is-shallow-repository"])
        guard shallowAnswer.status == 0 else { throw .notARepository(path: planPath) }
        let shallow = String(decoding: shallowAnswer.output, as: UTF8.self).hasPrefix("true")
        let listed = try git.run(["ls-files", "--full-name", "--error-unmatch", "--", name])
        guard listed.status == 0 else { throw .untracked(path: planPath) }
        let repoPath = String(decoding: listed.output, as: UTF8.self).trimmingCharacters(in: .newlines)

        let log = try git.run(["log", "--follow", "--name-status", GitLog.format, "--", name])
        guard log.status == 0 else { throw .gitFailed(command: "log", message: log.errors) }
        var entries = Array(GitLog.entries(log.output, currentPath: repoPath).reversed().filter { $0.object != nil })
        let commitsSeen = entries.count
        // `--follow` leaves out merge commits; the one at HEAD is added so that the last
        // point is what HEAD holds, not a merged change shown as uncommitted.
        let head = try git.run(["log", "-1", GitLog.format, "HEAD"])
        let tip = GitLog.entries(head.output, currentPath: repoPath).first.flatMap { $0.commit == entries.last?.commit ? nil : $0 }
        if let tip { entries.append(tip) }
        var versions = try blobs(entries, git: git)
        if tip != nil, versions.count >= 2, versions.last?.commit == tip?.commit,
           versions[versions.count - 1].bytes == versions[versions.count - 2].bytes {
            versions.removeLast()
        }
        if let working = FileManager.default.contents(atPath: planPath).map([UInt8].init), working != versions.last?.bytes {
            versions.append(PlanVersion(bytes: working, commit: nil, date: now, author: nil))
        }
        return GitPlanVersions(versions: versions, shallow: shallow, commitsSeen: commitsSeen)
    }

    private func blobs(_ entries: [GitLogEntry], git: GitProcess) throws(GitHistoryError) -> [PlanVersion] {
        guard !entries.isEmpty else { return [] }
        let request = entries.map { $0.object! + "\n" }.joined()
        let batch = try git.run(["cat-file", "--batch"], input: Array(request.utf8)) {
            CatFileBatch.contents(readingFrom: $0.fileDescriptor, count: entries.count)
        }
        guard batch.status == 0 else { throw .gitFailed(command: "cat-file", message: batch.errors) }
        return zip(entries, batch.output).compactMap { entry, bytes in
            bytes.map { PlanVersion(bytes: $0, commit: entry.commit, date: entry.date, author: entry.author) }
        }
    }
}
