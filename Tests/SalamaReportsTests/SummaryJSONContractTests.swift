import Foundation
import SalamaEvaluation
import SalamaModel
import SalamaReports
import SalamaTestSupport
import Testing

/// The summary JSON of contract 1.1 (§5): keys in the contract's order, each cooperative once by
/// its latest assessment, figures computed by hand on a small case.
@Suite struct SummaryJSONContractTests {
    /// Three cooperatives of dates (PRE-04, cheese and milk only, never applies), each required
    /// to reach the autorisation (the lowest level: nothing they make is named by a
    /// required-for), plus an older assessment of one of them and a broken file.
    ///
    /// - COOP-Z (z.xml, self): PRE-01 no, PRE-02 yes, PRE-03 yes, STA-01 no.
    /// - COOP-A (a-inspection.xml, inspection): PRE-01 yes (evidence and chlorine in order),
    ///   PRE-02 no with a deadline, PRE-03 yes.
    /// - COOP-A (a-old.xml, self, a month earlier): superseded; everything no.
    /// - COOP-M (m.xml, self): PRE-01 yes (in order), PRE-02 yes, PRE-03 yes.
    static func files(in folder: TemporaryFolder) -> [String] {
        let water = #"<evidence ref="water-analysis" date="2026-06-01">a.pdf</evidence><measurement ref="free-chlorine" value="0.5"/>"#
        let allNo = ["PRE-01", "PRE-02", "PRE-03", "STA-01", "STA-02", "TRA-01", "TRA-02", "TRA-03"].map { "<answer ref=\"\($0)\" status=\"no\"/>" }.joined()
        return [
            folder.write("z.xml", ReportCase.assessment(id: "COOP-Z", answers: """
                <answer ref="PRE-01" status="no"/><answer ref="PRE-02" status="yes"/><answer ref="PRE-03" status="yes"/><answer ref="STA-01" status="no"/>
                """)),
            folder.write("a-inspection.xml", ReportCase.assessment(id: "COOP-A", kind: "inspection", answers: """
                <answer ref="PRE-01" status="yes">\(water)</answer><answer ref="PRE-02" status="no" deadline="2027-01-31"/><answer ref="PRE-03" status="yes"/>
                """)),
            folder.write("a-old.xml", ReportCase.assessment(id: "COOP-A", date: "2026-10-20", answers: allNo)),
            folder.write("m.xml", ReportCase.assessment(id: "COOP-M", answers: """
                <answer ref="PRE-01" status="yes">\(water)</answer><answer ref="PRE-02" status="yes"/><answer ref="PRE-03" status="yes"/>
                """)),
            folder.write("broken.xml", "<assessment"),
        ]
    }

    static func summaryJSON() throws -> (OrderedJSON, [String]) {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let files = Self.files(in: folder)
        let run = SummaryRun(catalog: ChecklistCatalog(.file(ReportCase.checklist)))
        let report = try run.run(files: files, workers: 2)
        return (try OrderedJSON.parse(SummaryJSONReporter().report(report, options: SummaryReportOptions(language: .fr))), files)
    }

    @Test func theKeysAreInTheContractsOrder() throws {
        let (json, _) = try Self.summaryJSON()
        #expect(json.keys == ["checklist", "assessments", "invalid", "superseded", "targets", "findings", "sections", "cooperatives"])
        #expect(json["checklist"]?.keys == ["id", "version", "sha256"])
        #expect(json["invalid"]?.items.map(\.keys) == [["file", "error"]])
        for target in json["targets"]?.items ?? [] {
            #expect(target.keys == ["id", "level", "ready", "not-ready", "incomplete", "required-of"])
        }
        for finding in json["findings"]?.items ?? [] {
            #expect(finding.keys == ["requirement", "severity", "applicable", "assessed", "open", "share"])
        }
        for section in json["sections"]?.items ?? [] {
            #expect(section.keys == ["id", "compliance"])
        }
        for cooperative in json["cooperatives"]?.items ?? [] {
            #expect(cooperative.keys == ["id", "name", "province", "file", "date", "kind", "required", "verdict", "score", "open", "assessed", "applicable"])
            #expect(cooperative["open"]?.keys == ["critical", "major", "minor"])
        }
        // The report fixture's summary has the same shape.
        let fixture = try OrderedJSON.parse(try SummaryFixture.render(.json, language: .fr, grouping: nil))
        #expect(fixture.keys == json.keys)
    }

