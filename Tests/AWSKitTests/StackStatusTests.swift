import Foundation
import TestSupport
import Testing
@testable import AWSKit

/// The one table of what a CloudFormation status means (CONTRACT §5).
struct StackStatusTests {
    @Test("IMPORT_ROLLBACK_COMPLETE is a deployed, live stack in the probe, not a failed one")
    func importRollbackIsDeployed() {
        let observation = StackObservation(name: "s", status: "IMPORT_ROLLBACK_COMPLETE", lastUpdated: nil)
        #expect(observation.exists && observation.deployed)
        #expect(observation.stackStatus?.meaning == .live)
        #expect(observation.stackStatus?.failed == false)
    }

    @Test("every status CloudFormation reports has one meaning")
    func table() {
        let expected: [String: (deployed: Bool, meaning: StackStatus.Meaning)] = [
            "CREATE_COMPLETE": (true, .live), "UPDATE_COMPLETE": (true, .live),
            "UPDATE_ROLLBACK_COMPLETE": (true, .live), "IMPORT_COMPLETE": (true, .live),
            "IMPORT_ROLLBACK_COMPLETE": (true, .live),
            "UPDATE_IN_PROGRESS": (true, .inProgress), "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS": (true, .inProgress),
            "UPDATE_ROLLBACK_IN_PROGRESS": (true, .inProgress),
            "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS": (true, .inProgress),
            "CREATE_IN_PROGRESS": (false, .inProgress), "REVIEW_IN_PROGRESS": (false, .inProgress),
            "DELETE_IN_PROGRESS": (false, .inProgress), "ROLLBACK_IN_PROGRESS": (false, .inProgress),
            "IMPORT_IN_PROGRESS": (false, .inProgress), "IMPORT_ROLLBACK_IN_PROGRESS": (false, .inProgress),
            "CREATE_FAILED": (false, .failed), "ROLLBACK_COMPLETE": (false, .failed), "ROLLBACK_FAILED": (false, .failed),
            "DELETE_FAILED": (false, .failed), "UPDATE_FAILED": (false, .failed),
            "UPDATE_ROLLBACK_FAILED": (false, .failed), "IMPORT_ROLLBACK_FAILED": (false, .failed),
            "DELETE_COMPLETE": (false, .deleted),
        ]
        for (raw, want) in expected {
            let status = StackStatus(rawValue: raw)
            #expect(status.deployed == want.deployed, "\(raw)")
            #expect(status.meaning == want.meaning, "\(raw)")
            #expect(status.exists == (raw != "DELETE_COMPLETE"), "\(raw)")
        }
        #expect(StackObservation(name: "never", status: nil, lastUpdated: nil).exists == false)
    }
}
