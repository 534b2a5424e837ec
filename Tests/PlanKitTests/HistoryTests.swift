import Foundation
import Testing
@testable import PlanKit

/// The history model on versions given as text: matching, forecast, buckets, chart.
@Suite struct HistoryTests {
    static let day: TimeInterval = 86_400
    static let start = Date(timeIntervalSince1970: 1_794_960_000) // 2026-11-18T00:00:00Z, a Wednesday

    func version(_ text: String, day: Double, commit: String? = "c") -> PlanVersion {
        PlanVersion(bytes: Array(text.utf8), commit: commit, date: Self.start.addingTimeInterval(day * Self.day), author: "A")
    }

    func plan(_ marks: [Character]) -> String {
        "# P\n## Phase 1: One\n" + marks.enumerated().map { "- [\($1)] **TODO 1.\($0 + 1): Item \($0 + 1)**\n" }.joined()
    }

    @Test func anItemRenumberedAfterADeletionIsMatchedByItsText() {
        let old = "# P\n- [ ] **TODO 2.5: Five**\n- [ ] **TODO 2.6: Six**\n"
        let new = "# P\n- [x] **TODO 2.5: Six**\n"
        let history = PlanHistory(versions: [version(old, day: 0), version(new, day: 1)])
        #expect(history.points[1].removed == ["2.5"])
        #expect(history.points[1].closed == ["2.5"])
        #expect(history.points[1].added.isEmpty)
    }

    @Test func anItemWhoseTextWasEditedKeepsItsId() {
        let old = "# P\n- [ ] **TODO 1.1: Old words**\n"
        let new = "# P\n- [x] **TODO 1.1: New words**\n"
        let history = PlanHistory(versions: [version(old, day: 0), version(new, day: 1)])
        #expect(history.points[1].closed == ["1.1"] && !history.points[1].added.contains("1.1"))
    }

    @Test func itemsWithoutIdsAreNamedByLineAndMatchedByText() {
        let old = "# P\n- [ ] first\n- [ ] second\n"
        let new = "# P\n\n- [ ] new one\n- [ ] first\n- [x] second\n"
        let history = PlanHistory(versions: [version(old, day: 0), version(new, day: 1)])
        #expect(history.points[1].added == ["L3"])
        #expect(history.points[1].closed == ["L5"])
        #expect(history.points[1].removed.isEmpty)
    }

    @Test func aVersionThatIsNotTextIsSkippedAndSaid() {
        let bad = PlanVersion(bytes: [0x61, 0x00], commit: "bad", date: Self.start, author: nil)
        let history = PlanHistory(versions: [version(plan([" "]), day: 0), bad, version(plan(["x"]), day: 1)])
        #expect(history.points.count == 2)
        #expect(history.unreadable.map(\.commit) == ["bad"])
        #expect(history.points[1].closed == ["1.1"])
    }

    @Test func theForecastProjectsTwoAndAHalfItemsAWeek() throws {
        // 10 items closed over exactly the last 4 weeks; 20 open: 8 weeks to go.
        var versions = [version(plan(Array(repeating: " ", count: 30)), day: 0)]
        for i in 1...10 {
            let marks = Array(repeating: Character("x"), count: i) + Array(repeating: " ", count: 30 - i)
            versions.append(version(plan(marks), day: 28 + Double(i) * 2.8))
        }
        let history = PlanHistory(versions: versions)
        let forecast = try #require(Forecast(points: history.points))
        #expect(forecast.rate == 2.5)
        #expect(forecast.open == 20)
        #expect(forecast.basis == "closed items, last 4 weeks")
        #expect(forecast.day == "2027-03-10") // day 56 + 8 weeks = day 112 after 2026-11-18
        #expect(forecast.sentence == "at 2.5 items a week, the 20 open items close around 2027-03-10")
    }

