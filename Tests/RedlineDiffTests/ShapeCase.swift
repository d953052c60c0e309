import Foundation
import RedlineModel
import RedlineText

/// One page pair of `Tests/Shapes` (see its README): the two captures and the changes a careful
/// reader sees between them, written down before the extractor was run on them.
struct ShapeCase: Sendable, CustomStringConvertible {
    struct Expected: Decodable, Sendable {
        struct Field: Decodable, Sendable { var field: String; var change: String; var oldText: String?; var newText: String? }
        struct Event: Decodable, Sendable { var time: String?; var title: String }
        struct Retitle: Decodable, Sendable { var oldTitle: String; var newTitle: String }
        struct KeyEvents: Decodable, Sendable {
            var old: [Event]?
            var new: [Event]?
            var added: [String]
            var removed: [String]
            var retitled: [Retitle]
        }
        struct Edit: Decodable, Sendable { var old: String; var new: String }
        struct Blocks: Decodable, Sendable { var added: [String]; var removed: [String]; var edited: [Edit]; var moved: [String] }

        var description: String
        var fields: [Field]
        var keyEvents: KeyEvents
        var blocks: Blocks
        var noiseOnly: Bool
    }

    /// `guardian-html`, `bbc-text` …
    let shape: String
    /// `04-key-event-retitled` …
    let name: String
    let old: Data
    let new: Data
    let expected: Expected

    var description: String { "\(shape)/\(name)" }

    /// `Tests/Shapes`.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Shapes")
    /// `../shared/corpus`, which the `corpus-html` recipes edit.
    static let corpus = root.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/corpus")

    /// Every case of the tuning set, or of the holdout set, by shape.
    static func all(holdout: Bool) throws -> [ShapeCase] {
        let base = holdout ? root.appendingPathComponent("holdout") : root
        let fm = FileManager.default
        var cases: [ShapeCase] = []
        for shape in try fm.contentsOfDirectory(atPath: base.path).sorted()
        where !["tools", "holdout", "README.md"].contains(shape) {
            for name in try fm.contentsOfDirectory(atPath: base.appendingPathComponent(shape).path).sorted() {
                let dir = base.appendingPathComponent(shape).appendingPathComponent(name)
                if let loaded = try load(dir, shape: shape, name: name) { cases.append(loaded) }
            }
        }
        return cases
    }

    private static func load(_ dir: URL, shape: String, name: String) throws -> ShapeCase? {
        let fm = FileManager.default
        let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: dir.appendingPathComponent("expected.json")))
        let recipe = dir.appendingPathComponent("recipe.json")
        if fm.fileExists(atPath: recipe.path) {
            struct Recipe: Decodable { struct Swap: Decodable { var from: String; var to: String }; var corpus: String; var old: [Swap]; var new: [Swap] }
            let r = try JSONDecoder().decode(Recipe.self, from: Data(contentsOf: recipe))
            let page = corpus.appendingPathComponent(r.corpus)
            guard let text = try? String(contentsOf: page, encoding: .utf8) else { return nil }   // no ../shared here
            func apply(_ swaps: [Recipe.Swap]) -> Data {
                Data(swaps.reduce(text) { $0.replacingOccurrences(of: $1.from, with: $1.to) }.utf8)
            }
            return ShapeCase(shape: shape, name: name, old: apply(r.old), new: apply(r.new), expected: expected)
        }
        let ext = fm.fileExists(atPath: dir.appendingPathComponent("old.html").path) ? "html" : "txt"
        return ShapeCase(shape: shape, name: name,
                         old: try Data(contentsOf: dir.appendingPathComponent("old.\(ext)")),
                         new: try Data(contentsOf: dir.appendingPathComponent("new.\(ext)")),
                         expected: expected)
    }
}

/// Texts as the suite compares them: white space folded.
func folded(_ text: String?) -> String {
    (text ?? "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
}
