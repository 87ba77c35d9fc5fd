import Testing
@testable import SalamaEvaluation
@testable import SalamaModel
import SalamaReports

/// One test per rule of the contract's section 3, with results computed by hand.
@Suite struct ApplicabilityTests {
    @Test func nestedAppliesWhenNeedsEveryEnclosingCondition() throws {
        let cheeseOnly = try EvaluationFixture.evaluate(assessment: EvaluationFixture.assessment(products: ["cheese"], answers: ""))
        #expect(cheeseOnly.result("D2")?.applicable == true)
        #expect(cheeseOnly.result("D1")?.applicable == false, "the inner section needs the storage activity too")

        let withStorage = try EvaluationFixture.evaluate(assessment: EvaluationFixture.assessment(products: ["cheese"], activities: ["storage"], answers: ""))
        #expect(withStorage.result("D1")?.applicable == true)

        let honey = try EvaluationFixture.evaluate(assessment: EvaluationFixture.assessment(products: ["honey"], activities: ["storage"], answers: ""))
        #expect(honey.result("D1")?.applicable == false, "the outer section needs cheese")
        #expect(honey.result("D2")?.applicable == false)
        #expect(honey.result("E2")?.applicable == true)
        #expect(withStorage.result("E2")?.applicable == false)
    }

    @Test func notApplicableRequirementsAreNeverFindings() throws {
        let evaluation = try EvaluationFixture.evaluate(assessment: EvaluationFixture.assessment(products: ["dates"], answers: ""))
        #expect(Set(evaluation.findings.map(\.requirement.id)) == ["W1", "W2", "E1"])
    }
}

@Suite struct EffectiveStatusTests {
    func water(_ answer: String) throws -> RequirementResult {
        try #require(EvaluationFixture.evaluate(assessment: EvaluationFixture.assessment(answers: answer)).result("W1"))
    }

    @Test func noAnswerIsUnanswered() throws {
        let result = try water("")
        #expect(result.status == .unanswered)
        #expect(result.declared == nil)
        #expect(result.reasons == [.unanswered])
    }

    @Test func answerWithoutStatusCountsAsNoAnswer() throws {
        let result = try water("<answer ref=\"W1\"/>")
        #expect(result.status == .unanswered)
        #expect(result.reasons == [.unanswered])
    }

    @Test func notApplicableDeclaredOnApplicableRequirement() throws {
        let result = try water("<answer ref=\"W1\" status=\"na\"/>")
        #expect(result.status == .unanswered)
        #expect(result.declared == .na)
        #expect(result.reasons == [.declaredNotApplicableButApplies])
    }

    @Test func declaredNoIsNoWithoutChecks() throws {
        let result = try water("<answer ref=\"W1\" status=\"no\"/>")
        #expect(result.status == .no)
        #expect(result.reasons.isEmpty)
    }

    @Test func yesWithEverythingInOrderStaysYes() throws {
        let result = try water(EvaluationFixture.waterAnswer())
        #expect(result.status == .yes)
        #expect(result.reasons.isEmpty)
    }

    @Test func declaredPartialStaysPartialWithoutReasons() throws {
        let result = try water(EvaluationFixture.waterAnswer(status: "partial"))
        #expect(result.status == .partial)
        #expect(result.reasons.isEmpty)
    }

    @Test(arguments: ["0.1", "1.0", "1", "0.10"])
    func measurementOnABoundIsInRange(value: String) throws {
        #expect(try water(EvaluationFixture.waterAnswer(chlorine: value)).status == .yes)
    }

