// swift-tools-version: 6.1
// libFuzzer targets for EntenteKit. Not part of the main package: `swift build` and `swift test` never
// see them. `scripts/fuzz` builds them with `-sanitize=fuzzer,address` and runs them (see README, "Fuzzing").
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name, which differs between clones and worktrees.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let entente = Target.Dependency.product(name: "EntenteKit", package: root.lastPathComponent)

let package = Package(
    name: "EntenteFuzz",
    dependencies: [.package(path: root.path)],
    targets: [.target(name: "CLibFuzzer")] + ["FuzzFrontMatter", "FuzzContentModel", "FuzzPartialDate", "FuzzIdentifier",
                                              "FuzzReferences", "FuzzMentions"].map {
        .executableTarget(name: $0, dependencies: [entente, "CLibFuzzer"])
    },
    swiftLanguageModes: [.v6]
)
