// swift-tools-version: 6.0
import PackageDescription

// redline's benchmarks, a package of their own so that building the tool builds only the tool.
// Build them from this folder: `swift build -c release --product redline-diff-bench`; the
// scripts beside this file (diff-vs-git.sh, extract.sh, render.sh, watch-memory.sh) do it for you.
let package = Package(
    name: "redline-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "redline", path: ".."),
    ],
    targets: [
        .executableTarget(name: "redline-bench", dependencies: [
            .product(name: "RedlineKit", package: "redline"), .product(name: "RedlineCorpus", package: "redline"),
        ]),
        .executableTarget(name: "redline-diff-bench", dependencies: [
            .product(name: "RedlineKit", package: "redline"), .product(name: "RedlineCorpus", package: "redline"),
        ]),
        .executableTarget(name: "redline-extract-bench", dependencies: [.product(name: "RedlineKit", package: "redline")]),
        .executableTarget(name: "redline-render-bench", dependencies: [.product(name: "RedlineKit", package: "redline")]),
    ]
)
