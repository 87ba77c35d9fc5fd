import Foundation
// Swift Testing is there for test builds only: `swift build -c release` builds this target
// too (it is not a test target), without the golden files.
#if canImport(Testing)
import Testing

/// Expected outputs kept in Tests/Fixtures/golden. They are re-recorded only when the
/// environment variable SALAMA_RECORD_GOLDEN=1 is set, and a test that records fails, saying
/// so, so that a recording never passes for a check.
public enum Golden {
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["SALAMA_RECORD_GOLDEN"] == "1" }

    /// Compares `actual` with the golden file `name`, or records it.
    public static func check(_ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let path = Fixtures.path("golden/" + name)
        if isRecording {
            do {
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try actual.write(toFile: path, atomically: true, encoding: .utf8)
                Issue.record("recorded golden file \(name): run the tests again without SALAMA_RECORD_GOLDEN=1 to check it", sourceLocation: sourceLocation)
            } catch {
                Issue.record("cannot record golden file \(path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
            Issue.record("golden file \(name) is missing: run the tests with SALAMA_RECORD_GOLDEN=1 to record it", sourceLocation: sourceLocation)
            return
        }
        guard actual != expected else { return }
        let actualLines = actual.components(separatedBy: "\n"), expectedLines = expected.components(separatedBy: "\n")
        let index = Array(zip(actualLines, expectedLines)).firstIndex { $0 != $1 } ?? min(actualLines.count, expectedLines.count)
        let got = index < actualLines.count ? actualLines[index] : "(end of output)"
        let wanted = index < expectedLines.count ? expectedLines[index] : "(end of file)"
        Issue.record("""
            output differs from golden file \(name) at line \(index + 1) (SALAMA_RECORD_GOLDEN=1 re-records it):
              expected: \(wanted)
              actual:   \(got)
            """, sourceLocation: sourceLocation)
    }
}
#endif
