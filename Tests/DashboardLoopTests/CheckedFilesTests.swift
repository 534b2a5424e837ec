import Dashboard
import DashboardLoop
import Evidence
import Foundation
import PlanKit
import Synchronization
import Testing

/// Issue 12 point 2: a file a `text`/`yaml` check read changes while the dashboard is open,
/// and the claims are judged again without a key.
@Suite struct CheckedFilesTests {
    @Test func aCheckedFileThatChangesIsJudgedAgain() async throws {
        let plan = try AppHarness()
        defer { plan.cleanUp() }
        let checked = plan.folder.appendingPathComponent("serverless.yml")
        try Data("a: ${cf:x}\n".utf8).write(to: checked)
        let probes = Mutex(0)
        let live = LiveStatusSource { _ in
            let count = probes.withLock { $0 += 1; return $0 }
            if count == 1 {
                return .probeFinished(LiveStatus(stage: "dev", probedAt: Date(), verdicts: [], watchedFiles: [checked.path]))
            }
            return .probeFailed(.failed("judged again, time \(count)"), at: Date())
        }
        let terminal = RecordingTerminal(columns: 100, rows: 24, steps: [
            .waitFor("dev · probed"),
            .run { try? Data("a: ${ssm:/x}\n".utf8).write(to: checked) },
            .waitFor("judged again, time 2"),
        ])
        let app = try await plan.run(terminal, live: live, pollInterval: 0.05)
        #expect(terminal.timedOut == nil, "\(terminal.timedOut ?? "")")
        #expect(probes.withLock { $0 } == 2)
        #expect(!app.state.live.probing)
    }

    /// A `text:` check whose glob matches nothing fails; a matching file that appears afterwards
    /// (in a folder the glob covers, which did not exist) is noticed and judged without `r`.
    @Test func aFileNewToAGlobIsJudgedWithoutAKey() async throws {
        let plan = try AppHarness()
        defer { plan.cleanUp() }
        try Data("""
            checks:
              "1.2":
                text:
                  - in: "services/*/serverless.yml"
                    absent: "${cf:"
            """.utf8).write(to: plan.folder.appendingPathComponent(".plantrack.yml"))
        let lookup = try ConfigLookup.resolve(planOption: plan.path, configOption: nil)
        let live = LiveStatusSource { stage in
            // As the tool's source does (EvidenceLiveSource): judged by the evidence engine, watching what it read.
            let settings = EvidenceSettings(lookup: lookup, stage: stage, region: nil, profile: nil, endpointURL: nil,
                                            environment: [:])
            guard let document = try? PlanFile(path: lookup.planPath).document else {
                return .probeFailed(.failed("unreadable"), at: Date())
            }
            let snapshot = await EvidenceEngine.evaluate(document: document, settings: settings)
            return .probeFinished(LiveStatus(stage: settings.stage, probedAt: Date(), verdicts: snapshot.verdicts,
                                             watchedFiles: snapshot.repository.watched(in: lookup.projectPath)))
        }
        // The new service is made elsewhere and moved in whole, as a checkout would bring it.
        let staging = plan.folder.deletingLastPathComponent().appendingPathComponent("staging-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: staging) }
        let terminal = RecordingTerminal(columns: 120, rows: 30, steps: [
            .event(.key(.down)),  // TODO 1.2
            .waitFor("Verdict: pending"),
            .run {
                let service = staging.appendingPathComponent("users")
                try? FileManager.default.createDirectory(at: service, withIntermediateDirectories: true)
                try? Data("service: users\nprovider:\n  name: aws\n".utf8)
                    .write(to: service.appendingPathComponent("serverless.yml"))
                try? FileManager.default.moveItem(at: staging, to: plan.folder.appendingPathComponent("services"))
            },
            .waitFor("Verdict: ready"),
        ])
        let app = try await plan.run(terminal, live: live, pollInterval: 0.05)
        #expect(terminal.timedOut == nil, "\(terminal.timedOut ?? "")")
        #expect(app.state.selected?.id == "1.2")
        #expect(app.state.selected.flatMap(app.state.evidence(for:))?.verdict == .ready)
    }
}
