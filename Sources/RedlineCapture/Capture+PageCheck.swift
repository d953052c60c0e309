import Foundation

/// Whether what a server sent is a page redline can read (HTML or text), judged by its
/// `Content-Type` and by its first bytes.
///
///     Content-Type: application/pdf                        → "a PDF document (application/pdf)"
///     Content-Type: text/plain, body {"status": "ok"}      → "JSON"
///     Content-Type: application/octet-stream, body <html>  → nil (a page, mislabelled)
///     Content-Type: text/html; charset=utf-8               → nil
extension Capture {
    /// What the capture is when it is plainly not a page (a PDF, an image, JSON …), said for a
    /// reader; nil for HTML, text, or bytes nothing is known of.
    public var nonPageKind: String? {
        let media = contentType.map { $0.split(separator: ";").first.map(String.init) ?? $0 }?
            .trimmingCharacters(in: .whitespaces).lowercased()
        if let sniffed = Self.sniffedKind(bytes) { return media.map { "\(sniffed) (\($0))" } ?? sniffed }
        guard let media, !media.isEmpty else { return nil }
        if media.hasPrefix("text/") || Self.pageTypes.contains(media) { return nil }
        // A page sent with a wrong type (application/octet-stream) still opens with a tag.
        if bytes.prefix(1024).first(where: { !($0 == 0x20 || (0x09...0x0D).contains($0) || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF) }) == UInt8(ascii: "<"),
           !media.hasPrefix("image/") {
            return nil
        }
        if media == "application/json" || media.hasSuffix("+json") { return "JSON (\(media))" }
        if media.hasPrefix("image/") { return "an image (\(media))" }
        if media.hasPrefix("audio/") || media.hasPrefix("video/") { return "a media file (\(media))" }
        return media
    }

    /// Types that hold a page besides `text/*`.
    private static let pageTypes: Set<String> = ["application/xhtml+xml", "application/xml", "application/html"]

    /// What the first bytes say a file is, when they say it is not a page: a PDF, an image, or
    /// JSON (an object or array that parses as one).
    static func sniffedKind(_ bytes: Data) -> String? {
        let head = Array(bytes.prefix(16))
        if head.starts(with: Array("%PDF-".utf8)) { return "a PDF document" }
        let images: [[UInt8]] = [[0x89, 0x50, 0x4E, 0x47], [0xFF, 0xD8, 0xFF], Array("GIF8".utf8)]
        if images.contains(where: head.starts) || head.starts(with: Array("RIFF".utf8)) && bytes.dropFirst(8).starts(with: Array("WEBP".utf8)) {
            return "an image"
        }
        guard let first = bytes.first(where: { !($0 == 0x20 || (0x09...0x0D).contains($0)) }),
              first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else { return nil }
        return (try? JSONSerialization.jsonObject(with: bytes, options: [.fragmentsAllowed])) != nil ? "JSON" : nil
    }
}
