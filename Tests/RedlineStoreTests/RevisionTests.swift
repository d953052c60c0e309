import Foundation
import RedlineModel
import Testing
@testable import RedlineStore

@Suite struct RevisionTests {
    @Test func parsesTheFourShapes() {
        #expect(Revision("3") == .number(3))
        #expect(Revision("-1") == .offset(1))
        #expect(Revision("-0") == .offset(0))
        #expect(Revision("9fceb02") == .commit("9fceb02"))
        #expect(Revision("2025-04-23T10:00Z") == .time(Date(timeIntervalSince1970: 1_745_402_400)))
        #expect(Revision("1234") == .number(1234))
    }

    @Test(arguments: ["", "abc", "-x", "HEAD", "9FCEB02", "--1", "v3", "2025-13-40"])
    func refusesOtherText(_ text: String) {
        #expect(Revision(text) == nil)
    }

    let slug = try! Slug("a")
    let versions = (1...5).reversed().map { n in
        Version(number: n, commit: String(repeating: n == 3 ? "ab" : "c\(n)", count: 20),
                capturedAt: Date(timeIntervalSince1970: TimeInterval(n * 3600)))
    }

    @Test func selectsVersions() throws {
        #expect(try Revision.number(2).select(from: versions, of: slug).number == 2)
        #expect(try Revision.offset(0).select(from: versions, of: slug).number == 5)
        #expect(try Revision.offset(1).select(from: versions, of: slug).number == 4)
        #expect(try Revision.commit("abab").select(from: versions, of: slug).number == 3)
        #expect(try Revision.time(Date(timeIntervalSince1970: 3 * 3600 + 59)).select(from: versions, of: slug).number == 3)
        #expect(try Revision.time(Date(timeIntervalSince1970: 99 * 3600)).select(from: versions, of: slug).number == 5)
    }

    @Test(arguments: [Revision.number(0), .number(6), .offset(5), .commit("dddd"), .commit("c"), .time(Date(timeIntervalSince1970: 60))])
    func refusesRevisionsOutOfRange(_ revision: Revision) {
        #expect(throws: StoreError.self) { try revision.select(from: versions, of: slug) }
    }

    @Test func ambiguousPrefixIsRefused() {
        let twins = [Version(number: 2, commit: "abcd1" + String(repeating: "0", count: 35), capturedAt: Date()),
                     Version(number: 1, commit: "abcd2" + String(repeating: "0", count: 35), capturedAt: Date())]
        #expect(throws: StoreError.self) { try Revision.commit("abcd").select(from: twins, of: slug) }
    }
}
