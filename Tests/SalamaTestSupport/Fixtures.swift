import Foundation

/// Paths of the repository's test fixtures and bundled files.
public enum Fixtures {
    /// The repository root (the folder of Package.swift).
    public static let repository: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static let folder = repository.appendingPathComponent("Tests/Fixtures")

    /// The path of a fixture, relative to Tests/Fixtures.
    public static func path(_ relative: String) -> String {
        folder.appendingPathComponent(relative).path
    }

    /// The path of a file of the repository (Checklists/…, Samples/…).
    public static func repositoryPath(_ relative: String) -> String {
        repository.appendingPathComponent(relative).path
    }

    /// The fixture files of a folder, sorted.
    public static func files(in relative: String, withExtension ext: String = "xml") -> [String] {
        let directory = folder.appendingPathComponent(relative).path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix("." + ext) }.sorted().map { (directory as NSString).appendingPathComponent($0) }
    }
}

/// Expectations written inside a fixture: a comment `<!--! error: TEXT -->` at the end of a
/// line says that an error containing TEXT must be reported at that line of that file.
public struct ExpectedDiagnostic: Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var severity: String
    public var text: String

    public var description: String { "\(file):\(line): \(severity): …\(text)…" }

    /// The expectations of `file` (and of the module files next to it that it names).
    public static func markers(in file: String) -> [ExpectedDiagnostic] {
        guard let content = try? String(contentsOfFile: file, encoding: .utf8) else { return [] }
        var result: [ExpectedDiagnostic] = []
        for (index, line) in content.components(separatedBy: "\n").enumerated() {
            var rest = Substring(line)
            while let open = rest.range(of: "<!--! ") {
                let after = rest[open.upperBound...]
                guard let close = after.range(of: " -->") else { break }
                let body = after[..<close.lowerBound]
                if let colon = body.firstIndex(of: ":") {
                    let severity = body[..<colon].trimmingCharacters(in: .whitespaces)
                    let text = body[body.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                    result.append(ExpectedDiagnostic(file: file, line: index + 1, severity: severity, text: text))
                }
                rest = after[close.upperBound...]
            }
        }
        return result
    }
}

/// A fresh folder under the system's temporary folder, removed by `remove()`.
public struct TemporaryFolder {
    public let path: String

    public init() {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("salama-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    /// Writes `content` at `relative` (creating folders) and returns the file's path.
    @discardableResult
    public func write(_ relative: String, _ content: String) -> String {
        write(relative, Data(content.utf8))
    }

    @discardableResult
    public func write(_ relative: String, _ data: Data) -> String {
        let url = URL(fileURLWithPath: path).appendingPathComponent(relative)
        try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! data.write(to: url)
        return url.path
    }

    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
