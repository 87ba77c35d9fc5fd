import Foundation

import SalamaXML
// Swift Testing is there for test builds only: `swift build -c release` builds this target
// too (it is not a test target), without the expectation below.
#if canImport(Testing)
import Testing
#endif

/// Checks reported diagnostics against the `<!--! error: TEXT -->` markers of a fixture and of
/// the modules it includes (followed through `xi:include href`, inside Tests/Fixtures only).
public enum Markers {
    /// The markers of `file` and of every fixture module it includes, at any depth.
    public static func all(in file: String) -> [ExpectedDiagnostic] {
        var visited = Set<String>()
        var result: [ExpectedDiagnostic] = []
        func visit(_ path: String) {
            guard visited.insert(standardized(path)).inserted else { return }
            result += ExpectedDiagnostic.markers(in: path)
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return }
            for href in includeReferences(in: text) where !href.contains(":") && !href.hasPrefix("/") {
                let module = standardized(((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(href))
                if module.hasPrefix(Fixtures.folder.path + "/"), FileManager.default.fileExists(atPath: module) {
                    visit(module)
                }
            }
        }
        visit(file)
        return result
    }

    /// The `href` of every `<xi:include` in `text`.
    public static func includeReferences(in text: String) -> [String] {
        var references: [String] = []
        var rest = Substring(text)
        while let start = rest.range(of: "<xi:include") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: ">") else { break }
            let tag = rest[..<end]
            if let href = tag.range(of: "href=\"") {
                let value = tag[href.upperBound...]
                if let close = value.firstIndex(of: "\"") { references.append(String(value[..<close])) }
            }
        }
        return references
    }

    public static func standardized(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
        return (absolute as NSString).standardizingPath
    }

    public static func matches(_ diagnostic: Diagnostic, _ marker: ExpectedDiagnostic) -> Bool {
        diagnostic.severity.rawValue == marker.severity
            && diagnostic.location.line == marker.line
            && standardized(diagnostic.location.file) == standardized(marker.file)
            && diagnostic.message.contains(marker.text)
    }

    /// The 1-based column, in characters, of the first `<` on `line` of `file`: where the
    /// offending element of a marked line starts.
    public static func firstTagColumn(_ file: String, line: Int) -> Int? {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        let lines = text.components(separatedBy: "\n")
        guard line >= 1, line <= lines.count, let open = lines[line - 1].firstIndex(of: "<") else { return nil }
        return lines[line - 1].distance(from: lines[line - 1].startIndex, to: open) + 1
    }

    public static func listing(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.isEmpty ? "(none)" : diagnostics.map(\.description).joined(separator: "\n")
    }

    #if canImport(Testing)
    /// Every marker has its diagnostic (same file, line, severity, message containing the
    /// text, column of the element's start tag) and every diagnostic has its marker.
    public static func expect(_ diagnostics: [Diagnostic], match markers: [ExpectedDiagnostic],
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for marker in markers {
            let found = diagnostics.filter { matches($0, marker) }
            #expect(!found.isEmpty, "missing \(marker); reported:\n\(listing(diagnostics))", sourceLocation: sourceLocation)
            for diagnostic in found {
                #expect(diagnostic.location.column == firstTagColumn(marker.file, line: marker.line),
                        "\(diagnostic) is not at the column of its element", sourceLocation: sourceLocation)
            }
        }
        for diagnostic in diagnostics {
            #expect(markers.contains { matches(diagnostic, $0) },
                    "unexpected \(diagnostic); markers:\n\(markers.map(\.description).joined(separator: "\n"))",
                    sourceLocation: sourceLocation)
        }
    }
    #endif
}
