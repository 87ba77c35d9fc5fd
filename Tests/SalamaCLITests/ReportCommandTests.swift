import Foundation
import SalamaTestSupport
import Testing

/// The human formats of `salama summary`, `salama compare` and `salama template`, run as a
/// trainer or an inspector runs them: the built binary, from the repository folder. What the
/// reports must show is read from the JSON output of the same command, not guessed.
@Suite("salama summary, compare and template in human formats")
struct ReportCommandTests {
    static let selfAssessment = "Samples/nakhil-erfoud-self.xml"
    static let inspection = "Samples/nakhil-erfoud-inspection.xml"

    static func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try SalamaBinary.run(arguments + ["--format", "json"])
        #expect(result.status == 0, "\(result.standardError)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    }

    /// Like `check`, `summary` and `compare` print text unless asked for another format.
    @Test(arguments: [["summary", "Samples"], ["compare", selfAssessment, inspection]])
    func textIsTheDefaultFormat(_ arguments: [String]) throws {
        let plain = try SalamaBinary.run(arguments)
        let text = try SalamaBinary.run(arguments + ["--format", "text"])
        #expect(plain.status == 0, "\(plain.standardError)")
        #expect(!plain.standardOutput.isEmpty)
        #expect(plain.standardOutput == text.standardOutput)
    }

    @Test func summaryOfTheSamplesAsText() throws {
        let json = try Self.json(["summary", "Samples"])
        let result = try SalamaBinary.run(["summary", "Samples", "--format", "text"])
        #expect(result.status == 0)
        #expect(result.standardError == "")
        let text = result.standardOutput
        let assessments = try #require(json["assessments"] as? Int)
        let cooperatives = try #require(json["cooperatives"] as? [[String: Any]])
        #expect(text.contains("\(cooperatives.count) coopératives, \(assessments) évaluations"))
        let superseded = try #require(json["superseded"] as? [String])
        #expect(superseded == ["Samples/nakhil-erfoud-self.xml"], "the inspection of the same cooperative is later")

        // Readiness: each level's ready count out of the cooperatives.
        let readiness = try #require(text.range(of: "Préparation par niveau"))
        for target in try #require(json["targets"] as? [[String: Any]]) {
            let ready = try #require(target["ready"] as? Int), notReady = try #require(target["not-ready"] as? Int)
            let incomplete = try #require(target["incomplete"] as? Int), requiredOf = try #require(target["required-of"] as? Int)
            #expect(ready + notReady + incomplete == cooperatives.count)
            #expect(text[readiness.upperBound...].contains("\(ready)/\(cooperatives.count)"))
            #expect(text.contains("Prêtes : \(ready), Pas prêtes : \(notReady), Incomplètes : \(incomplete), Niveau exigé de : \(requiredOf)"))
        }

        // One line per cooperative, with its required level's verdict.
        let table = text.split(separator: "\n", omittingEmptySubsequences: false).drop { $0 != "Coopératives" }.dropFirst().prefix { !$0.isEmpty }
        #expect(table.count == cooperatives.count)
        for (line, cooperative) in zip(table, cooperatives) {
            #expect(line.contains(try #require(cooperative["id"] as? String)), "\(line)")
        }

        // The workshop agenda: 15 of the JSON's findings with their counts, those that block a
        // cooperative's required level first, each part in the JSON's order (by frequency).
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(findings.count > 15)
        let agenda = text.split(separator: "\n", omittingEmptySubsequences: false).drop { !$0.hasPrefix("Écarts les plus fréquents") }.dropFirst().prefix { !$0.isEmpty }
        #expect(agenda.count == 15)
        #expect(text.contains("les 15 premiers sur \(findings.count)"))
        var positions: [Int] = []
        for line in agenda {
            let index = try #require(findings.firstIndex { line.contains(" \(($0["requirement"] as? String) ?? "?") ") }, "\(line)")
            let open = try #require(findings[index]["open"] as? Int), assessed = try #require(findings[index]["assessed"] as? Int)
            #expect(line.contains(" \(open)/\(assessed) "), "\(line)")
            positions.append(index)
        }
        let blocking = agenda.map { $0.contains("bloque le niveau exigé") }
        #expect(blocking.contains(true))
        #expect(blocking == blocking.sorted { $0 && !$1 }, "blocking lines first")
        let rest = zip(blocking, positions).filter { !$0.0 }.map(\.1)
        #expect(rest == rest.sorted(), "the rest in the JSON's order")

