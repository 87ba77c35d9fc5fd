@testable import SalamaReports
import SalamaEvaluation
import SalamaModel
import Testing

/// What the printed reports show, decided once for every format.
@Suite struct ReportContentTests {
    @Test func actionPlanGroupsByCostThenSeverity() throws {
        let content = ReportContent(try ReportFixture.evaluation("self"), language: .en, audit: false)
        #expect(content.plan.map(\.cost) == [.free, .low, .investment])
        let layout = content.plan.map { tier in tier.groups.map { group in "\(group.severity.rawValue):" + group.findings.map(\.id).joined(separator: ",") } }
        // STA-02 and TRA-01 are free; PRE-01 and STA-01 are low cost; PRE-02 needs investment.
        // PRE-04 does not apply to a date cooperative; PRE-03 and TRA-03 are met; TRA-02 is not
        // assessed, so it is no gap and has no action.
        #expect(layout == [["major:TRA-01", "minor:STA-02"], ["critical:PRE-01", "major:STA-01"], ["major:PRE-02"]])
    }

    @Test func aRequirementWithoutActionCostsLittle() throws {
        let content = ReportContent(try ReportFixture.evaluation("inspection"), language: .fr, audit: false)
        let labelling = try #require(content.findings.first { $0.id == "TRA-03" })
        #expect(labelling.action == nil)
        #expect(labelling.cost == .low)
        #expect(labelling.deadline == "2027-03-31")
    }

    @Test func whySaysWhatWasDeclaredAndEveryReason() throws {
        let content = ReportContent(try ReportFixture.evaluation("self"), language: .en, audit: false)
        func why(_ id: String) -> [String] { content.findings.first { $0.id == id }?.why ?? [] }
        #expect(why("PRE-01") == ["Water potability analysis dated 2025-10-01 is more than 365 days old"])
        #expect(why("PRE-02") == ["declared “partial”"])
        #expect(why("STA-02") == ["declared not applicable, but the requirement applies to this cooperative"])
        #expect(why("TRA-02") == [], "not assessed: no finding")
        #expect(content.unassessed.map(\.id) == ["TRA-02"])
        #expect(why("STA-01") == ["Staff medical certificates is dated 2026-12-05, after the assessment date"])
    }

    @Test func nextStepsPutTheRequiredTargetsBlockersFirst() throws {
        let content = ReportContent(try ReportFixture.evaluation("self"), language: .en, audit: false)
        #expect(content.nextSteps.map(\.id) == ["PRE-01", "TRA-01", "STA-01", "PRE-02", "STA-02"])
        #expect(content.nextStepsLeft == 0)
    }

    @Test func rubricsConformOnlyWithoutOpenFinding() throws {
        let content = ReportContent(try ReportFixture.evaluation("inspection"), language: .fr, audit: false)
        #expect(content.audit)
        #expect(content.rubrics.map(\.conformity) == [.no, .yes, .no])
        #expect(content.rubrics.map(\.conformityText) == ["Non", "Oui", "Non"])
        #expect(content.rubrics[0].findings.map(\.deadline) == ["2027-01-15", "2027-06-30"])
    }

    @Test func documentsCarryTheirState() throws {
        let content = ReportContent(try ReportFixture.evaluation("self"), language: .en, audit: false)
        #expect(content.documents.map { "\($0.requirements.map(\.id).joined(separator: "+")):\($0.state.rawValue)" }
                == ["PRE-01:expired", "STA-01:future-dated", "STA-02:missing", "TRA-01:missing"], "TRA-02 is not assessed yet")
        // A dated document with a period of validity says until when it is valid.
        #expect(content.documents.map(\.expires) == ["2026-10-01", "2027-06-03", nil, nil])
        #expect(content.documentSummary == "4 documents: 2 missing, 1 expired, 1 dated after the assessment")
    }

    @Test func checklistTextsFallBackToTheChecklistLanguage() throws {
        let content = ReportContent(try ReportFixture.evaluation("inspection"), language: .ar, audit: false)
        // TRA-03 has no Arabic title: the French one is shown.
        #expect(content.findings.first { $0.id == "TRA-03" }?.title == "L'étiquette porte la dénomination, le lot_n° & la DDM *UE*")
        #expect(content.findings.first { $0.id == "PRE-02" }?.title == "الأسطح الملامسة للتمور ملساء وقابلة للغسل وفي حالة جيدة")
    }

    @Test func textBarsMarkTheThreshold() {
        #expect(TextBar.draw(42.9, threshold: 70) == "█████████░░░░░│░░░░░░")
        #expect(TextBar.draw(100, threshold: 90, cells: 10) == "█████████│█")
        #expect(TextBar.draw(0, cells: 4) == "░░░░")
    }
}
