import Foundation
@testable import PlanKit

enum Fixtures {
    static let folder: URL = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    static func document(_ name: String) throws -> PlanDocument {
        try PlanDocument(bytes: bytes(name), name: name)
    }

    static func document(_ text: String, name: String = "test.md") throws -> PlanDocument {
        try PlanDocument(bytes: Array(text.utf8), name: name)
    }
}
