import Testing
@testable import PlanKit
