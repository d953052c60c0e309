import Foundation
import Testing
@testable import RedlineCapture

/// What the fetcher decides before and after a transfer: which redirects it follows, its time
/// limit as libcurl takes it, and the charset a server declares.
@Suite struct FetchPolicyTests {
    @Test func theCharsetOfAContentType() {
        #expect(PageFetcher.charset(ofContentType: "text/html; charset=ISO-8859-1") == "ISO-8859-1")
        #expect(PageFetcher.charset(ofContentType: "text/html;charset=\"windows-1252\"") == "windows-1252")
        #expect(PageFetcher.charset(ofContentType: "text/html; Charset = utf-8 ; foo=bar") == "utf-8")
        #expect(PageFetcher.charset(ofContentType: "text/html") == nil)
        #expect(PageFetcher.charset(ofContentType: "text/html; charset=") == nil)
        #expect(PageFetcher.charset(ofContentType: nil) == nil)
    }
}
