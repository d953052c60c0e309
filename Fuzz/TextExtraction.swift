import Foundation
import RedlineExtract

/// libFuzzer entry point: any bytes, extracted as plain text. Must never crash (the sanitizer and
/// Swift's own checks trap on overflow, bad indexes and memory errors).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTextExtraction(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: start, count: count))
    let extraction = ArticleExtractor.extract(bytes, format: .text)
    if extraction.format != .text { fatalError("forced text was read as \(extraction.format)") }
    _ = extraction.article.positionedBlocks
    return 0
}
