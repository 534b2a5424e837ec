@testable import AWSKit
import Foundation
import TestSupport

/// Files under Tests/AWSKitTests/Fixtures, copied into the test bundle.
enum Fixtures {
    static var folder: URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
    }

    static func path(_ name: String) -> String {
        folder.appendingPathComponent(name).path
    }

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(name))
    }

    /// The PATH the tests hand to the code under test: where python3 lives, nothing from the user's shell.
    static var basePath: String {
        ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    }
}

extension TemporaryFolder {
    /// A fresh folder standing in for a home directory, with an empty ~/.aws for the test to fill.
    static func awsHome() throws -> TemporaryFolder {
        let home = try TemporaryFolder("aws")
        try home.createFolder(".aws")
        return home
    }
}

extension SSMClient {
    /// An SSM client for one test, signed with dummy keys, sending to the endpoint `settings` give.
    static func forTest(settings: AWSSettings, transport: AWSTransport, counter: CallCounter = CallCounter()) throws -> SSMClient {
        SSMClient(context: ClientContext(
            transport: transport, region: "us-east-1",
            endpoint: try AWSConfiguration.resolve(settings).endpoint(.ssm),
            credentials: .init(accessKeyID: "A", secretAccessKey: "S"), counter: counter))
    }
}
