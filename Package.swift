// swift-tools-version: 6.0
import PackageDescription

// The pipeline, one target per stage:
//   capture → extract → store (libgit2) → diff → render, wired by `Redline` and the `redline` command.
let package = Package(
    name: "redline",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "redline", targets: ["redline"]),
        .library(name: "Redline", targets: ["Redline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .target(name: "RedlineModel"),
        // libcurl, libgit2 and libxml2, loaded at run time by the commands that use them
        // (redline_http.c, libgit2.c, libxml2.c).
        .target(name: "CLibCurl"),
        .target(name: "CLibGit2"),
        .target(name: "CLibXML2"),
        // glibc's allocator set up for a short process that allocates much at once (allocator.c).
        .target(name: "CAllocator"),
        .target(name: "RedlineCapture", dependencies: ["RedlineModel", "CLibCurl"]),
        .target(name: "RedlineExtract", dependencies: ["RedlineModel", "CLibXML2"]),
        .executableTarget(
            name: "redline-extract-bench",
            dependencies: ["RedlineExtract", "RedlineModel"],
            path: "Benchmarks/redline-extract-bench"
        ),
        .target(name: "RedlineStore", dependencies: ["RedlineModel", "CLibGit2"]),
        .target(name: "RedlineDiff", dependencies: ["RedlineModel"]),
        .target(name: "RedlineCorpus", dependencies: ["RedlineModel"], path: "Benchmarks/RedlineCorpus"),
        .executableTarget(name: "redline-diff-bench", dependencies: ["RedlineDiff", "RedlineModel", "RedlineCorpus"], path: "Benchmarks/redline-diff-bench"),
        .target(name: "RedlineRender", dependencies: ["RedlineModel"]),
        .target(
            name: "Redline",
            dependencies: ["RedlineModel", "RedlineCapture", "RedlineExtract", "RedlineStore", "RedlineDiff", "RedlineRender"]
        ),
        .executableTarget(
            name: "redline",
            dependencies: ["Redline", "CAllocator", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "redline-bench", dependencies: ["Redline", "RedlineExtract", "RedlineRender", "RedlineDiff", "RedlineStore", "RedlineModel", "RedlineCapture", "RedlineCorpus"], path: "Benchmarks/redline-bench"),
        .executableTarget(name: "redline-render-bench", dependencies: ["RedlineRender", "RedlineModel"], path: "Benchmarks/render-bench"),

        .testTarget(name: "RedlineModelTests", dependencies: ["RedlineModel"]),
        .testTarget(name: "RedlineCaptureTests", dependencies: ["RedlineCapture"]),
        .testTarget(name: "RedlineExtractTests", dependencies: ["RedlineExtract"], exclude: ["Golden"]),
        .testTarget(name: "RedlineStoreTests", dependencies: ["RedlineStore"]),
        .testTarget(name: "RedlineDiffTests", dependencies: ["RedlineDiff", "RedlineExtract", "RedlineCorpus"]),
        .testTarget(name: "RedlineRenderTests", dependencies: ["RedlineRender", "RedlineDiff", "RedlineExtract"], exclude: ["Golden"]),
        .testTarget(name: "RedlineTests", dependencies: ["Redline", "redline", "RedlineCorpus"], exclude: ["Fixtures"]),
    ]
)
