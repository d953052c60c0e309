import Testing
@testable import RedlineModel

@Suite struct SlugTests {
    @Test(arguments: ["a", "ukraine-talks", "live.2025_04", "0", String(repeating: "a", count: 100)])
    func acceptsValidSlugs(_ text: String) throws {
        #expect(try Slug(text).value == text)
    }

    @Test(arguments: ["", "a/b", "..", "a..b", "Upper", "-lead", ".hidden", "x.lock", "end.", "sp ace",
                      String(repeating: "a", count: 101), "caf\u{E9}", "tab\t", "esc\u{1B}[2J"])
    func refusesInvalidSlugs(_ text: String) {
        #expect(throws: SlugError.self) { try Slug(text) }
    }
}
