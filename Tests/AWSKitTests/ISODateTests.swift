import Foundation
import Testing
@testable import AWSKit

/// The date forms AWS and moto write, parsed without ICU.
@Suite struct ISODateTests {
    @Test func formsAWSAndMotoWrite() {
        #expect(ISODate.parse("2026-11-27T13:30:00Z") == Date(timeIntervalSince1970: 1_795_786_200))
        #expect(ISODate.parse("2026-11-27T13:30:00.250Z") == Date(timeIntervalSince1970: 1_795_786_200.25))
        #expect(ISODate.parse("2026-11-27T13:30:00.123456") == Date(timeIntervalSince1970: 1_795_786_200.123456))
        #expect(ISODate.parse("2026-11-27T14:30:00+01:00") == Date(timeIntervalSince1970: 1_795_786_200))
        #expect(ISODate.parse("2026-11-27T08:30:00-0500") == Date(timeIntervalSince1970: 1_795_786_200))
        #expect(ISODate.parse("2000-02-29T00:00:00Z") == Date(timeIntervalSince1970: 951_782_400))
    }

    @Test func anythingElseIsNoDate() {
        for text in ["", "yesterday", "2026-13-01T00:00:00Z", "2026-11-27", "2026-11-27T13:30:00Zjunk", "2026-11-27T13:30:00."] {
            #expect(ISODate.parse(text) == nil, "\(text)")
        }
        #expect(ISODate.parse(nil) == nil)
    }
}
