// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Entente",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "entente", targets: ["entente"]),
        .library(name: "EntenteKit", targets: ["EntenteKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Debian's libcmark-gfm-dev and libcmark-gfm-extensions-dev.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // The atomic swap of the output folder (renameat2), which Glibc's Swift module does not expose.
        .target(name: "CFileSwap"),
        // glibc malloc tuning (malloc_trim, mallopt), which Glibc's Swift module does not expose.
        .target(name: "CMalloc"),
        // Entente's Mustache engine: parses, checks templates against typed models, renders. Depends on nothing.
        .target(name: "TemplateEngine"),
        .target(
            name: "EntenteKit",
            dependencies: [
                "CCmarkGFM",
                "CFileSwap",
                "CMalloc",
                "TemplateEngine",
                .product(name: "Yams", package: "Yams"),
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .executableTarget(
            name: "entente",
            dependencies: [
                "EntenteKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // A synthetic site generator that the test targets share.
        .target(name: "EntenteTestSupport", path: "Tests/EntenteTestSupport"),
        .testTarget(
            name: "TemplateEngineTests",
            // swift-mustache, the package the engine replaced, only to compare the two.
            dependencies: ["TemplateEngine", .product(name: "Mustache", package: "swift-mustache"),
                           .product(name: "PropertyBased", package: "swift-property-based")],
            resources: [.copy("Spec")]
        ),
        .testTarget(
            name: "EntenteKitTests",
            dependencies: ["EntenteKit", "TemplateEngine", "EntenteTestSupport",
                           .product(name: "Mustache", package: "swift-mustache")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["entente", "EntenteKit", "EntenteTestSupport", .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        // `swift package benchmark` runs these; see README, "Performance".
        .executableTarget(
            name: "EntenteBenchmarks",
            dependencies: ["EntenteKit", "TemplateEngine", .product(name: "Benchmark", package: "benchmark"),
                           .product(name: "Mustache", package: "swift-mustache")],
            path: "Benchmarks/EntenteBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
