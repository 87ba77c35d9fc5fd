// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Salama",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "salama", targets: ["salama"]),
        .executable(name: "salama-serve", targets: ["salama-serve"]),
        .library(name: "SalamaKit", targets: ["SalamaXML", "SalamaModel", "SalamaEvaluation", "SalamaReports", "SalamaWorkbook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // libxml2 as a system library; only SalamaXML imports it.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // The only layer that touches C pointers.
        .target(name: "SalamaXML", dependencies: ["CLibXML2"]),
        // Checklist and assessment values and their loaders.
        .target(name: "SalamaModel", dependencies: ["SalamaXML", .product(name: "Crypto", package: "swift-crypto")]),
        // Evaluation, aggregation and comparison: pure functions of the model.
        .target(name: "SalamaEvaluation", dependencies: ["SalamaModel"]),
        // One type per output format.
        .target(name: "SalamaReports", dependencies: ["SalamaEvaluation", "SalamaModel", "SalamaXML"]),
        // Blank workbooks (XML, CSV, HTML) and the spreadsheet round-trip.
        .target(name: "SalamaWorkbook", dependencies: [
            "SalamaReports", "SalamaEvaluation", "SalamaModel", "SalamaXML",
            .product(name: "CSV", package: "CSV.swift"),
        ]),
        // libqrencode as a system library; only SalamaServer imports it.
        .systemLibrary(
            name: "CQREncode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"]), .brew(["qrencode"])]
        ),
        // The workshop server (`salama serve`): the only library importing Hummingbird.
        .target(
            name: "SalamaServer",
            dependencies: [
                "SalamaWorkbook", "SalamaReports", "SalamaEvaluation", "SalamaModel", "SalamaXML", "CQREncode",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Templates"), .copy("Public")]
        ),
        .executableTarget(
            name: "salama",
            dependencies: [
                "SalamaWorkbook", "SalamaReports", "SalamaEvaluation", "SalamaModel", "SalamaXML",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `salama-serve`: its own executable, so that the server's libraries do not slow the
        // start-up of `salama check`.
        .executableTarget(
            name: "salama-serve",
            dependencies: [
                "SalamaServer", "SalamaXML",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "SalamaTestSupport", dependencies: ["SalamaModel", "SalamaXML"], path: "Tests/SalamaTestSupport"),
        .testTarget(name: "SalamaXMLTests", dependencies: ["SalamaXML", "SalamaTestSupport"]),
        .testTarget(name: "SalamaModelTests", dependencies: ["SalamaModel", "SalamaTestSupport"]),
        .testTarget(name: "SalamaEvaluationTests", dependencies: ["SalamaEvaluation", "SalamaModel", "SalamaTestSupport"]),
        .testTarget(name: "SalamaReportsTests", dependencies: ["SalamaReports", "SalamaEvaluation", "SalamaModel", "SalamaXML", "SalamaTestSupport"]),
        .testTarget(name: "SalamaWorkbookTests", dependencies: ["SalamaWorkbook", "SalamaReports", "SalamaEvaluation", "SalamaModel", "SalamaXML", "SalamaTestSupport"]),
        .testTarget(name: "SalamaServerTests", dependencies: [
            "SalamaServer", "SalamaWorkbook", "SalamaEvaluation", "SalamaModel", "SalamaTestSupport",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
        .testTarget(name: "SalamaCLITests", dependencies: ["salama", "salama-serve", "SalamaTestSupport"]),
    ]
)
