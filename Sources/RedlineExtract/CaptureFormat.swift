import Foundation

/// What a capture holds: text as a browser copies it, or a page's HTML.
public enum CaptureFormat: String, Sendable, Hashable, CaseIterable {
    case text, html

    /// The format `bytes` look like: HTML when the first non-blank characters open a tag
    /// (`<!DOCTYPE`, `<html`, `<head`, `<body`, `<!--`, `<div` …), text otherwise.
    public static func sniff(_ bytes: Data) -> CaptureFormat {
        let head = TextDecoding.decode(bytes.prefix(4096)).text
        let trimmed = head.drop { $0.isWhitespace }.lowercased()
        let openers = ["<!doctype", "<html", "<head", "<body", "<!--", "<meta", "<div", "<article", "<p>", "<p ", "<?xml"]
        if openers.contains(where: trimmed.hasPrefix) { return .html }
        if trimmed.hasPrefix("<"), head.contains("</") { return .html }
        return .text
    }

    /// The file name a capture of this format is stored under.
    public var sourceFileName: String { self == .html ? "source.html" : "source.txt" }
}

extension CaptureFormat {
    /// True when `text` has at least one thing that looks like a tag (`<p>`, `</div>`, `<!--`).
    static func containsTag(_ text: String) -> Bool {
        var previousWasOpen = false
        for byte in text.utf8 {
            if previousWasOpen, byte == UInt8(ascii: "/") || byte == UInt8(ascii: "!") || (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") {
                return true
            }
            previousWasOpen = byte == UInt8(ascii: "<")
        }
        return false
    }
}
