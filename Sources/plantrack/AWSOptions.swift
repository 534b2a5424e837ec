import ArgumentParser
import Evidence
import Foundation
import PlanKit

/// The AWS options `probe` and `verify` share (CONTRACT §1).
struct AWSOptions: ParsableArguments {
    @Option(help: "The stage whose stacks and parameters to look for (default: stage: of .plantrack.yml, else dev).")
    var stage: String?

    @Option(help: "The AWS region (default: region: of .plantrack.yml, provider.region, then AWS_REGION / the profile).")
    var region: String?

    @Option(help: "The AWS profile; it wins over environment keys (default: AWS_PROFILE, AWS_DEFAULT_PROFILE, profile: of .plantrack.yml, else default).")
    var profile: String?

    @Option(name: .customLong("endpoint-url"),
            help: "Send every AWS call to this URL instead (e.g. a local moto_server).")
    var endpointURL: String?
}