    @Test func closuresOlderThanFourWeeksDoNotCount() throws {
        let versions = [version(plan([" ", " ", " "]), day: 0), version(plan(["x", " ", " "]), day: 1),
                        version(plan(["x", "x", " "]), day: 40)]
        let forecast = try #require(Forecast(points: PlanHistory(versions: versions).points))
        #expect(forecast.rate == 0.25)
        #expect(forecast.day == "2027-01-25") // day 40 + 4 weeks
    }

    @Test func aShortHistoryIsMeasuredOverAWeekAtLeast() throws {
        let versions = [version(plan([" ", " "]), day: 0), version(plan(["x", " "]), day: 1)]
        let forecast = try #require(Forecast(points: PlanHistory(versions: versions).points))
        #expect(forecast.rate == 1)
        #expect(forecast.basis == "closed items, last 7 days (all the history)")
        #expect(forecast.sentence == "at 1 item a week, the 1 open item closes around 2026-11-26")
    }

    @Test func noRateMeansNoForecast() {
        let idle = [version(plan([" ", " "]), day: 0), version(plan([" ", " "]), day: 3)]
        #expect(Forecast(points: PlanHistory(versions: idle).points) == nil)
        let reopenedAsMuch = [version(plan([" "]), day: 0), version(plan(["x"]), day: 1), version(plan([" "]), day: 2)]
        #expect(Forecast(points: PlanHistory(versions: reopenedAsMuch).points) == nil)
        let finished = [version(plan([" "]), day: 0), version(plan(["x"]), day: 1)]
        #expect(Forecast(points: PlanHistory(versions: finished).points) == nil)
        #expect(Forecast(points: []) == nil)
    }

    @Test func weeksRunFromMondayAndGapsRepeatTheWeekBefore() {
        let versions = [version(plan([" ", " "]), day: 0), version(plan(["x", " "]), day: 1),
                        version(plan(["x", "x", " "]), day: 15)]
        let buckets = BurnUp.buckets(PlanHistory(versions: versions).points, by: .week)
        #expect(buckets == [BurnUpBucket(label: "2026-11-16", closed: 1, total: 2),
                            BurnUpBucket(label: "2026-11-23", closed: 1, total: 2),
                            BurnUpBucket(label: "2026-11-30", closed: 2, total: 3)])
        let days = BurnUp.buckets(PlanHistory(versions: versions).points, by: .day)
        #expect(days.count == 16 && days.first?.label == "2026-11-18" && days.last?.label == "2026-12-03")
        let commits = BurnUp.buckets(PlanHistory(versions: versions + [version(plan(["x", "x", "x"]), day: 16, commit: nil)]).points, by: .commit)
        #expect(commits.map(\.label) == ["c", "c", "c", "work tree"])
    }

    @Test func theChartFitsEightyColumnsAndIsAsciiWithoutUnicode() {
        let buckets = (0..<200).map { BurnUpBucket(label: "b\($0)", closed: $0 / 10, total: 27) }
        let unicode = BurnUpChart.render(buckets, unit: "day", unicode: true)
        let ascii = BurnUpChart.render(buckets, unit: "day", unicode: false)
        for chart in [unicode, ascii] {
            #expect(chart.split(separator: "\n").allSatisfy { $0.count <= 80 })
        }
        #expect(ascii.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(unicode.contains("█") && unicode.contains("░"))
        #expect(unicode.contains("(the last 75 of 200)"))
        #expect(ascii.contains("b199"))
    }

    @Test func theChartDrawsClosedUnderTotal() {
        let chart = BurnUpChart.render([BurnUpBucket(label: "w1", closed: 0, total: 4),
                                        BurnUpBucket(label: "w2", closed: 2, total: 4),
                                        BurnUpBucket(label: "w3", closed: 4, total: 4)],
                                       unit: "week", unicode: false, width: 20, height: 4)
        #expect(chart == """
            Burn-up by week: # closed, . total
             4 |......###
               |......###
               |...######
               |...######
             0 +---------
                w1     w3

            """)
    }
}
