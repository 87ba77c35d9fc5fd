import Foundation
import SalamaTestSupport
import Testing

/// `salama check --format markdown|html [--audit] [--output FILE]`, through the real binary.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: SalamaBinary.url.path), "the salama binary is built"))
struct CheckCommandTests {
    static let checklist = Fixtures.path("reports/checklist.xml")

    @Test func htmlToAFile() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let output = folder.path + "/report.html"
        let result = try SalamaBinary.run(["check", Fixtures.path("reports/self.xml"), "--checklist", Self.checklist,
                                           "--format", "html", "--lang", "ar", "--output", output])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        let html = try String(contentsOfFile: output, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">"))
    }

    @Test func markdownAudit() throws {
        let result = try SalamaBinary.run(["check", Fixtures.path("reports/self.xml"), "--checklist", Self.checklist,
                                           "--format", "markdown", "--lang", "en", "--audit"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("# Self-assessment in the visit report's layout — Coopérative Tamount\n"), "a self-assessment is never titled as a visit")
        #expect(result.standardOutput.contains("| Rubric | Conformity | Findings | Corrective measures | Timeline |"))
    }

    @Test func hostileTextThroughTheCommandIsEscaped() throws {
        let result = try SalamaBinary.run(["check", Fixtures.path("reports/hostile.xml"), "--checklist", Self.checklist, "--format", "html"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(!result.standardOutput.contains("<script"))
        #expect(result.standardOutput.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Co&quot; &#39;op&#39;"))
    }

    @Test func unknownFormatIsAUsageError() throws {
        let result = try SalamaBinary.run(["check", Fixtures.path("reports/self.xml"), "--checklist", Self.checklist, "--format", "pdf"])
        #expect(result.status == 64)
    }
}
