import Foundation
import Testing
@testable import RedlineModel

@Suite struct TimestampTests {
    @Test func formatsUTCWithSeconds() {
        #expect(Timestamp.format(Date(timeIntervalSince1970: 1_745_395_800)) == "2025-04-23T08:10:00Z")
    }

    @Test(arguments: [
        ("2025-04-23T08:10:00Z", 1_745_395_800.0),
        ("2025-04-23T08:10Z", 1_745_395_800.0),
        ("2025-04-23T0810Z", 1_745_395_800.0),
        ("20250423T0810Z", 1_745_395_800.0),
        ("2025-04-23T09:10:00+01:00", 1_745_395_800.0),
        ("2025-04-23T08:10:00.500Z", 1_745_395_800.5),
        ("2025-04-23", 1_745_366_400.0),
    ])
    func parsesCommonShapes(_ text: String, _ seconds: Double) {
        #expect(Timestamp.parse(text)?.timeIntervalSince1970 == seconds)
    }

    @Test(arguments: ["", "yesterday", "2025-13-01", "2025-04-23T25:00Z", "2025-04-23T10:00+5", "2025-02-30",
                      "2025-04-23T10:00:", "2025-04-23T10:00+01:", "2025-04-23T10:00:00.Z", "2025-04-23T10:00+19:00",
                      "2025-04-23T10:00Zx", "٢٠٢٥-04-23"])
    func refusesOthers(_ text: String) {
        #expect(Timestamp.parse(text) == nil)
    }

    /// Read from the bytes, the times agree with Foundation's ISO 8601 formatter, both ways, from
    /// 1970 to 9999 and at the edges of days, months, leap years and zones.
    @Test func agreesWithFoundation() {
        let formatter = ISO8601DateFormatter()
        var generator = SystemRandomNumberGenerator()
        let edges: [Double] = [0, 59, 86_399, 86_400, 951_782_400, 951_868_799, 4_107_542_400, 253_402_300_799]
        let samples = edges + (0..<2_000).map { _ in Double(Int.random(in: 0...253_402_300_799, using: &generator)) }
        for seconds in samples {
            let date = Date(timeIntervalSince1970: seconds)
            let text = formatter.string(from: date)
            #expect(Timestamp.format(date) == text)
            #expect(Timestamp.parse(text) == date)
            #expect(Timestamp.format(date.addingTimeInterval(0.75)) == text)
            for zone in [3600, -5 * 3600 - 1800, 14 * 3600] where seconds < 253_402_000_000 {
                formatter.timeZone = TimeZone(secondsFromGMT: zone)!
                #expect(Timestamp.parse(formatter.string(from: date)) == date, "\(formatter.string(from: date))")
            }
            formatter.timeZone = TimeZone(secondsFromGMT: 0)!
        }
    }
}
