// swift-tools-version: 6.0
import PackageDescription

// The pipeline, one target per stage, each depending only on the stages before it:
//
//   capture (RedlineCapture) → extract (RedlineExtract) → store (RedlineStore, libgit2)
//   → diff (RedlineDiff) → render (RedlineRender)
//
// RedlineModel holds the values every stage passes on (Article, Entry, Block, KeyEvent, Version,
// ArticleDiff); RedlineText the byte-level text code they share (white space, folding, hashing).
// RedlineTracker offers one function per command, and `redline` parses the command line and
// calls it. Benchmarks are a package of their own (Benchmarks/Package.swift).
let package = Package(
    name: "redline",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "redline", targets: ["redline"]),
        .library(name: "RedlineKit", targets: [
            "RedlineModel", "RedlineCapture", "RedlineExtract", "RedlineStore", "RedlineDiff", "RedlineRender", "RedlineTracker",
        ]),
        // Real live blogs as Articles, for the tests and the benchmarks (reads ../shared/corpus).
        .library(name: "RedlineCorpus", targets: ["RedlineCorpus"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        // C libraries, each loaded at run time by the commands that use it (redline_http.c,
        // libgit2.c, libxml2.c): their headers come from Debian's -dev packages.
        .target(name: "CLibCurl", linkerSettings: [.linkedLibrary("z")]),   // gzip bodies decoded (libgit2 loads zlib anyway)
        .target(name: "CLibGit2"),
        .target(name: "CLibXML2", cSettings: [.unsafeFlags(["-I/usr/include/libxml2"])]),
        // glibc's <malloc.h>, for ProcessMemory.
        .systemLibrary(name: "CMalloc"),

        .target(name: "RedlineText"),
        .target(name: "RedlineModel", dependencies: ["RedlineText"]),
        .target(name: "RedlineCapture", dependencies: ["RedlineModel", "CLibCurl"]),
        .target(name: "RedlineExtract", dependencies: ["RedlineModel", "RedlineText", "CLibXML2"],
                swiftSettings: [.unsafeFlags(["-Xcc", "-I/usr/include/libxml2"])]),
        .target(name: "RedlineStore", dependencies: ["RedlineModel", "RedlineText", "CLibGit2"]),
        .target(name: "RedlineDiff", dependencies: ["RedlineModel", "RedlineText"]),
        .target(name: "RedlineRender", dependencies: ["RedlineModel", "RedlineText"]),
        .target(
            name: "RedlineTracker",
            dependencies: ["RedlineModel", "RedlineCapture", "RedlineExtract", "RedlineStore", "RedlineDiff", "RedlineRender", "CMalloc",
                           .product(name: "Yams", package: "Yams")]
        ),
        .executableTarget(
            name: "redline",
            dependencies: ["RedlineTracker", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            // libgit2.c's stand-ins for mbedTLS's certificate loading must be seen by the loader.
            linkerSettings: [.unsafeFlags(["-Xlinker", "--export-dynamic-symbol=mbedtls_x509_crt_parse_file",
                                          "-Xlinker", "--export-dynamic-symbol=mbedtls_x509_crt_parse_path"])]
        ),

        .target(name: "RedlineCorpus", dependencies: ["RedlineModel", "RedlineText"], path: "Tests/RedlineCorpus"),
        .testTarget(name: "RedlineModelTests", dependencies: ["RedlineModel", "RedlineText"]),
        .testTarget(name: "RedlineCaptureTests", dependencies: ["RedlineCapture"]),
        .testTarget(name: "RedlineExtractTests", dependencies: ["RedlineExtract", "RedlineText", "RedlineCorpus"], exclude: ["Golden", "Fixtures"]),
        .testTarget(name: "RedlineStoreTests", dependencies: ["RedlineStore", "RedlineExtract", "RedlineCorpus"]),
        .testTarget(name: "RedlineDiffTests", dependencies: ["RedlineDiff", "RedlineExtract", "RedlineText", "RedlineCorpus"]),
        .testTarget(name: "RedlineRenderTests", dependencies: ["RedlineRender", "RedlineDiff", "RedlineExtract", "RedlineText"],
                    exclude: ["Golden"]),
        .testTarget(name: "RedlineTrackerTests", dependencies: ["RedlineTracker", "redline", "RedlineText", "RedlineCorpus"],
                    exclude: ["Fixtures"]),
    ]
)
