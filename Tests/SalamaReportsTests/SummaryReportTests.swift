import Foundation
import SalamaEvaluation
import SalamaModel
import SalamaReports
import SalamaTestSupport
import SalamaXML
import Testing

/// The summary of the report fixtures (Tests/Fixtures/reports): every file of the folder, the
/// checklist itself among them (an invalid assessment, listed), read with paths relative to the
/// repository so that outputs do not depend on where the repository lives.
enum SummaryFixture {
    static let files = ["checklist", "hostile", "inspection", "self"].map { "Tests/Fixtures/reports/\($0).xml" }

    static func report(grouping: SummaryGrouping? = .province) throws -> SummaryReport {
        let run = SummaryRun(catalog: ChecklistCatalog(.file(Fixtures.path("reports/checklist.xml"))), grouping: grouping,
                             loadAssessment: { path throws(InvalidInputError) in
            let absolute = Fixtures.repositoryPath(path)
            do throws(InvalidInputError) {
                var loaded = try AssessmentLoader.load(path: absolute)
                loaded.value.path = path
                return loaded
            } catch {
                throw InvalidInputError(error.diagnostics.map { diagnostic in
                    var relative = diagnostic
                    if relative.location.file == absolute { relative.location.file = path }
                    return relative
                })
            }
        })
        return try run.run(files: files, workers: 2)
    }

    static func render(_ format: SummaryReportFormat, language: Language, top: Int? = nil, grouping: SummaryGrouping? = .province) throws -> String {
        format.reporter.report(try report(grouping: grouping), options: SummaryReportOptions(language: language, top: top))
    }
}

/// The formats of `salama summary` with golden files.
enum SummaryReportFormat: String, CaseIterable, Sendable {
    case text, markdown, html, json

    var reporter: any SummaryReporter {
        switch self {
        case .text: SummaryTextReporter()
        case .markdown: SummaryMarkdownReporter()
        case .html: SummaryHTMLReporter()
        case .json: SummaryJSONReporter()
        }
    }

    var fileExtension: String {
        switch self {
        case .text: "txt"
        case .markdown: "md"
        case .html: "html"
        case .json: "json"
        }
    }

    static let human: [SummaryReportFormat] = [.text, .markdown, .html]
}

@Suite struct SummaryReportTests {
    @Test("the summary matches its golden files", arguments: SummaryReportFormat.human, [Language.fr, .ar])
    func golden(_ format: SummaryReportFormat, _ language: Language) throws {
        Golden.check(try SummaryFixture.render(format, language: language), "summary.\(language.rawValue).\(format.fileExtension)")
    }

