import Foundation
@testable import RedlineExtract
import Testing

/// The JSON reader behind JSON-LD: it reads what Foundation's `JSONSerialization` (which read
/// JSON-LD before it) reads, refuses what it refuses, and gives the same strings.
@Suite struct JSONValueTests {
    static let texts = [
        #"{"@type": "LiveBlogPosting", "headline": "Goodnight"}"#,
        #"[{"a": 1}, {"b": [true, false, null, -0.5e+3, 10, 0]}]"#,
        #""a fragment""#, "42", "true", " null ",
        #"{"escaped": "quote \" slash \/ back \\ \b\f\n\r\t \u00e9 \ud83d\ude00 \u4e2d"}"#,
        #"{"trailing": [1, 2, ], "object": {"a": 1, }, }"#,
        #"{"repeated": 1, "repeated": "last"}"#,
        #"{"raw": "line one"#, "\n", #"line two"}"#,
        #"{"tab": "a"#, "\t", #"b"}"#,
        #"{"bad escape": "\x"}"#, #"{"short": "\u12"}"#, #"{"lone": "\ud800 alone"}"#, #"{"low": "\udc00 alone"}"#, #"{"two highs": "\ud800\ud800"}"#,
        #"{"a": 1} trailing"#, #"{"a": 1}{"b": 2}"#, "{", "[1, 2", #"{"a" 1}"#, #"{a: 1}"#, "[,]", "[1,,2]", "{,}",
        "01", "1.", ".5", "-", "1e", "+1", "tru", "nul", "[]", "{}", "", "   ",
        #"{"unicode": "déjà vu — “quoted”"}"#,
        "\u{FEFF}{\"bom\": 1}",
        String(repeating: "[", count: 600) + String(repeating: "]", count: 600),
        String(repeating: "[", count: 500) + String(repeating: "]", count: 500),
    ]

    @Test(arguments: texts) func readsWhatFoundationReads(_ text: String) {
        let foundation = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        let ours = JSONValue.parse(Array(text.utf8))
        #expect((foundation == nil) == (ours == nil), "Foundation: \(foundation.map { "\($0)" } ?? "refused"); ours: \(ours.map { "\($0)" } ?? "refused")")
        if let foundation, let ours { #expect(Self.value(foundation) == ours) }
    }

    @Test func readsALiveBlogsJSONLD() throws {
        let text = #"{"@type": ["LiveBlogPosting"], "liveBlogUpdate": [{"headline": "Goodnight", "position": 3}]}"#
        let value = try #require(JSONValue.parse(Array(text.utf8)))
        #expect(value["@type"]?.array == [.string("LiveBlogPosting")])
        #expect(value["liveBlogUpdate"]?.array?.first?["headline"]?.string == "Goodnight")
        #expect(value["liveBlogUpdate"]?.array?.first?["position"] == .scalar)
        #expect(value["missing"] == nil && value["@type"]?.string == nil)
    }

    /// Foundation's value as a ``JSONValue``.
    static func value(_ object: Any) -> JSONValue {
        if let string = object as? String { return .string(string) }
        if let array = object as? [Any] { return .array(array.map(value)) }
        if let members = object as? [String: Any] { return .object(members.mapValues(value)) }
        return .scalar
    }
}
