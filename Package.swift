// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Entente",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "entente", targets: ["entente"]),
        .library(name: "EntenteKit", targets: ["EntenteKit", "EntenteServing", "EntenteImporting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.14.0"),
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
        // The layers, bottom up. A target can import only the targets it depends on, so a lower layer that
        // imports a higher one does not compile.
        // Concurrency and memory helpers that several layers share.
        .target(name: "EntenteSupport", dependencies: ["CMalloc"]),
        // The pure model of values: actors, treaties, analyses, dates, ids, diagnostics, the URL layout.
        .target(name: "EntenteModel"),
        // Reading Content/: YAML, front matter, every field checked.
        .target(name: "EntenteLoading", dependencies: ["EntenteModel", "EntenteSupport", .product(name: "Yams", package: "Yams")]),
        // Ids resolved in one pass after loading; the site's indexes.
        .target(name: "EntenteResolving", dependencies: ["EntenteModel"]),
        // Markdown through cmark-gfm, with references resolved and mentions found.
        .target(name: "EntenteMarkdown", dependencies: ["EntenteModel", "EntenteSupport", "EntenteResolving", "CCmarkGFM"]),
        // Full-text search: how text becomes terms, and the index as small files a page loads on demand. Depends on nothing.
        .target(name: "EntenteSearch"),
        // The SVG pictures: networks and timelines.
        .target(name: "EntentePictures", dependencies: ["EntenteModel", "EntenteResolving"]),
        // Typed page models, the theme, feeds and open data. The default theme is embedded from Templates/ at build
        // time by the EmbedTheme plugin.
        .target(name: "EntentePages", dependencies: [
            "EntenteModel", "EntenteSupport", "EntenteResolving", "EntenteMarkdown", "EntentePictures", "EntenteSearch",
            "TemplateEngine", .product(name: "CSV", package: "CSV.swift"),
        ], plugins: ["EmbedTheme"]),
        // Templates/ → DefaultTheme.swift, at build time: the theme has one copy in the repository.
        .plugin(name: "EmbedTheme", capability: .buildTool(), dependencies: ["EmbedThemeTool"]),
        .executableTarget(name: "EmbedThemeTool"),
        // Writing the output: staging, manifest, the atomic swap.
        .target(name: "EntenteOutput", dependencies: ["EntenteModel", "EntenteSupport", "CFileSwap"]),
        // `entente import atop`.
        .target(name: "EntenteImporting", dependencies: [
            "EntenteModel", "EntenteLoading", .product(name: "CSV", package: "CSV.swift"), .product(name: "Yams", package: "Yams"),
        ]),
        // The pipeline: load → resolve → Markdown → index → pages → output, shared by build, check and serve.
        .target(
            name: "EntenteKit",
            dependencies: [
                "EntenteModel", "EntenteSupport", "EntenteLoading", "EntenteResolving", "EntenteMarkdown", "EntentePictures",
                "EntentePages", "EntenteOutput",
            ]
        ),
        // `entente new`: new sites and content files from the skeletons of Templates/new/.
        .target(name: "EntenteScaffolding", dependencies: ["EntenteModel", "EntentePages", "EntenteImporting", "TemplateEngine"]),
        // The preview server, on Hummingbird (SwiftNIO): unlike FlyingFox, it links without FoundationNetworking
        // (libcurl), so the binary can be linked statically.
        .target(name: "EntenteServing", dependencies: [
            "EntenteKit", "EntenteModel", "EntenteSupport", "EntenteResolving", "EntentePages", "EntenteOutput", "TemplateEngine",
            .product(name: "Hummingbird", package: "hummingbird"), .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "HTTPTypes", package: "swift-http-types"), .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(
            name: "entente",
            dependencies: [
                "EntenteKit", "EntenteServing", "EntenteImporting", "EntenteScaffolding", "EntenteModel", "EntenteSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // A synthetic site generator that the test targets share.
        .target(name: "EntenteTestSupport", dependencies: ["TemplateEngine"], path: "Tests/EntenteTestSupport"),
        // The same generator as a command, for the browser suite.
        .executableTarget(name: "entente-generate-site", dependencies: ["EntenteTestSupport"], path: "Tests/GenerateSite"),
        .testTarget(
            name: "TemplateEngineTests",
            // swift-mustache, the package the engine replaced, only to compare the two.
            dependencies: ["TemplateEngine", .product(name: "Mustache", package: "swift-mustache"),
                           .product(name: "PropertyBased", package: "swift-property-based")],
            resources: [.copy("Spec")]
        ),
        .testTarget(
            name: "EntenteKitTests",
            dependencies: ["EntenteKit", "EntenteModel", "EntenteSupport", "EntenteLoading", "EntenteResolving",
                           "EntenteMarkdown", "EntentePictures", "EntentePages", "EntenteOutput", "EntenteImporting", "EntenteSearch",
                           "EntenteServing", "EntenteScaffolding", "TemplateEngine", "EntenteTestSupport",
                           .product(name: "Mustache", package: "swift-mustache")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "EndToEndTests",
            // FlyingSocks as a raw HTTP client, to send request targets unnormalised; never linked into entente.
            dependencies: ["entente", "EntenteKit", "EntentePages", "EntenteTestSupport", .product(name: "FlyingSocks", package: "FlyingFox")]
        ),
        // `swift package benchmark` runs these; see README, "Performance".
        .executableTarget(
            name: "EntenteBenchmarks",
            dependencies: ["EntenteKit", "EntenteModel", "EntenteResolving", "EntenteMarkdown", "EntentePages", "TemplateEngine",
                           "EntenteTestSupport", .product(name: "Benchmark", package: "benchmark"),
                           .product(name: "Mustache", package: "swift-mustache")],
            path: "Benchmarks/EntenteBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