    @Test func measurementOutsideRangeMakesNoAndOtherChecksStillFire() throws {
        let result = try water(EvaluationFixture.waterAnswer(evidenceDate: nil, chlorine: "1.01"))
        #expect(result.status == .no)
        #expect(result.reasons == [
            .measureOutOfRange(measure: "chlorine", value: 1.01, min: 0.1, max: 1.0),
            .evidenceMissing(evidence: "analysis"),
        ])
    }

    @Test func missingMeasurementTurnsYesIntoPartial() throws {
        let result = try water(EvaluationFixture.waterAnswer(chlorine: nil))
        #expect(result.status == .partial)
        #expect(result.reasons == [.measureMissing(measure: "chlorine")])
    }

    @Test func measurementWithoutValueIsMissing() throws {
        let result = try water("<answer ref=\"W1\" status=\"yes\"><evidence ref=\"analysis\" date=\"2026-01-10\">a</evidence><measurement ref=\"chlorine\"/></answer>")
        #expect(result.reasons == [.measureMissing(measure: "chlorine")])
    }

    @Test func evidenceExactlyMaxAgeOldIsValid() throws {
        // 2025-11-20 is 365 days before 2026-11-20.
        #expect(try water(EvaluationFixture.waterAnswer(evidenceDate: "2025-11-20")).status == .yes)
    }

    @Test func evidenceOneDayOlderHasExpired() throws {
        let result = try water(EvaluationFixture.waterAnswer(evidenceDate: "2025-11-19"))
        #expect(result.status == .partial)
        let expired = try #require(Day(iso: "2025-11-19"))
        #expect(result.reasons == [.evidenceExpired(evidence: "analysis", date: expired, maxAgeDays: 365)])
    }

    @Test func evidenceDatedAfterTheAssessmentIsFutureDated() throws {
        let result = try water(EvaluationFixture.waterAnswer(evidenceDate: "2026-11-21"))
        #expect(result.status == .partial)
        #expect(result.reasons == [.evidenceFutureDated(evidence: "analysis", date: Day(iso: "2026-11-21")!)])
    }

    @Test func evidenceDatedOnTheAssessmentDayIsValid() throws {
        #expect(try water(EvaluationFixture.waterAnswer(evidenceDate: "2026-11-20")).status == .yes)
    }

    @Test func undatedEvidenceSlotCountsAsMissing() throws {
        let result = try water("<answer ref=\"W1\" status=\"yes\"><evidence ref=\"analysis\"/><measurement ref=\"chlorine\" value=\"0.5\"/></answer>")
        #expect(result.reasons == [.evidenceMissing(evidence: "analysis")])
    }

    @Test func declaredPartialStillCollectsReasonsMeasuresFirst() throws {
        let result = try water("<answer ref=\"W1\" status=\"partial\"><evidence ref=\"analysis\" date=\"2020-01-01\">a</evidence></answer>")
        #expect(result.status == .partial)
        #expect(result.reasons.map(\.code) == ["measure-missing", "evidence-expired"])
    }
}

@Suite struct ScoreTests {
    /// Cheese cooperative with storage: t1 scope W1 (w2), W2 (w1); t2 adds D1 (w3), D2 (w1);
    /// t3 adds E1 (w1); E2 does not apply (honey only).
    func evaluation(partial: String = "0.5", answers: String) throws -> Evaluation {
        try EvaluationFixture.evaluate(
            checklist: EvaluationFixture.checklist(partial: partial),
            assessment: EvaluationFixture.assessment(products: ["cheese"], activities: ["storage"], answers: answers))
    }

    @Test func scoresFollowTheIncludesChain() throws {
        let evaluation = try evaluation(answers: EvaluationFixture.waterAnswer() + """
            <answer ref="W2" status="partial"/><answer ref="D1" status="yes"/><answer ref="D2" status="no"/><answer ref="E1" status="yes"/>
            """)
        // t1: (2×1 + 1×0.5) / 3 = 83.33; t2: (2 + 0.5 + 3 + 0) / 7 = 78.57; t3: (5.5 + 1) / 8 = 81.25.
        #expect(evaluation.target("t1")?.reportedScore == 83.3)
        #expect(evaluation.target("t2")?.reportedScore == 78.6)
        #expect(evaluation.target("t3")?.reportedScore == 81.3)
        #expect(evaluation.target("t1")?.applicable == 2)
        #expect(evaluation.target("t3")?.applicable == 5)
    }

