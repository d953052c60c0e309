import Foundation
import Testing
@testable import RedlineCapture

/// What the fetcher decides before and after a transfer: which redirects it follows, its time
/// limit as libcurl takes it, and the charset a server declares.
@Suite struct FetchPolicyTests {
    @Test(arguments: ["127.0.0.1", "127.255.0.9", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254",
                      "0.0.0.0", "::1", "::", "fc00::1", "fd12:3456::1", "fe80::1", "febf::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1"])
    func privateAddresses(_ address: String) {
        #expect(HTTPGet.isPrivate(address: address))
    }

    @Test(arguments: ["93.184.216.34", "8.8.8.8", "172.15.255.255", "172.32.0.1", "192.169.0.1", "169.253.1.1", "11.0.0.1",
                      "2606:4700::1111", "fec0::1", "::ffff:8.8.8.8", "localhost", "example.com", ""])
    func publicAddressesAndNonAddresses(_ address: String) {
        #expect(!HTTPGet.isPrivate(address: address))
    }

    @Test func aRedirectFromPublicToPrivateIsRefusedUnlessAllowed() {
        #expect(HTTPGet.refusesRedirect(from: "93.184.216.34", to: "127.0.0.1", allowPrivate: false))
        #expect(HTTPGet.refusesRedirect(from: "93.184.216.34", to: "::1", allowPrivate: false))
        #expect(HTTPGet.refusesRedirect(from: "2606:4700::1111", to: "169.254.169.254", allowPrivate: false))
        #expect(!HTTPGet.refusesRedirect(from: "93.184.216.34", to: "127.0.0.1", allowPrivate: true))
        // Asked for a private address directly, redirects stay within what was asked for.
        #expect(!HTTPGet.refusesRedirect(from: "127.0.0.1", to: "127.0.0.1", allowPrivate: false))
        #expect(!HTTPGet.refusesRedirect(from: "10.0.0.1", to: "192.168.0.1", allowPrivate: false))
        #expect(!HTTPGet.refusesRedirect(from: "93.184.216.34", to: "8.8.8.8", allowPrivate: false))
        #expect(!HTTPGet.refusesRedirect(from: "127.0.0.1", to: "8.8.8.8", allowPrivate: false))
    }

    @Test func anyPositiveTimeoutIsAtLeastOneMillisecond() {
        // 0 ms is libcurl's "no limit": a time-out under 1 ms must not become it.
        #expect(HTTPGet.milliseconds(0.0001) == 1)
        #expect(HTTPGet.milliseconds(0.0015) == 2)
        #expect(HTTPGet.milliseconds(2) == 2000)
        #expect(HTTPGet.milliseconds(.infinity) == 1_000_000_000_000)
        #expect(HTTPGet.milliseconds(0) == 1)
        #expect(HTTPGet.milliseconds(.nan) == 1)
    }

    @Test func theCharsetOfAContentType() {
        #expect(PageFetcher.charset(ofContentType: "text/html; charset=ISO-8859-1") == "ISO-8859-1")
        #expect(PageFetcher.charset(ofContentType: "text/html;charset=\"windows-1252\"") == "windows-1252")
        #expect(PageFetcher.charset(ofContentType: "text/html; Charset = utf-8 ; foo=bar") == "utf-8")
        #expect(PageFetcher.charset(ofContentType: "text/html") == nil)
        #expect(PageFetcher.charset(ofContentType: "text/html; charset=") == nil)
        #expect(PageFetcher.charset(ofContentType: nil) == nil)
    }
}

@Suite struct CapturePipeTests {
    @Test func aNamedPipeIsReadToItsEnd() throws {
        let path = NSTemporaryDirectory() + "redline-fifo-" + UUID().uuidString
        #expect(mkfifo(path, 0o600) == 0)
        defer { unlink(path) }
        let text = "Live: talks\n\nBoth sides left London.\n"
        let writer = Thread {
            let descriptor = open(path, O_WRONLY)
            _ = text.withCString { write(descriptor, $0, strlen($0)) }
            close(descriptor)
        }
        writer.start()
        let capture = try CaptureReader.read(path)
        #expect(capture.bytes == Data(text.utf8))
    }
}

extension FetchPolicyTests {
    @Test func retryAfterIsReadAsSecondsOrAnHTTPDate() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)   // 2027-01-15T08:00:00Z
        #expect(PageFetcher.retryAfter("120", now: now) == 120)
        #expect(PageFetcher.retryAfter(" 5 ", now: now) == 5)
        #expect(PageFetcher.retryAfter("Fri, 15 Jan 2027 08:02:00 GMT", now: now) == 120)
        #expect(PageFetcher.retryAfter("Fri, 15 Jan 2027 07:59:00 GMT", now: now) == nil)   // past
        #expect(PageFetcher.retryAfter("0", now: now) == nil)
        #expect(PageFetcher.retryAfter("9999999", now: now) == 86_400)                       // at most a day
        #expect(PageFetcher.retryAfter("soon", now: now) == nil)
        #expect(PageFetcher.retryAfter("-5", now: now) == nil)
    }
}
