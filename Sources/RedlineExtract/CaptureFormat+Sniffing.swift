import Foundation

import RedlineModel

extension CaptureFormat {
    /// The format `bytes` look like: HTML when the first non-blank characters open a tag
    /// (`<!DOCTYPE`, `<html`, `<head`, `<body`, `<!--`, `<div` …), text otherwise.
    public static func sniff(_ bytes: Data) -> CaptureFormat {
        let head = Array(TextDecoding.decode(bytes.prefix(4096)).text.utf8)
        guard let start = head.firstIndex(where: { !($0 == 0x20 || (0x09...0x0D).contains($0)) }) else { return .text }
        let lowered = head[start...].prefix(16).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        let openers = ["<!doctype", "<html", "<head", "<body", "<!--", "<meta", "<div", "<article", "<p>", "<p ", "<?xml",
                       "<section", "<main", "<title", "<script", "<style", "<link", "<table", "<ul", "<h1", "<h2"]
        if openers.contains(where: { lowered.starts(with: $0.utf8) }) { return .html }
        if head[start] == UInt8(ascii: "<"), head.contains("</".utf8) { return .html }
        return .text
    }
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

extension CaptureFormat {
    /// The character encoding a page declares in its first 4 KB (`<meta charset="iso-8859-1">`,
    /// `content="text/html; charset=windows-1252"`), unless it is UTF-8 or UTF-16.
    ///
    ///     <meta charset="ISO-8859-1">  → "iso-8859-1"
    static func declaredEncoding(_ bytes: Data) -> String? {
        let head = Array(bytes.prefix(4096)).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        let key = Array("charset=".utf8)
        guard let start = head.indices.first(where: { head[$0...].starts(with: key) }) else { return nil }
        var index = start + key.count
        while index < head.count, head[index] == UInt8(ascii: "\"") || head[index] == UInt8(ascii: "'") || head[index] == 0x20 { index += 1 }
        var name: [UInt8] = []
        while index < head.count, name.count < 40 {
            let byte = head[index]
            guard (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
            else { break }
            name.append(byte)
            index += 1
        }
        let encoding = String(decoding: name, as: UTF8.self)
        guard !encoding.isEmpty, !encoding.hasPrefix("utf") else { return nil }
        return encoding
    }
}
