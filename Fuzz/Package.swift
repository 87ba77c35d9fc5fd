// swift-tools-version:6.0
// The libFuzzer target of Salama. A package of its own, so that a plain `swift build` or
// `swift test` of the main package never builds it: it only builds with
// `--sanitize=fuzzer` (libFuzzer supplies `main`). Build and run it with `scripts/fuzz.sh`.
import PackageDescription

// The main package, by path. A path dependency's identity is its folder's name, which is
// the clone's name (not always "salama"), so it is read here rather than written out.
let salamaPackage = Context.packageDirectory
    .split(separator: "/").dropLast().last.map(String.init) ?? "main"

let package = Package(
    name: "SalamaFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "SalamaFuzz",
            dependencies: [.product(name: "SalamaKit", package: salamaPackage)]
        ),
    ]
)
