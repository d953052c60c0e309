import Foundation
import Testing
@testable import RedlineCapture

@Suite struct CaptureReaderTests {
    @Test func acceptsTextAndHTML() throws {
        try CaptureReader.check(Data("Headline\n\nA paragraph.".utf8), origin: "a")
        try CaptureReader.check(Data("<html><body><p>x</p></body></html>".utf8), origin: "a")
    }

    @Test(arguments: [Data(), Data("   \n\t\r\n ".utf8), Data([0xFF, 0xFE])])
    func refusesEmptyCaptures(_ bytes: Data) {
        #expect(throws: CaptureError.empty("a")) { try CaptureReader.check(bytes, origin: "a") }
    }

    @Test func refusesANulByteInTheFirst8KiB() {
        var bytes = Data(repeating: UInt8(ascii: "a"), count: 9000)
        bytes[8191] = 0
        #expect(throws: CaptureError.binary("a")) { try CaptureReader.check(bytes, origin: "a") }
        bytes[8191] = UInt8(ascii: "a")
        bytes[8500] = 0
        #expect(throws: Never.self) { try CaptureReader.check(bytes, origin: "a") }
    }

    @Test(arguments: [String.Encoding.utf16LittleEndian, .utf16BigEndian])
    func namesUTF16WithoutABOMInsteadOfCallingItBinary(_ encoding: String.Encoding) {
        let bytes = "Live: talks\n\nBoth sides left London.\n".data(using: encoding)!
        #expect(throws: CaptureError.utf16WithoutByteOrderMark("a")) { try CaptureReader.check(bytes, origin: "a") }
        #expect(throws: CaptureError.binary("a")) { try CaptureReader.check(Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D, 1, 0]), origin: "a") }
    }

    @Test func acceptsUTF16WithABOMDespiteItsNulBytes() throws {
        var bytes = Data([0xFF, 0xFE])
        bytes.append("Headline".data(using: .utf16LittleEndian)!)
        try CaptureReader.check(bytes, origin: "a")
    }

    @Test func readsFilesAndNamesWhatIsWrong() throws {
        let path = NSTemporaryDirectory() + "redline-capture-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: CaptureError.missingFile(path)) { try CaptureReader.read(path) }
        FileManager.default.createFile(atPath: path, contents: Data("Some text".utf8))
        let capture = try CaptureReader.read(path, url: "https://example.com/", capturedAt: Date(timeIntervalSince1970: 5))
        #expect(capture.bytes == Data("Some text".utf8))
        #expect(capture.url == "https://example.com/")
        #expect(capture.capturedAt == Date(timeIntervalSince1970: 5))
        #expect(throws: CaptureError.isDirectory(NSTemporaryDirectory())) { try CaptureReader.read(NSTemporaryDirectory()) }
    }

    /// Files from the mapping threshold up are mapped, not copied: the same bytes either way,
    /// and still there after the file is replaced.
    @Test(arguments: [CaptureReader.mappingThreshold - 1, CaptureReader.mappingThreshold, 3 << 20])
    func readsLargeFilesWhole(size: Int) throws {
        let path = NSTemporaryDirectory() + "redline-capture-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: path) }
        let line = Array("Paragraph of a long live blog, written again and again.\n".utf8)
        let bytes = Data((0..<size).map { line[$0 % line.count] })
        FileManager.default.createFile(atPath: path, contents: bytes)
        let capture = try CaptureReader.read(path)
        try FileManager.default.removeItem(atPath: path)
        FileManager.default.createFile(atPath: path, contents: Data("Another page".utf8))
        #expect(capture.bytes == bytes)
    }
}

@Suite struct PageFetcherTests {
    @Test(arguments: ["http://example.com/live", "https://example.com/a?b=c#d", "HTTPS://EXAMPLE.COM/"])
    func acceptsHTTPURLs(_ text: String) throws {
        #expect(try PageFetcher.url(text).absoluteString == text)
    }

    @Test(arguments: ["ftp://example.com/", "file:///etc/passwd", "javascript:alert(1)", "example.com", "http://", ""])
    func refusesOtherURLs(_ text: String) {
        #expect(throws: FetchError.unsupportedURL(text)) { try PageFetcher.url(text) }
    }
}
