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
        containsTag(bytes: text.utf8)
    }

    static func containsTag(bytes: some Sequence<UInt8>) -> Bool {
        var previousWasOpen = false
        for byte in bytes {
            if previousWasOpen, byte == UInt8(ascii: "/") || byte == UInt8(ascii: "!") || (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") {
                return true
            }
            previousWasOpen = byte == UInt8(ascii: "<")
        }
        return false
    }
}

extension CaptureFormat {
    /// The character encoding a page's own `<meta>` declares in its first 16 KB
    /// (`<meta charset="iso-8859-1">`, `<meta http-equiv="Content-Type" content="text/html;
    /// charset=windows-1252">`), unless it is UTF-8 or UTF-16. Only a `<meta>` counts: a
    /// `charset=` elsewhere (an archive toolbar's `<script charset="utf-8">` put before the page's
    /// head) says nothing of the page, and scripts and comments are skipped whole.
    ///
    ///     <script charset="utf-8" src="…"></script><meta charset="gb2312">  → "gb2312"
    ///     <meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">  → "iso-8859-1"
    static func declaredEncoding(_ bytes: Data) -> String? {
        metaCharset(bytes).flatMap { $0.hasPrefix("utf") ? nil : $0 }
    }

    /// The charset label of the first `<meta>` in `bytes`' first 16 KB that names one, lower-case,
    /// UTF-8 and UTF-16 included (``declaredEncoding(_:)`` leaves those out).
    static func metaCharset(_ bytes: Data) -> String? {
        let head = Array(bytes.prefix(16 << 10)).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        func starts(_ text: String, at index: Int) -> Bool { head[index...].starts(with: text.utf8) }
        func find(_ text: String, from index: Int) -> Int? {
            let key = Array(text.utf8)
            var at = index
            while at + key.count <= head.count {
                if head[at] == key[0], head[at...].starts(with: key) { return at }
                at += 1
            }
            return nil
        }
        var index = 0
        while let open = find("<", from: index) {
            if starts("<!--", at: open) {
                index = (find("-->", from: open + 4) ?? head.count) + 3
            } else if starts("<script", at: open) {
                index = (find("</script", from: open + 7) ?? head.count) + 8
            } else if starts("<meta", at: open), open + 5 < head.count,
                      [0x20, 0x09, 0x0A, 0x0C, 0x0D, UInt8(ascii: "/")].contains(head[open + 5]) {
                let end = find(">", from: open) ?? head.count
                if let encoding = charsetValue(head[open..<end]) { return encoding }
                index = end
            } else {
                index = open + 1
            }
        }
        return nil
    }

    /// The value after the first `charset=` in one `<meta …>` tag, lower-case, nil when there is none.
    private static func charsetValue(_ tag: ArraySlice<UInt8>) -> String? {
        let key = Array("charset".utf8)
        var index = tag.startIndex
        while index + key.count < tag.endIndex {
            guard tag[index...].starts(with: key) else { index += 1; continue }
            index += key.count
            while index < tag.endIndex, tag[index] == 0x20 { index += 1 }
            guard index < tag.endIndex, tag[index] == UInt8(ascii: "=") else { continue }
            index += 1
            while index < tag.endIndex, tag[index] == UInt8(ascii: "\"") || tag[index] == UInt8(ascii: "'") || tag[index] == 0x20 { index += 1 }
            var name: [UInt8] = []
            while index < tag.endIndex, name.count < 40 {
                let byte = tag[index]
                guard (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
                else { break }
                name.append(byte)
                index += 1
            }
            return name.isEmpty ? nil : String(decoding: name, as: UTF8.self)
        }
        return nil
    }
}
