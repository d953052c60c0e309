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

    /// `log` shows a commit of digits only (4888855) as it shows any: it names that commit when
    /// no version has that number, and a version when one does.
    @Test func digitsOnlyNameACommitWhenNoVersionHasThatNumber() throws {
        let digits = [Version(number: 2, commit: "48888551" + String(repeating: "a", count: 32), capturedAt: Date()),
                      Version(number: 1, commit: "0004" + String(repeating: "b", count: 36), capturedAt: Date())]
        #expect(try Revision("4888855")!.select(from: digits, of: slug, text: "4888855").number == 2)
        #expect(try Revision("4888")!.select(from: digits, of: slug, text: "4888").number == 2)
        #expect(try Revision("0004")!.select(from: digits, of: slug, text: "0004").number == 1)
        #expect(try Revision("2")!.select(from: digits, of: slug, text: "2").number == 2)
        #expect(throws: StoreError.self) { try Revision("999")!.select(from: digits, of: slug, text: "999") }
        #expect(throws: StoreError.self) { try Revision("4889")!.select(from: digits, of: slug, text: "4889") }
    }

    @Test func ambiguousPrefixIsRefused() {
        let twins = [Version(number: 2, commit: "abcd1" + String(repeating: "0", count: 35), capturedAt: Date()),
                     Version(number: 1, commit: "abcd2" + String(repeating: "0", count: 35), capturedAt: Date())]
        #expect(throws: StoreError.self) { try Revision.commit("abcd").select(from: twins, of: slug) }
    }

    /// A repository written before captures were kept in time order may hold them out of order:
    /// a time picks the newest capture at or before it, not the highest-numbered such version.
    @Test func aTimePicksTheNewestCaptureNotTheHighestNumber() throws {
        let hours = [1: 8, 2: 10, 3: 9]  // version 3 went back in time
        let outOfOrder = hours.keys.sorted(by: >).map { n in
            Version(number: n, commit: String(repeating: "d\(n)", count: 20), capturedAt: Date(timeIntervalSince1970: TimeInterval(hours[n]! * 3600)))
        }
        let at = { (hour: Double) in try Revision.time(Date(timeIntervalSince1970: hour * 3600)).select(from: outOfOrder, of: slug).number }
        #expect(try at(10.5) == 2)
        #expect(try at(10) == 2)
        #expect(try at(9.5) == 3)
        #expect(try at(8.5) == 1)
        let sameSecond = [Version(number: 2, commit: String(repeating: "e2", count: 20), capturedAt: Date(timeIntervalSince1970: 3600)),
                          Version(number: 1, commit: String(repeating: "e1", count: 20), capturedAt: Date(timeIntervalSince1970: 3600))]
        #expect(try Revision.time(Date(timeIntervalSince1970: 3600)).select(from: sameSecond, of: slug).number == 2)
        let inOrder = outOfOrder.filter { $0.number != 3 }
        #expect(try Revision.time(Date(timeIntervalSince1970: 9.5 * 3600)).select(from: inOrder, of: slug).number == 1)
    }
}
