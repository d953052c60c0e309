/// What a capture holds: text as a browser copies it, or a page's HTML.
public enum CaptureFormat: String, Sendable, Hashable, CaseIterable {
    case text, html
}
