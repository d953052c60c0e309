import Foundation
import RedlineExtract

/// libFuzzer entry point: any bytes, extracted as HTML (libxml2, JSON-LD, microdata, markup
/// entries, encoding sniffing). Must never crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTMLExtraction(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: start, count: count))
    let extraction = ArticleExtractor.extract(bytes, format: .html)
    _ = extraction.article.positionedBlocks
    _ = ArticleExtractor.extract(bytes, format: nil)
    return 0
}
