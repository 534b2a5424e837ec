import Foundation
import TestSupport
import Testing
@testable import AWSKit

/// Issue 9 point 4: every region of every partition x service x FIPS / dual-stack flag gives
/// the host the installed botocore computed (Fixtures/endpoints.json, made once by
/// scripts/aws-endpoints-fixture.py; null where botocore refuses the combination).
struct EndpointTableTests {
    struct Row: Decodable {
        var partition: String
        var region: String
        var service: String
        var fips: Bool
        var dualstack: Bool
        var url: String?
    }

    struct Table: Decodable {
        var botocore: String
        var endpoints: [Row]
    }

    @Test("AWSEndpoint.standard equals botocore's endpoint for every region, service and flag")
    func everyRegion() throws {
        let table = try JSONDecoder().decode(Table.self, from: try Fixtures.data("endpoints.json"))
        #expect(table.endpoints.count > 500)
        #expect(Set(table.endpoints.map(\.partition)).isSuperset(of: ["aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-eusc"]))
        var mismatches: [String] = []
        for row in table.endpoints {
            let service = try #require(AWSService(rawValue: row.service))
            let variant = EndpointVariant(fips: row.fips, dualStack: row.dualstack)
            let ours = try? AWSEndpoint.standard(service: service, region: row.region, variant: variant)
            let got = ours.map { String($0.url.dropLast()) }
            if got != row.url {
                mismatches.append("\(row.region) \(row.service) fips=\(row.fips) dualstack=\(row.dualstack): \(got ?? "error") != \(row.url ?? "error")")
            }
            #expect(AWSPartition.of(row.region).id == row.partition, "\(row.region)")
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) differ, e.g. \(mismatches.prefix(5))")
    }

    @Test("the flags come from AWS_USE_FIPS_ENDPOINT / AWS_USE_DUALSTACK_ENDPOINT or the profile, the variable winning")
    func flagsFromSettings() throws {
        let home = try TemporaryFolder.awsHome()
        defer { home.remove() }
        try home.write(".aws/config", "[profile fed]\nregion = us-gov-west-1\nuse_fips_endpoint = true\n"
            + "[profile iso]\nregion = us-isob-east-1\nuse_dualstack_endpoint = TRUE\n")
        func configuration(_ env: [String: String]) throws -> AWSConfiguration {
            try AWSConfiguration.resolve(AWSSettings(environment: env, home: home.path))
        }
        #expect(try configuration(["AWS_PROFILE": "fed", "AWS_USE_DUALSTACK_ENDPOINT": "true"]).endpoint(.sts).url
            == "https://sts-fips.us-gov-west-1.api.aws/")
        #expect(try configuration(["AWS_PROFILE": "fed", "AWS_USE_FIPS_ENDPOINT": "false"]).endpoint(.ssm).url
            == "https://ssm.us-gov-west-1.amazonaws.com/")
        #expect(try configuration(["AWS_REGION": "us-east-1", "AWS_USE_FIPS_ENDPOINT": "true"]).endpoint(.cloudFormation).url
            == "https://cloudformation-fips.us-east-1.amazonaws.com/")
        #expect(try configuration(["AWS_PROFILE": "iso"]).endpoint(.ssm).url == "https://ssm.us-isob-east-1.api.aws/")
        #expect(try configuration(["AWS_REGION": "eusc-de-east-1"]).endpoint(.sts).url == "https://sts.eusc-de-east-1.amazonaws.eu/")
        do {
            _ = try configuration(["AWS_REGION": "us-isof-south-1", "AWS_USE_DUALSTACK_ENDPOINT": "true"])
            Issue.record("dual stack resolved where botocore has none")
        } catch {
            #expect("\(error)".contains("AWS_USE_DUALSTACK_ENDPOINT"), "\(error)")
        }
    }
}
