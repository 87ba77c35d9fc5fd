// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Salama",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "salama", targets: ["salama"]),
        .library(name: "SalamaKit", targets: ["SalamaXML", "SalamaModel", "SalamaEvaluation", "SalamaReports", "SalamaWorkbook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
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
        .executableTarget(
            name: "salama",
            dependencies: [
                "SalamaWorkbook", "SalamaReports", "SalamaEvaluation", "SalamaModel", "SalamaXML",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "SalamaTestSupport", dependencies: ["SalamaModel", "SalamaXML"], path: "Tests/SalamaTestSupport"),
        .testTarget(name: "SalamaXMLTests", dependencies: ["SalamaXML", "SalamaTestSupport"]),
        .testTarget(name: "SalamaModelTests", dependencies: ["SalamaModel", "SalamaTestSupport"]),
        .testTarget(name: "SalamaEvaluationTests", dependencies: ["SalamaEvaluation", "SalamaModel", "SalamaTestSupport"]),
        .testTarget(name: "SalamaReportsTests", dependencies: ["SalamaReports", "SalamaEvaluation", "SalamaModel", "SalamaXML", "SalamaTestSupport"]),
        .testTarget(name: "SalamaWorkbookTests", dependencies: ["SalamaWorkbook", "SalamaReports", "SalamaEvaluation", "SalamaModel", "SalamaXML", "SalamaTestSupport"]),
        .testTarget(name: "SalamaCLITests", dependencies: ["salama", "SalamaTestSupport"]),
    ]
)