    @Test func partialCreditOtherThanOneHalf() throws {
        let evaluation = try evaluation(partial: "0.25", answers: """
            <answer ref="W1" status="no"/><answer ref="W2" status="partial"/>
            """)
        // t1: (2×0 + 1×0.25) / 3 = 8.33
        #expect(evaluation.target("t1")?.reportedScore == 8.3)
    }

    @Test func targetWithNoApplicableRequirementScores100() throws {
        let evaluation = try evaluation(answers: "")
        #expect(evaluation.target("t4")?.score == 100)
        #expect(evaluation.target("t4")?.verdict == .ready)
        #expect(evaluation.target("t4")?.applicable == 0)
    }

    @Test func roundingIsToOneDecimalHalfAwayFromZero() {
        let result = TargetResult(target: Target(id: "x", level: 1, minScore: 0, maxMajor: nil, includes: nil, title: .init(), description: .init(), requiredFor: nil, location: .file("x")),
                                  required: false, score: 72.25, verdict: .ready, open: .init(), blockers: [], applicable: 1)
        #expect(result.reportedScore == 72.3)
    }
}

@Suite struct VerdictTests {
    @Test func readyWhenScoreAndLimitsAreMet() throws {
        let evaluation = try EvaluationFixture.evaluate(assessment: EvaluationFixture.assessment(products: ["dates"], answers:
            EvaluationFixture.waterAnswer() + "<answer ref=\"W2\" status=\"no\"/>"))
        // t1: 2/3 = 66.7 < 70, one open major allowed.
        let t1 = try #require(evaluation.target("t1"))
        #expect(t1.verdict == .notReady)
        #expect(t1.blockers == [.scoreBelowMinimum])
        #expect(t1.open.major == 1)
    }

    @Test func blockersInTheContractOrder() throws {
        let evaluation = try EvaluationFixture.evaluate(assessment: EvaluationFixture.assessment(products: ["cheese"], activities: ["storage"], answers: ""))
        // Everything unanswered: t2 has W1 critical, W2 and D1 major (max 0), score 0.
        #expect(evaluation.target("t2")?.blockers == [.scoreBelowMinimum, .criticalOpen, .tooManyMajor])
        #expect(evaluation.target("t2")?.open == { var c = SeverityCounts(); c.critical = 1; c.major = 2; c.minor = 1; return c }())
    }

    @Test func scoreExactlyAtTheMinimumIsReady() throws {
        // t1 min-score 70 can't be hit exactly with weights 2 and 1; use a checklist of its own.
        let checklist = EvaluationFixture.checklist().replacingOccurrences(of: "min-score=\"70\"", with: "min-score=\"75\"")
            .replacingOccurrences(of: "target=\"t1\" weight=\"2\"", with: "target=\"t1\" weight=\"1\"")
        let evaluation = try EvaluationFixture.evaluate(checklist: checklist, assessment: EvaluationFixture.assessment(products: ["dates"], answers:
            EvaluationFixture.waterAnswer() + "<answer ref=\"W2\" status=\"partial\"/>"))
        // (1 + 0.5) / 2 = 75
        #expect(evaluation.target("t1")?.score == 75)
        #expect(evaluation.target("t1")?.verdict == .ready)
    }

    @Test func requiredTargetIsTheHighestMatchingRequiredFor() throws {
        let cheese = try EvaluationFixture.evaluate(assessment: EvaluationFixture.assessment(products: ["cheese"], answers: ""))
        #expect(cheese.targets.filter(\.required).map(\.target.id) == ["t2"])
        let dates = try EvaluationFixture.evaluate(assessment: EvaluationFixture.assessment(products: ["dates"], answers: ""))
        #expect(dates.targets.filter(\.required).map(\.target.id) == ["t1"], "no required-for matches: the lowest level")
    }
}

