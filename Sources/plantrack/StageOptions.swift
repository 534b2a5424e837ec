import ArgumentParser
import Evidence
import Foundation
import PlanKit

/// `--stages S,T` and `--all-stages` (CONTRACT §1, §5): several stages side by side.
struct StageOptions: ParsableArguments {
    @Option(help: "Stages to hold side by side, comma-separated (e.g. dev,prod): one column each.")
    var stages: String?

    @Flag(help: "Every stage of stages: in .plantrack.yml, side by side.")
    var allStages = false

    /// The stages asked for, in order; nil when neither option was given (one stage, as before).
    func names(config: PlanTrackConfig, stageOption: String?) throws -> [String]? {
        if stages != nil && allStages { throw Failure("--stages and --all-stages disagree; give one of them", exitCode: 2) }
        var names: [String]
        if allStages {
            names = config.stages
            guard !names.isEmpty else {
                throw Failure("--all-stages needs stages: in \(config.file ?? ".plantrack.yml"), which names none", exitCode: 2)
            }
        } else if let stages {
            names = stages.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !names.isEmpty else { throw Failure("--stages names no stage; give them comma-separated, e.g. dev,prod", exitCode: 2) }
        } else {
            return nil
        }
        if stageOption != nil { throw Failure("--stage and --\(allStages ? "all-stages" : "stages") disagree; give one of them", exitCode: 2) }
        var seen: [String] = []
        for name in names where !seen.contains(name) { seen.append(name) }
        return seen
    }

    /// The stages' settings: each its own profile, region and account, the command line's options kept.
    func settings(_ names: [String], lookup: ConfigLookup, aws: AWSOptions) -> [EvidenceSettings] {
        names.map { EvidenceSettings(lookup: lookup, stage: $0, region: aws.region, profile: aws.profile,
                                     endpointURL: aws.endpointURL) }
    }
}

/// The width a table may take: COLUMNS, else the terminal's, else 80 (a pipe or a file).
enum OutputWidth {
    static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}
