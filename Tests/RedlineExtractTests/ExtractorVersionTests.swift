import Foundation
import RedlineExtract
import Testing

/// ``ArticleExtractor/version`` names what the extractor makes of every page: each stored version
/// records it, and versions recorded by another are extracted again before they are compared. So
/// the version must change whenever any output does. This test keeps a fingerprint of the
/// extraction of every page the tests hold (seeds, corpus, `Tests/Shapes`) in
/// `Golden/extractor-version.txt` and fails when the output changed under the same version.
@Suite struct ExtractorVersionTests {
    static let record = Fixtures.golden.appendingPathComponent("extractor-version.txt")

    /// Every capture the fingerprint covers, by path, in a stable order.
    static func captures() throws -> [URL] {
        let shapes = Fixtures.packageRoot.appendingPathComponent("Tests/Shapes")
        let inShapes = FileManager.default.enumerator(at: shapes, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }
            .filter { ["html", "txt"].contains($0.pathExtension) } ?? []
        let shared = Fixtures.seedNames.map { Fixtures.seeds.appendingPathComponent($0) }
            + Fixtures.pageNames.map { Fixtures.corpusHTML.appendingPathComponent($0) }
        // Pages in other charsets, which no page above is (a Latin-1 page that declares none).
        let charsets = Fixtures.packageRoot.appendingPathComponent("Tests/RedlineExtractTests/Fixtures/charset")
        let inCharsets = (try? FileManager.default.contentsOfDirectory(at: charsets, includingPropertiesForKeys: nil)) ?? []
        // Time labels in the words pages use ("Updated: 5 mins ago", "about 5 hours ago").
        let labels = Fixtures.packageRoot.appendingPathComponent("Tests/RedlineExtractTests/Fixtures/labels/relative-labels.html")
        // Time labels inside headings, in elements and lines of their own.
        let titleLabels = Fixtures.packageRoot.appendingPathComponent("Tests/RedlineExtractTests/Fixtures/labels/labels-in-titles.html")
        // `<script>` and JSON-LD written inside attribute values, a number past a double's range.
        let markup = Fixtures.packageRoot.appendingPathComponent("Tests/RedlineExtractTests/Fixtures/markup/markup-in-attributes.html")
        // A kicker set above the headline inside its `<h1>`.
        let kicker = Fixtures.packageRoot.appendingPathComponent("Tests/RedlineExtractTests/Fixtures/markup/kicker-headline.html")
        // In an order that does not depend on where the package and `shared` were checked out.
        return shared + inShapes.sorted { $0.path < $1.path } + inCharsets.sorted { $0.lastPathComponent < $1.lastPathComponent }
            + [labels, titleLabels, markup, kicker]
    }

    /// FNV-1a over the dump of every capture's extraction.
    static func fingerprint() throws -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for url in try captures() {
            for byte in try Fixtures.dump(ArticleExtractor.extract(Data(contentsOf: url))).utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
        }
        return String(hash, radix: 16)
    }

    @Test func theVersionChangesWithTheOutput() throws {
        #expect(try Self.captures().count > 150)
        let fingerprint = try Self.fingerprint()
        let recorded = (try? String(contentsOf: Self.record, encoding: .utf8)) ?? ""
        func value(_ key: String) -> String? {
            recorded.split(separator: "\n").first { $0.hasPrefix(key + " ") }.map { String($0.dropFirst(key.count + 1)) }
        }
        let changed = value("fingerprint") != fingerprint
        let sameVersion = value("version") == ArticleExtractor.version
        if ProcessInfo.processInfo.environment["REDLINE_RECORD_GOLDEN"] == "1", !(changed && sameVersion) {
            try Data("version \(ArticleExtractor.version)\nfingerprint \(fingerprint)\n".utf8).write(to: Self.record)
            return
        }
        #expect(!changed || !sameVersion,
                "the extractor's output changed but ArticleExtractor.version is still \(ArticleExtractor.version): raise it, then record with REDLINE_RECORD_GOLDEN=1")
        #expect(!changed && sameVersion,
                "Golden/extractor-version.txt is out of date (version \(ArticleExtractor.version), fingerprint \(fingerprint)); record it with REDLINE_RECORD_GOLDEN=1")
    }
}