@Suite struct FindingOrderTests {
    @Test func severityThenTargetLevelThenWeightThenDocumentOrder() throws {
        let evaluation = try EvaluationFixture.evaluate(assessment: EvaluationFixture.assessment(products: ["cheese", "honey"], activities: ["storage"], answers: ""))
        // critical: W1; major: W2 (t1, w1), D1 (t2, w3), E2 (t3, w1); minor: D2 (t2), E1 (t3).
        #expect(evaluation.findings.map(\.requirement.id) == ["W1", "W2", "D1", "E2", "D2", "E1"])
    }

    @Test func tiesFallBackToWeightThenDocumentOrder() throws {
        let checklist = """
        <checklist xmlns="urn:salama:checklist:1" id="eval" version="1" xml:lang="fr">
          <title>T</title>
          <target id="t1" level="1" min-score="0"><title>T1</title></target>
          <section id="s"><title>S</title>
            <requirement id="A" severity="minor" target="t1"><title>A</title></requirement>
            <requirement id="B" severity="minor" target="t1" weight="2"><title>B</title></requirement>
            <requirement id="C" severity="minor" target="t1"><title>C</title></requirement>
          </section>
        </checklist>
        """
        let evaluation = try EvaluationFixture.evaluate(checklist: checklist, assessment: EvaluationFixture.assessment(answers: ""))
        #expect(evaluation.findings.map(\.requirement.id) == ["B", "A", "C"])
    }
}

@Suite struct JSONResultTests {
    @Test func findingsAndReasonsCarryTheContractKeys() throws {
        let evaluation = try EvaluationFixture.evaluate(assessment: EvaluationFixture.assessment(products: ["dates"], answers:
            EvaluationFixture.waterAnswer(evidenceDate: "2025-01-02", chlorine: "2") + "<answer ref=\"ZZ-9\" status=\"yes\"/>"))
        let json = JSONReporter.value(of: evaluation).serialized(pretty: false)
        #expect(json.contains(#"{"requirement":"W1","section":"water","severity":"critical","target":"t1","declared":"yes","status":"no","reasons":[{"code":"measure-out-of-range","measure":"chlorine","value":2,"min":0.1,"max":1},{"code":"evidence-expired","evidence":"analysis","date":"2025-01-02"}]}"#))
        #expect(json.contains(#""warnings":[{"code":"unknown-requirement","ref":"ZZ-9"}]"#))
        #expect(json.contains(#"{"id":"t4","level":4,"required":false,"score":100,"verdict":"ready","open":{"critical":0,"major":0,"minor":0},"blockers":[]}"#))
        #expect(json.contains(#""declared":null,"status":"unanswered","reasons":[{"code":"unanswered"}]"#))
    }
}

@Suite struct DisplayedScoreTests {
    func result(score: Double, minimum: Double) -> TargetResult {
        let target = Target(id: "t", level: 1, minScore: minimum, maxMajor: nil, includes: nil, title: .init(), description: .init(), requiredFor: nil, location: .file("x"))
        return TargetResult(target: target, required: true, score: score, verdict: score >= minimum ? .ready : .notReady,
                            open: .init(), blockers: score >= minimum ? [] : [.scoreBelowMinimum], applicable: 1)
    }

    @Test func aScoreJustBelowTheMinimumIsNotShownAsReachingIt() {
        let below = result(score: 89.97, minimum: 90)
        #expect(below.reportedScore == 90, "the contract's rounding, in JSON")
        #expect(below.displayedScore == 89.9, "what people read")
    }

    @Test func otherScoresAreShownAsReported() {
        #expect(result(score: 72.25, minimum: 90).displayedScore == 72.3)
        #expect(result(score: 90.04, minimum: 90).displayedScore == 90)
    }
}
