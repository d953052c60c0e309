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

    @Test(arguments: ["", "yesterday", "2025-13-01", "2025-04-23T25:00Z", "2025-04-23T10:00+5"])
    func refusesOthers(_ text: String) {
        #expect(Timestamp.parse(text) == nil)
    }
}