    @Test("the human formats show what the JSON counts", arguments: SummaryReportFormat.human)
    func agreesWithTheJSON(_ format: SummaryReportFormat) throws {
        let report = try SummaryFixture.report()
        let json = try #require(try JSONSerialization.jsonObject(with: Data(SummaryFixture.render(.json, language: .fr).utf8)) as? [String: Any])
        let human = try SummaryFixture.render(format, language: .en)
        let findings = try #require(json["findings"] as? [[String: Any]]).compactMap { $0["requirement"] as? String }
        #expect(!findings.isEmpty)
        // The agenda lists the findings in the JSON's order.
        let positions = findings.map { human.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil }, "\(findings)")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(human.contains("\(json["assessments"] as? Int ?? -1) assessments"))
        for target in try #require(json["targets"] as? [[String: Any]]) {
            #expect(human.contains("\(target["ready"] as? Int ?? -1)/\(report.summary.cooperativeCount)"))
        }
        for invalid in try #require(json["invalid"] as? [[String: Any]]) {
            #expect(human.contains(try #require(invalid["file"] as? String)))
        }
        #expect(human.contains("Errachidia"), "the groups of --by province")
    }

    @Test func topListsOnlyTheMostFrequentFindings() throws {
        let report = try SummaryFixture.report(grouping: nil)
        // In the agenda's order: what blocks required levels first, then by frequency.
        let all = report.summary.findings.enumerated().sorted { a, b in
            let aBlocks = a.element.blockingRequired, bBlocks = b.element.blockingRequired
            return (aBlocks > 0) != (bBlocks > 0) ? aBlocks > 0 : aBlocks != bBlocks ? aBlocks > bBlocks : a.offset < b.offset
        }.map(\.element.requirement.id)
        #expect(all.count > 3)
        let markdown = try SummaryFixture.render(.markdown, language: .fr, top: 3, grouping: nil)
        for (index, id) in all.enumerated() {
            #expect(markdown.contains("`\(id)`") == (index < 3), "\(id)")
        }
        #expect(markdown.contains("les 3 premiers sur \(all.count)"))
        // Without --top, the human formats list 15 (all of them here), and say nothing of a cut.
        let text = try SummaryFixture.render(.text, language: .fr, grouping: nil)
        #expect(all.allSatisfy(text.contains))
        #expect(!text.contains("premiers sur"))
    }

    @Test("the HTML summary parses without errors", arguments: Language.allCases)
    func htmlParses(_ language: Language) throws {
        let html = try SummaryFixture.render(.html, language: language)
        #expect(HTMLCheck.diagnostics(of: html, path: "summary.\(language.rawValue).html") == [])
        for forbidden in ["<script", "<link", " src=", " href=", "url(", "@import", "<iframe", "<object"] {
            #expect(!html.contains(forbidden), "\(forbidden)")
        }
        #expect(html.contains("size: A4;"))
        #expect(html.contains("counter(page) \" / \" counter(pages)"))
        #expect(html.contains("@media screen and (max-width: 640px)"))
        #expect(html.contains("<svg class=\"bar\""))
        #expect(html.contains("<svg class=\"chart\""))
    }

    /// A trainer's workshop starts with what keeps cooperatives from the level they need.
    @Test func theAgendaLeadsWithWhatBlocksTheRequiredLevels() throws {
        let text = try SummaryFixture.render(.text, language: .fr, grouping: nil)
        let agenda = try #require(text.components(separatedBy: "ordre du jour de l'atelier").dropFirst().first)
        let lines = agenda.split(separator: "\n").prefix { !$0.isEmpty }.filter { $0.contains(". ") }
        let blocking = lines.map { $0.contains("bloque le niveau exigé") }
        #expect(blocking.contains(true) && blocking.contains(false), "\(lines)")
        #expect(blocking == blocking.sorted { $0 && !$1 }, "blocking lines first: \(lines)")
    }

    @Test func arabicIsRightToLeft() throws {
        let html = try SummaryFixture.render(.html, language: .ar)
        #expect(html.contains(#"<html lang="ar" dir="rtl">"#))
        #expect(html.contains(#"<article class="report" lang="ar" dir="rtl">"#))
        #expect(html.contains("scale(-1 1)"), "bars grow from the right")
        #expect(html.contains("جدول أعمال الورشة"))
        #expect(try SummaryFixture.render(.html, language: .fr).contains(#"<html lang="fr" dir="ltr">"#))
    }

    @Test("text from files is escaped", arguments: Language.allCases)
    func hostileTextIsEscaped(_ language: Language) throws {
        // The hostile fixture's province is a group of --by province; the checklist's titles hold
        // & * _ |; the invalid file's error quotes markup.
        let html = try SummaryFixture.render(.html, language: language)
        #expect(html.contains("R&amp;D &amp;amp; [link](http://example.com) `code` # _u_"))
        #expect(!html.contains("<assessment"))
        // The invalid file's error is in the report's language; Arabic isolates the namespace it quotes.
        let namespace = language == .ar ? "<bdi>urn:salama:assessment:1</bdi>" : "urn:salama:assessment:1"
        #expect(html.contains("&lt;assessment xmlns=&quot;\(namespace)&quot;&gt;"))

        let markdown = try SummaryFixture.render(.markdown, language: language)
        #expect(markdown.contains(##"R\&D \&amp; \[link\](http://example.com) \`code\` \# \_u\_"##))
        // Outside code spans, every `<` is escaped; table rows keep their number of cells.
        for line in markdown.split(separator: "\n") where line.hasPrefix("| ") {
            let outsideCode = line.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 0 }.map(\.element).joined()
            #expect(!outsideCode.replacingOccurrences(of: "\\<", with: "").contains("<"), "\(line)")
            let cells = line.replacingOccurrences(of: #"\|"#, with: "").filter { $0 == "|" }.count
            #expect([3, 5, 6, 8].contains(cells), "\(line)")
        }
    }
}
