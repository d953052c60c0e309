import Foundation
import RedlineExtract
import Synchronization
import RedlineModel
import Testing

/// Where the tests find their inputs: `../shared/` beside the package, and golden files here.
enum Fixtures {
    /// The package's root directory, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    static let seeds = shared.appendingPathComponent("seeds")
    static let corpusHTML = shared.appendingPathComponent("corpus/html")
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static let seedNames = ["000_25ca672d572d6d0d.txt", "004_7c9f8753ad4a5580.txt"]
    static let pageNames = [
        "corkbeo-level-3-live-cork.html", "ndtv-ind-vs-sl-cwc2023-live.html",
        "repubblica-israele-hamas-diretta-2023-11-02.html", "timesofindia-ipl2020-csk-vs-srh-liveblog.html",
    ]

    static func seed(_ name: String) throws -> Data { try Data(contentsOf: seeds.appendingPathComponent(name)) }
    static func page(_ name: String) throws -> Data { try Data(contentsOf: corpusHTML.appendingPathComponent(name)) }

    /// The corpus pages, and every HTML page under `Tests/` (shapes and fixtures, with or without
    /// an extension): the inputs byte-level readings are checked on against character ones.
    static func htmlPages() throws -> [Data] {
        let tests = packageRoot.appendingPathComponent("Tests")
        let files = FileManager.default.enumerator(at: tests, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }
            .filter { $0.pathExtension == "html" || $0.path.contains("/Fixtures/wmd/") && $0.pathExtension.isEmpty } ?? []
        return try pageNames.map(page) + files.map { try Data(contentsOf: $0) }
    }

    /// Extraction of a shared file, cached: several tests look at the same page.
    static func extraction(seed name: String) throws -> Extraction { try cached("seeds/" + name) { ArticleExtractor.extract(try seed(name)) } }
    static func extraction(page name: String) throws -> Extraction { try cached("html/" + name) { ArticleExtractor.extract(try page(name)) } }

    private static let extractions = Mutex<[String: Extraction]>([:])

    private static func cached(_ key: String, _ extract: () throws -> Extraction) throws -> Extraction {
        if let known = extractions.withLock({ $0[key] }) { return known }
        let extraction = try extract()
        extractions.withLock { $0[key] = extraction }
        return extraction
    }

    /// A stable, readable dump of an extraction: its format, warnings and the article's JSON.
    static func dump(_ extraction: Extraction) throws -> String {
        struct Dump: Encodable {
            var format: String
            var warnings: [String]
            var article: Article
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(Dump(format: extraction.format.rawValue, warnings: extraction.warnings, article: extraction.article))
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Compares `actual` with the golden file `name`; rewrites it when `REDLINE_RECORD_GOLDEN=1`.
    static func expectGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["REDLINE_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: golden, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no golden file \(name); run with REDLINE_RECORD_GOLDEN=1 to record it", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "extraction differs from Golden/\(name); re-record with REDLINE_RECORD_GOLDEN=1 if the change is intended", sourceLocation: sourceLocation)
    }
}
