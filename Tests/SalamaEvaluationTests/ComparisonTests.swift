import Testing
import SalamaEvaluation
import SalamaModel

@Suite struct ComparisonTests {
    func evaluate(kind: String, _ answers: String) throws -> Evaluation {
        try EvaluationFixture.evaluate(assessment: EvaluationFixture.assessment(products: ["cheese"], answers: answers)
            .replacingOccurrences(of: "kind=\"self\"", with: "kind=\"\(kind)\""))
    }

    @Test func progressBetweenTwoSelfAssessments() throws {
        let old = try evaluate(kind: "self", "<answer ref=\"W1\" status=\"no\"/><answer ref=\"W2\" status=\"yes\"/><answer ref=\"D2\" status=\"partial\"/>")
        let new = try evaluate(kind: "self", EvaluationFixture.waterAnswer() + "<answer ref=\"W2\" status=\"no\"/><answer ref=\"D2\" status=\"partial\"/><answer ref=\"E1\" status=\"yes\"/>")
        let comparison = try Comparison(old: old, new: new)
        // E1 was not assessed before: answering it now closes no gap.
        #expect(comparison.closed.map(\.requirement.id) == ["W1"])
        #expect(comparison.opened.map(\.requirement.id) == ["W2"])
        #expect(comparison.stillOpen.map(\.requirement.id) == ["D2"])
        #expect(comparison.disagreements.isEmpty, "two self-assessments do not disagree")
        // t1: old (0 + 1) / 3 = 33.3; new (2 + 0) / 3 = 66.7.
        let t1 = try #require(comparison.targets.first { $0.target.id == "t1" })
        #expect(t1.old.reportedScore == 33.3)
        #expect(t1.new.reportedScore == 66.7)
        #expect(t1.scoreChange == 33.3)
    }

    @Test func aGapLeftUnassessedIsNeitherClosedNorOpened() throws {
        let old = try evaluate(kind: "self", "<answer ref=\"W1\" status=\"no\"/><answer ref=\"W2\" status=\"no\"/>")
        // An inspection of W1 alone: W2 was not looked at, so it is no new and no closed gap.
        let new = try evaluate(kind: "inspection", EvaluationFixture.waterAnswer())
        let comparison = try Comparison(old: old, new: new)
        #expect(comparison.closed.map(\.requirement.id) == ["W1"])
        #expect(comparison.opened.isEmpty)
        #expect(comparison.stillOpen.isEmpty)
        #expect(comparison.disagreements.map(\.requirement.id) == ["W1"], "W2 has nothing to compare")
    }

    @Test func disagreementsBetweenASelfAssessmentAndAnInspection() throws {
        let claims = try evaluate(kind: "self", EvaluationFixture.waterAnswer() + "<answer ref=\"W2\" status=\"yes\"/><answer ref=\"D2\" status=\"no\"/><answer ref=\"E1\" status=\"yes\"/>")
        // The inspector finds the water analysis expired (yes → partial), W2 not done, D2 done,
        // agrees on E1, and does not look at E2.
        let visit = try evaluate(kind: "inspection", EvaluationFixture.waterAnswer(evidenceDate: "2024-01-01") + "<answer ref=\"W2\" status=\"no\"/><answer ref=\"D2\" status=\"yes\"/><answer ref=\"E1\" status=\"yes\"/>")
        let comparison = try Comparison(old: claims, new: visit)
        #expect(comparison.disagreements.map(\.requirement.id) == ["W1", "W2", "D2"])
        #expect(comparison.disagreements.map(\.direction) == [.overstated, .overstated, .understated])
        #expect(comparison.disagreements.first?.inspection.status == .partial)

        let reversed = try Comparison(old: visit, new: claims)
        #expect(reversed.disagreements.map(\.direction) == [.overstated, .overstated, .understated], "the order of the files does not change who claimed what")
    }

    @Test func differentCooperativesAreRefused() throws {
        let one = try evaluate(kind: "self", "")
        var other = one
        other.assessment.cooperative.id = "C2"
        #expect(throws: (any Error).self) { try Comparison(old: one, new: other) }
    }
}