        // One line per top-level section under the compliance heading.
        let sections = try #require(json["sections"] as? [[String: Any]])
        let compliance = text.split(separator: "\n", omittingEmptySubsequences: false).drop { $0 != "Conformité par rubrique" }.dropFirst().prefix { !$0.isEmpty }
        #expect(compliance.count == sections.count)
    }

    @Test func summaryListsInvalidFilesWithTheirFirstError() throws {
        let invalid = "Tests/Fixtures/assessments/invalid/bad-status.xml"
        let json = try SalamaBinary.run(["summary", "Samples", invalid, "--format", "json"])
        #expect(json.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let listed = try #require((object["invalid"] as? [[String: Any]])?.first)
        let error = try #require(listed["error"] as? String)

        let result = try SalamaBinary.run(["summary", "Samples", invalid, "--format", "markdown", "--lang", "en"])
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("## Invalid files"))
        #expect(result.standardOutput.contains("| `\(invalid)` | `\(error)` |"))
        #expect(result.standardOutput.contains("1 invalid file skipped"))
    }

    @Test func summaryByProductAsHTML() throws {
        let json = try Self.json(["summary", "Samples", "--by", "product"])
        let groups = try #require((json["groups"] as? [String: Any])?["values"] as? [[String: Any]])
        let result = try SalamaBinary.run(["summary", "Samples", "--by", "product", "--format", "html", "--lang", "ar", "--top", "5"])
        #expect(result.status == 0)
        let html = result.standardOutput
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">"))
        #expect(html.contains("حسب المنتوج"))
        #expect(html.components(separatedBy: "<div class=\"group\">").count - 1 == groups.count)
        // Each group is headed by its product's Arabic title, never the bare id.
        for arabicTitle in ["التمور", "العسل", "الزعفران"] {
            #expect(html.contains("<h3><bdi>\(arabicTitle)</bdi> — "))
        }
        for group in groups {
            #expect(!html.contains("<h3><bdi>\(try #require(group["value"] as? String))</bdi>"))
        }
    }

    @Test func compareTheSelfAssessmentWithTheInspectionAsMarkdown() throws {
        let json = try Self.json(["compare", Self.selfAssessment, Self.inspection])
        let result = try SalamaBinary.run(["compare", Self.selfAssessment, Self.inspection, "--format", "markdown"])
        #expect(result.status == 0)
        let markdown = result.standardOutput

        // The disagreement table: exactly the requirements the JSON says disagree, in its order,
        // with what was declared and which way it strays.
        let disagreements = try #require(json["disagreements"] as? [[String: Any]])
        #expect(!disagreements.isEmpty)
        let lines = markdown.split(separator: "\n")
        let start = try #require(lines.firstIndex { $0.hasPrefix("## ⚠ Où l'auto-évaluation et l'inspection divergent") })
        let table = lines[start...].drop { !$0.hasPrefix("| Exigence |") }.dropFirst(2).prefix { $0.hasPrefix("| ") }
        #expect(table.count == disagreements.count)
        let words = ["yes": "oui", "partial": "partiel", "no": "non", "na": "sans objet"]
        for (row, disagreement) in zip(table, disagreements) {
            let id = try #require(disagreement["requirement"] as? String)
            #expect(row.hasPrefix("| `\(id)` "), "\(row)")
            let claim = try #require(disagreement["self-declared"] as? String)
            let declared = try #require(words[claim])
            #expect(row.contains(" | \(declared) | "), "\(row)")
            let direction = try #require(disagreement["direction"] as? String) == "overstated" ? "surévalué" : "sous-évalué"
            #expect(row.hasSuffix("| **\(direction)** |"), "\(row)")
        }

        // Scores per level, and the gaps closed, new and still open, counted as the JSON counts them.
        for target in try #require(json["targets"] as? [[String: Any]]) {
            let old = try #require(target["old-score"] as? Double), new = try #require(target["new-score"] as? Double)
            func french(_ value: Double) -> String { (value == value.rounded() ? String(Int(value)) : String(value)).replacingOccurrences(of: ".", with: ",") + " %" }
            #expect(markdown.contains("| \(french(old)) | \(french(new)) |"), "\(target)")
        }
        for (key, title) in [("closed", "Écarts corrigés"), ("opened", "Nouveaux écarts"), ("still-open", "Écarts toujours ouverts")] {
            let pairs = try #require(json[key] as? [[String: Any]])
            #expect(markdown.contains("## \(title) (\(pairs.count))"))
        }
    }

    @Test func compareAsTextAndHTML() throws {
        let text = try SalamaBinary.run(["compare", Self.selfAssessment, Self.inspection, "--format", "text", "--lang", "en"])
        #expect(text.status == 0)
        #expect(text.standardOutput.contains("Where the self-assessment and the inspection disagree"))
        let html = try SalamaBinary.run(["compare", Self.selfAssessment, Self.inspection, "--format", "html", "--lang", "ar"])
        #expect(html.status == 0)
        #expect(html.standardOutput.contains("<html lang=\"ar\" dir=\"rtl\">"))
        #expect(html.standardOutput.contains("<section class=\"callout disagreements\">"))
    }

    @Test func templateAsAPrintableWorkbook() throws {
        let profile = ["template", "--checklist-id", "onssa-hygiene", "--products", "dates", "--activities", "packaging",
                       "--cooperative", "Coopérative Nakhil", "--date", "2026-11-20"]
        let xml = try SalamaBinary.run(profile)
        #expect(xml.status == 0)
        let requirements = xml.standardOutput.components(separatedBy: "<answer ref=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(!requirements.isEmpty)
        let result = try SalamaBinary.run(profile + ["--format", "html", "--lang", "ar"])
        #expect(result.status == 0)
        #expect(result.standardError == "")
        let html = result.standardOutput
        #expect(html.contains("<html lang=\"ar\" dir=\"rtl\">"))
        let blocks = html.components(separatedBy: "<div class=\"item\">\n<h4><bdi class=\"id\" dir=\"ltr\">").dropFirst().map { String($0.prefix { $0 != "<" }) }
        #expect(blocks == requirements)
        #expect(html.contains("<p class=\"guidance\">"))
    }
}
