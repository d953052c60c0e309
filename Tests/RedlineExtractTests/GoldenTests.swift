import Foundation
import RedlineExtract
import Testing

/// Each real capture's extraction, compared with its recorded dump in `Golden/`.
@Suite struct GoldenTests {
    @Test(arguments: Fixtures.seedNames)
    func seed(_ name: String) throws {
        try Fixtures.expectGolden(Fixtures.dump(Fixtures.extraction(seed: name)), name + ".json")
    }

    @Test(arguments: Fixtures.pageNames)
    func corpusPage(_ name: String) throws {
        try Fixtures.expectGolden(Fixtures.dump(Fixtures.extraction(page: name)), name + ".json")
    }
}
