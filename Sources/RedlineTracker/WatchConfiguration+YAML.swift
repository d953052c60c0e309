import Foundation
import RedlineCapture
import RedlineExtract
import RedlineModel
internal import Yams

/// Reading `redline.yaml`: Yams composes the file into nodes that know their line, and each
/// node is checked as it is read, so a problem names the file, the line and the key.
///
///     articles:                 → Article(slug: cork-live, url: https://example.com/live/cork, line: 2)
///       - slug: cork-live
///         url: https://example.com/live/cork
///         evry: 60s             → "redline.yaml, line 4, key 'evry': unknown key (…)"
extension WatchConfiguration {
    /// The configuration in `yaml`, the text of the file at `path`.
    public init(yaml: String, path: String) throws(ConfigurationError) {
        let reader = Reader(file: path)
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw reader.syntaxError(error)
        } catch {
            throw ConfigurationError(file: path, line: nil, key: nil, problem: "it is not YAML: \(error)")
        }
        self = try reader.configuration(root)
    }

    private struct Reader {
        let file: String

        static let topKeys = ["articles", "announce"]
        static let articleKeys = ["slug", "url", "every", "select", "ignore"]
        static let announceKeys = ["webhooks", "feeds"]

        func configuration(_ root: Node?) throws(ConfigurationError) -> WatchConfiguration {
            guard let root else { throw ConfigurationError(file: file, line: nil, key: nil, problem: "it is empty; list the articles under 'articles:'") }
            let top = try mapping(root, key: nil, what: "the file must be a mapping with 'articles' (and optionally 'announce')")
            let fields = try keys(of: top, allowed: Self.topKeys, in: "the file")
            var articles: [Article] = []
            if let list = fields["articles"] {
                guard let sequence = list.value.sequence else {
                    throw error(list.value, key: "articles", "takes a list of articles, each starting with '- slug: …'")
                }
                var seen: [String: Int] = [:]
                for item in sequence {
                    let article = try self.article(item)
                    if let first = seen[article.slug.value] {
                        // A YAML alias (*a) repeats an entry with the line of its anchor (&a).
                        let again = article.line == first ? "is listed twice (a YAML alias repeats it)" : "is already listed on line \(first)"
                        throw error(item, key: "slug", "the article '\(article.slug.value)' \(again); give each article one entry")
                    }
                    seen[article.slug.value] = article.line
                    articles.append(article)
                }
            }
            let announce = try fields["announce"].map { entry throws(ConfigurationError) in try self.announce(entry.value) } ?? Announce()
            return WatchConfiguration(path: file, articles: articles, announce: announce)
        }

        func article(_ node: Node) throws(ConfigurationError) -> Article {
            let entry = try mapping(node, key: "articles", what: "each article is a mapping with at least 'slug' and 'url'")
            let fields = try keys(of: entry, allowed: Self.articleKeys, in: "an article")
            let line = node.mark?.line ?? 0
            guard let slugField = fields["slug"] else { throw error(node, key: "slug", "is missing; every article needs a slug (its name in the track repository)") }
            guard let urlField = fields["url"] else { throw error(node, key: "url", "is missing; every article needs the http or https URL of its page") }
            let slugText = try string(slugField.value, key: "slug")
            let slug: Slug
            do { slug = try Slug(slugText) } catch { throw self.error(slugField.value, key: "slug", error.description) }
            let urlText = try string(urlField.value, key: "url")
            let url: URL
            do { url = try PageFetcher.url(urlText) } catch {
                throw self.error(urlField.value, key: "url", error.description)
            }
            var every: Double?
            if let field = fields["every"] {
                let text = try string(field.value, key: "every")
                guard let seconds = PollInterval.seconds(text) else {
                    throw error(field.value, key: "every", "'\(text)' is not a length of time \(PollInterval.bounds); write it as 60s, 500ms, 5m or 1h")
                }
                every = seconds
            }
            let select = try fields["select"].map { field throws(ConfigurationError) in try string(field.value, key: "select") }
            var ignore: [String] = []
            if let field = fields["ignore"] {
                guard let list = field.value.sequence else {
                    throw error(field.value, key: "ignore", "takes a list of regular expressions, such as [\"^Updated at \"]")
                }
                for pattern in list { ignore.append(try string(pattern, key: "ignore")) }
            }
            let filter: ExtractionFilter
            do { filter = try ExtractionFilter(select: select, ignore: ignore) } catch let problem as ExtractionFilterError {
                let key = if case .badSelector = problem { "select" } else { "ignore" }
                let at = key == "select" ? fields["select"]?.value : fields["ignore"]?.value
                throw error(at ?? node, key: key, problem.description)
            } catch {
                throw self.error(node, key: nil, "\(error)")
            }
            return Article(slug: slug, url: url, every: every, filter: filter, line: line)
        }

        func announce(_ node: Node) throws(ConfigurationError) -> Announce {
            let entry = try mapping(node, key: "announce", what: "takes 'webhooks' (a list of URLs) and 'feeds' (a folder)")
            let fields = try keys(of: entry, allowed: Self.announceKeys, in: "announce")
            var announce = Announce()
            if let field = fields["webhooks"] {
                guard let list = field.value.sequence else {
                    throw error(field.value, key: "webhooks", "takes a list of http or https URLs")
                }
                for item in list {
                    let text = try string(item, key: "webhooks")
                    do { announce.webhooks.append(try PageFetcher.url(text)) } catch {
                        throw self.error(item, key: "webhooks", error.description)
                    }
                }
            }
            if let field = fields["feeds"] {
                let folder = try string(field.value, key: "feeds")
                guard !folder.isEmpty else { throw error(field.value, key: "feeds", "names no folder") }
                announce.feeds = folder
            }
            return announce
        }

        /// The entries of `mapping` by key, refusing a key not in `allowed`, a repeated key or one that is not text.
        func keys(of mapping: Node.Mapping, allowed: [String], in what: String) throws(ConfigurationError) -> [String: (key: Node, value: Node)] {
            var fields: [String: (key: Node, value: Node)] = [:]
            for (key, value) in mapping {
                guard let name = key.scalar?.string else { throw error(key, key: nil, "a key must be plain text") }
                guard allowed.contains(name) else {
                    throw error(key, key: name, "unknown key (\(what) takes \(allowed.joined(separator: ", ")))")
                }
                guard fields[name] == nil else { throw error(key, key: name, "is given twice") }
                fields[name] = (key, value)
            }
            return fields
        }

        func mapping(_ node: Node, key: String?, what: String) throws(ConfigurationError) -> Node.Mapping {
            guard let mapping = node.mapping else { throw error(node, key: key, what) }
            return mapping
        }

        /// A scalar's text; a list, a mapping or an empty value is refused.
        func string(_ node: Node, key: String) throws(ConfigurationError) -> String {
            guard let scalar = node.scalar else { throw error(node, key: key, "takes a single value, not a list or a mapping") }
            guard !scalar.string.isEmpty, scalar.string != "~", scalar.string != "null" || scalar.style != .plain else {
                throw error(node, key: key, "has no value")
            }
            return scalar.string
        }

        func error(_ node: Node, key: String?, _ problem: String) -> ConfigurationError {
            ConfigurationError(file: file, line: node.mark?.line, key: key, problem: problem)
        }

        func syntaxError(_ error: YamlError) -> ConfigurationError {
            if file.lowercased().hasSuffix(".toml") {   // a newcomer's guess: say what is read
                return ConfigurationError(file: file, line: nil, key: nil,
                                          problem: "not valid YAML; the configuration file is YAML (see 'Many articles' in the README), not TOML")
            }
            switch error {
            case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
                 .composer(let context, let problem, let mark, _):
                let detail = [context?.text, problem].compactMap { $0 }.joined(separator: " ")
                return ConfigurationError(file: file, line: mark.line, key: nil, problem: "not valid YAML: \(detail)")
            default:
                return ConfigurationError(file: file, line: nil, key: nil, problem: "not valid YAML: \(String(describing: error).split(separator: "\n").first ?? "")")
            }
        }
    }
}