    @Test func eachCooperativeCountsOnceByItsLatestAssessment() throws {
        let (json, files) = try Self.summaryJSON()
        // Four valid files, the superseded one included; the broken one listed, located.
        #expect(json["assessments"] == .number(4))
        #expect(json["invalid"]?.items.first?["file"]?.string == files[4])
        #expect(json["invalid"]?.items.first?["error"]?.string?.hasPrefix(files[4] + ":1:") == true)
        #expect(json["superseded"] == .array([.string(files[2])]))

        // Verdicts of the required target (autorisation, max-major 3):
        // Z: PRE-01 critical open → not ready. A: PRE-02 open major, within max-major and with
        // a deadline after the date; STA-01, STA-02, TRA-01 blank → incomplete. M: nothing
        // open, three blanks → incomplete. Agrément and export (max-major 0): Z and A not
        // ready, M incomplete (TRA-02, TRA-03 blank).
        func target(_ id: String, _ level: Int, _ ready: Int, _ notReady: Int, _ incomplete: Int, _ requiredOf: Int) -> OrderedJSON {
            .object([("id", .string(id)), ("level", .number(Double(level))), ("ready", .number(Double(ready))),
                     ("not-ready", .number(Double(notReady))), ("incomplete", .number(Double(incomplete))), ("required-of", .number(Double(requiredOf)))])
        }
        #expect(json["targets"]?.items == [target("autorisation", 1, 0, 1, 2, 3), target("agrement", 2, 0, 2, 1, 0), target("export-eu", 3, 0, 2, 1, 0)])

        // Findings, by open (all 1) then document order. PRE-01: applies to 3, assessed by 3,
        // open for Z → 1/3 = 0.333. PRE-02: open for A → 0.333. STA-01: assessed by Z only,
        // open → 1/1 = 1. The old file's "no" answers count nowhere.
        func finding(_ id: String, _ severity: String, _ assessed: Int, _ share: Double) -> OrderedJSON {
            .object([("requirement", .string(id)), ("severity", .string(severity)), ("applicable", .number(3)),
                     ("assessed", .number(Double(assessed))), ("open", .number(1)), ("share", .number(share))])
        }
        #expect(json["findings"]?.items == [finding("PRE-01", "critical", 3, 0.333), finding("PRE-02", "major", 3, 0.333), finding("STA-01", "major", 1, 1)])

        // Premises: 9 assessed pairs (PRE-01…03 × 3; PRE-04 never applies), 7 yes → 0.778.
        // Staff: Z's STA-01, no → 0. Traceability: nothing assessed → null, not 0.
        #expect(json["sections"]?.items == [
            .object([("id", .string("premises")), ("compliance", .number(0.778))]),
            .object([("id", .string("staff")), ("compliance", .number(0))]),
            .object([("id", .string("traceability")), ("compliance", .null)]),
        ])
    }

    @Test func oneLinePerCooperativeSortedByID() throws {
        let (json, files) = try Self.summaryJSON()
        let cooperatives = json["cooperatives"]?.items ?? []
        #expect(cooperatives.compactMap { $0["id"]?.string } == ["COOP-A", "COOP-M", "COOP-Z"])
        func open(_ critical: Int, _ major: Int, _ minor: Int) -> OrderedJSON {
            .object([("critical", .number(Double(critical))), ("major", .number(Double(major))), ("minor", .number(Double(minor)))])
        }
        // Scores over the assessed requirements of the autorisation (PRE-01 weighs 2):
        // A: (2 + 0 + 1) / 4 = 75; M: 4 / 4 = 100; Z: (0 + 1 + 1 + 0) / 5 = 40.
        // Six requirements of the autorisation apply to each (PRE-01…03, STA-01, STA-02, TRA-01).
        let expected: [OrderedJSON] = [
            .object([("id", .string("COOP-A")), ("name", .string("Coopérative COOP-A")), ("province", .string("Errachidia")),
                     ("file", .string(files[1])), ("date", .string("2026-11-20")), ("kind", .string("inspection")),
                     ("required", .string("autorisation")), ("verdict", .string("incomplete")), ("score", .number(75)),
                     ("open", open(0, 1, 0)), ("assessed", .number(3)), ("applicable", .number(6))]),
            .object([("id", .string("COOP-M")), ("name", .string("Coopérative COOP-M")), ("province", .string("Errachidia")),
                     ("file", .string(files[3])), ("date", .string("2026-11-20")), ("kind", .string("self")),
                     ("required", .string("autorisation")), ("verdict", .string("incomplete")), ("score", .number(100)),
                     ("open", open(0, 0, 0)), ("assessed", .number(3)), ("applicable", .number(6))]),
            .object([("id", .string("COOP-Z")), ("name", .string("Coopérative COOP-Z")), ("province", .string("Errachidia")),
                     ("file", .string(files[0])), ("date", .string("2026-11-20")), ("kind", .string("self")),
                     ("required", .string("autorisation")), ("verdict", .string("not-ready")), ("score", .number(40)),
                     ("open", open(1, 1, 0)), ("assessed", .number(4)), ("applicable", .number(6))]),
        ]
        for (line, want) in zip(cooperatives, expected) {
            #expect(line == want)
        }
        #expect(cooperatives.count == expected.count)
    }
}
