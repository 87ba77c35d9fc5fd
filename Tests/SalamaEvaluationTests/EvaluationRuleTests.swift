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
        let evaluation = try EvaluationFixture.evaluate(assessment: EvaluationFixture.assessment(products: ["dates"], answers: EvaluationFixture.allAnswered("no")))
        #expect(Set(evaluation.findings.map(\.requirement.id)) == ["W1", "W2", "E1"])
    }
}

@Suite struct EffectiveStatusTests {
    func water(_ answer: String) throws -> RequirementResult {
        try #require(EvaluationFixture.evaluate(assessment: EvaluationFixture.assessment(answers: answer)).result("W1"))
    }

    @Test func noAnswerIsNotAssessedAndNoFinding() throws {
        let result = try water("")
        #expect(result.status == .unassessed)
        #expect(result.declared == nil)
        #expect(result.reasons.isEmpty)
        #expect(!result.isOpen)
    }

    @Test func answerWithoutStatusCountsAsNoAnswer() throws {
        let result = try water("<answer ref=\"W1\"/>")
        #expect(result.status == .unassessed)
        #expect(result.reasons.isEmpty)
    }

    @Test func notApplicableDeclaredWithoutAllowNAIsAFindingNo() throws {
        let result = try water("<answer ref=\"W1\" status=\"na\"/>")
        #expect(result.status == .no)
        #expect(result.declared == .na)
        #expect(result.reasons == [.declaredNotApplicableButApplies])
        #expect(result.isOpen)
    }

    @Test func notApplicableDeclaredUnderAllowNAIsExempted() throws {
        let evaluation = try EvaluationFixture.evaluate(assessment: EvaluationFixture.assessment(products: ["dates"], answers:
            EvaluationFixture.waterAnswer() + "<answer ref=\"W2\" status=\"na\"/>"))
        let result = try #require(evaluation.result("W2"))
        #expect(result.status == .exempted)
        #expect(result.reasons.isEmpty)
        #expect(!result.isOpen)
        #expect(evaluation.exempted.map(\.requirement.id) == ["W2"])
        #expect(!evaluation.unassessed.contains { $0.requirement.id == "W2" })
        // W2 counts nowhere: t1 holds W1 alone.
        let t1 = try #require(evaluation.target("t1"))
        #expect((t1.applicable, t1.assessed, t1.score, t1.verdict) == (1, 1, 100, .ready))
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

    @Test func unassessedRequirementsAreOutsideScores() throws {
        let evaluation = try evaluation(answers: EvaluationFixture.waterAnswer() + "<answer ref=\"D2\" status=\"no\"/>")
        // t1: W1 alone is assessed, 100; t2: W1 (w2, yes) and D2 (w1, no): 2 / 3 = 66.7.
        #expect(evaluation.target("t1")?.score == 100)
        #expect(evaluation.target("t1")?.verdict == .incomplete, "W2 is in scope and not assessed")
        #expect(evaluation.target("t2")?.reportedScore == 66.7)
        #expect(evaluation.target("t2")?.assessed == 2)
        #expect(evaluation.target("t2")?.applicable == 4)
        #expect(evaluation.unassessed.map(\.requirement.id) == ["W2", "D1", "E1"])
    }

    @Test func nothingAssessedInScopeHasNoScore() throws {
        let evaluation = try evaluation(answers: "")
        let t1 = try #require(evaluation.target("t1"))
        #expect(t1.score == nil)
        #expect(t1.reportedScore == nil)
        #expect(t1.verdict == .incomplete)
        #expect(t1.blockers.isEmpty)
        #expect(evaluation.findings.isEmpty)
    }

    @Test func targetWithNoApplicableRequirementScores100() throws {
        let evaluation = try evaluation(answers: "")
        #expect(evaluation.target("t4")?.score == 100)
        #expect(evaluation.target("t4")?.verdict == .ready)
        #expect(evaluation.target("t4")?.applicable == 0)
    }

    @Test func roundingIsToOneDecimalHalfAwayFromZero() {
        let result = TargetResult(target: Target(id: "x", level: 1, minScore: 0, maxMajor: nil, includes: nil, title: .init(), description: .init(), requiredFor: nil, location: .file("x")),
                                  required: false, score: 72.25, verdict: .ready, open: .init(), blockers: [], applicable: 1, assessed: 1,
                                  majorsWithoutDeadline: [])
        #expect(result.reportedScore == 72.3)
    }
}

@Suite struct VerdictTests {
    func datesEvaluation(_ answers: String) throws -> Evaluation {
        try EvaluationFixture.evaluate(assessment: EvaluationFixture.assessment(products: ["dates"], answers: answers))
    }

    @Test func scoreBelowTheMinimumBlocks() throws {
        let evaluation = try datesEvaluation(EvaluationFixture.waterAnswer() + "<answer ref=\"W2\" status=\"no\" deadline=\"2027-01-31\"/>")
        // t1: 2/3 = 66.7 < 70; the one open major is allowed and has its deadline.
        let t1 = try #require(evaluation.target("t1"))
        #expect(t1.verdict == .notReady)
        #expect(t1.blockers == [.scoreBelowMinimum])
        #expect(t1.open.major == 1)
    }

    @Test func blockersInTheContractOrder() throws {
        let evaluation = try EvaluationFixture.evaluate(assessment: EvaluationFixture.assessment(products: ["cheese"], activities: ["storage"],
                                                                                                 answers: EvaluationFixture.allAnswered("no")))
        // Everything no: t2 has W1 critical, W2 and D1 major (max 0), D2 minor, score 0.
        #expect(evaluation.target("t2")?.blockers == [.scoreBelowMinimum, .criticalOpen, .tooManyMajor])
        #expect(evaluation.target("t2")?.open == { var c = SeverityCounts(); c.critical = 1; c.major = 2; c.minor = 1; return c }())
        // t1 allows one major: W2 is within the limit but has no deadline.
        #expect(evaluation.target("t1")?.blockers == [.scoreBelowMinimum, .criticalOpen, .majorWithoutDeadline])
    }

    @Test func noScoreBlockerIsGuessedFromWhatIsNotAssessed() throws {
        // W1 failed, W2 not assessed: the score so far (0) says nothing of the minimum.
        let evaluation = try datesEvaluation("<answer ref=\"W1\" status=\"no\"/>")
        let t1 = try #require(evaluation.target("t1"))
        #expect(t1.score == 0)
        #expect(t1.blockers == [.criticalOpen])
        #expect(t1.verdict == .notReady, "a blocker wins over incomplete")
    }

    @Test func incompleteWithoutBlocker() throws {
        let t1 = try #require(try datesEvaluation(EvaluationFixture.waterAnswer()).target("t1"))
        #expect(t1.verdict == .incomplete)
        #expect(t1.blockers.isEmpty)
        #expect((t1.assessed, t1.applicable, t1.unassessed) == (1, 2, 1))
    }

    @Test(arguments: [
        (nil, false), ("2026-11-01", false), ("2026-11-20", false), ("2026-11-21", true), ("2027-01-31", true),
    ] as [(String?, Bool)])
    func aToleratedMajorNeedsADeadlineAfterTheAssessment(deadline: String?, ready: Bool) throws {
        let answer = "<answer ref=\"W2\" status=\"partial\"\(deadline.map { " deadline=\"\($0)\"" } ?? "")/>"
        // t1: (2 + 0.5) / 3 = 83.3 ≥ 70, one open major ≤ max-major 1.
        let t1 = try #require(try datesEvaluation(EvaluationFixture.waterAnswer() + answer).target("t1"))
        #expect(t1.verdict == (ready ? .ready : .notReady))
        #expect(t1.blockers == (ready ? [] : [.majorWithoutDeadline]))
        #expect(t1.majorsWithoutDeadline == (ready ? [] : ["W2"]))
    }

    @Test func majorsBeyondTheLimitAreTooManyNotWithoutDeadline() throws {
        let evaluation = try EvaluationFixture.evaluate(assessment: EvaluationFixture.assessment(products: ["cheese"], activities: ["storage"], answers:
            EvaluationFixture.waterAnswer() + #"<answer ref="W2" status="partial"/><answer ref="D1" status="yes"/><answer ref="D2" status="yes"/>"#))
        // t2 allows no major: too many, and nothing about deadlines.
        #expect(evaluation.target("t2")?.blockers == [.tooManyMajor])
    }

    @Test func aTargetWithoutMaxMajorStillNeedsDeadlines() throws {
        func t3(_ deadline: String) throws -> TargetResult? {
            try EvaluationFixture.evaluate(assessment: EvaluationFixture.assessment(products: ["cheese"], activities: ["storage"], answers:
                EvaluationFixture.waterAnswer() + #"<answer ref="W2" status="yes"/><answer ref="D1" status="partial"\#(deadline)/>"#
                    + #"<answer ref="D2" status="yes"/><answer ref="E1" status="yes"/>"#)).target("t3")
        }
        // t3: (2 + 1 + 1.5 + 1 + 1) / 8 = 81.25 < 90.
        #expect(try t3("")?.blockers == [.scoreBelowMinimum, .majorWithoutDeadline])
        #expect(try t3(#" deadline="2027-03-01""#)?.blockers == [.scoreBelowMinimum])
    }

    @Test func scoreExactlyAtTheMinimumIsReady() throws {
        // t1 min-score 70 can't be hit exactly with weights 2 and 1; use a checklist of its own.
        let checklist = EvaluationFixture.checklist().replacingOccurrences(of: "min-score=\"70\"", with: "min-score=\"75\"")
            .replacingOccurrences(of: "target=\"t1\" weight=\"2\"", with: "target=\"t1\" weight=\"1\"")
        let evaluation = try EvaluationFixture.evaluate(checklist: checklist, assessment: EvaluationFixture.assessment(products: ["dates"], answers:
            EvaluationFixture.waterAnswer() + "<answer ref=\"W2\" status=\"partial\" deadline=\"2027-01-31\"/>"))
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

@Suite struct WarningTests {
    func warnings(products: [String] = ["dates"], version: String? = nil, _ answers: String) throws -> [AssessmentWarning] {
        try EvaluationFixture.evaluate(assessment: EvaluationFixture.assessment(products: products, version: version, answers: answers)).warnings
    }

    @Test(arguments: [("W01", "W1"), ("w-1", "W1"), ("D3", "D1"), ("E002", "E2"), ("ZZ-9", nil), ("WATER", nil)] as [(String, String?)])
    func anUnknownRequirementSuggestsTheClosestID(ref: String, suggestion: String?) throws {
        let found = try warnings("<answer ref=\"\(ref)\" status=\"yes\"/>")
        #expect(found.count == 1)
        guard case let .unknownRequirement(warnedRef, suggested, _) = found.first else {
            Issue.record("expected unknown-requirement, got \(found)")
            return
        }
        #expect(warnedRef == ref)
        #expect(suggested == suggestion)
    }

    @Test func theSuggestionDropsLeadingZerosAndCase() {
        let suggester = RequirementSuggester(requirementIDs: ["IMP-01", "IMP-02", "IMP-12"])
        #expect(suggester.suggestion(for: "IMP-2") == "IMP-02")
        #expect(suggester.suggestion(for: "imp-002") == "IMP-02")
        #expect(suggester.suggestion(for: "IMP-3") == "IMP-01", "ties go to document order")
        #expect(suggester.suggestion(for: "LOC-2") == nil)
    }

    @Test func anAnswerToARequirementThatDoesNotApplyIsWarned() throws {
        // D2 needs cheese; a dates cooperative answering it has probably left cheese out.
        #expect(try warnings("<answer ref=\"D2\" status=\"yes\"/>").map(\.code) == ["not-applicable-answer"])
        #expect(try warnings("<answer ref=\"D2\" status=\"na\"/>").isEmpty, "declaring it not applicable is right")
        #expect(try warnings("<answer ref=\"D2\"/>").isEmpty, "a blank slot says nothing")
    }

    @Test func warningsInTheContractOrder() throws {
        let found = try warnings(version: "0", """
            <answer ref="W1" status="yes"><evidence ref="zz"/><measurement ref="aa" value="1"/></answer>
            <answer ref="D2" status="no"><evidence ref="bb"/></answer>
            <answer ref="Q-1" status="no"/>
            """)
        #expect(found.map(\.code) == ["checklist-version-mismatch", "unknown-evidence", "unknown-measure",
                                      "not-applicable-answer", "unknown-evidence", "unknown-requirement"])
    }
}

@Suite struct FindingOrderTests {
    @Test func severityThenTargetLevelThenWeightThenDocumentOrder() throws {
        let evaluation = try EvaluationFixture.evaluate(assessment: EvaluationFixture.assessment(products: ["cheese", "honey"], activities: ["storage"],
                                                                                                 answers: EvaluationFixture.allAnswered("no")))
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
        let evaluation = try EvaluationFixture.evaluate(checklist: checklist, assessment: EvaluationFixture.assessment(answers:
            #"<answer ref="A" status="no"/><answer ref="B" status="no"/><answer ref="C" status="partial"/>"#))
        #expect(evaluation.findings.map(\.requirement.id) == ["B", "A", "C"])
    }
}

@Suite struct JSONResultTests {
    @Test func findingsAndReasonsCarryTheContractKeys() throws {
        let evaluation = try EvaluationFixture.evaluate(assessment: EvaluationFixture.assessment(products: ["dates"], answers:
            EvaluationFixture.waterAnswer(evidenceDate: "2025-01-02", chlorine: "2") + "<answer ref=\"ZZ-9\" status=\"yes\"/><answer ref=\"W-2\" status=\"no\"/>"))
        let json = JSONReporter.value(of: evaluation).serialized(pretty: false)
        #expect(json.contains(#"{"requirement":"W1","section":"water","severity":"critical","target":"t1","declared":"yes","status":"no","reasons":[{"code":"measure-out-of-range","measure":"chlorine","value":2,"min":0.1,"max":1},{"code":"evidence-expired","evidence":"analysis","date":"2025-01-02"}]}"#))
        #expect(json.contains(#""warnings":[{"code":"unknown-requirement","ref":"ZZ-9","suggestion":null},{"code":"unknown-requirement","ref":"W-2","suggestion":"W2"}]"#))
        #expect(json.contains(#"{"id":"t4","level":4,"required":false,"score":100,"verdict":"ready","open":{"critical":0,"major":0,"minor":0},"assessed":0,"applicable":0,"blockers":[]}"#))
        #expect(json.contains(#"{"id":"t1","level":1,"required":true,"score":0,"verdict":"not-ready","open":{"critical":1,"major":0,"minor":0},"assessed":1,"applicable":2,"blockers":["critical-open"]}"#))
        #expect(json.contains(#""unassessed":["W2","E1"],"exempted":[],"warnings""#))
    }

    @Test func topLevelKeysInTheContractOrder() throws {
        let evaluation = try EvaluationFixture.evaluate(assessment: EvaluationFixture.assessment(products: ["dates"], answers: #"<answer ref="W2" status="na"/>"#))
        let json = JSONReporter.value(of: evaluation).serialized(pretty: false)
        let keys = ["\"checklist\":", "\"assessment\":", "\"targets\":", "\"findings\":", "\"unassessed\":", "\"exempted\":", "\"warnings\":"]
        let positions = keys.compactMap { json.range(of: $0)?.lowerBound }
        #expect(positions.count == keys.count)
        #expect(positions == positions.sorted())
        #expect(json.contains(#""score":null,"verdict":"incomplete""#), "nothing assessed in t1's scope but W1")
        #expect(json.contains(#""exempted":["W2"]"#))
    }
}

@Suite struct DisplayedScoreTests {
    func result(score: Double, minimum: Double) -> TargetResult {
        let target = Target(id: "t", level: 1, minScore: minimum, maxMajor: nil, includes: nil, title: .init(), description: .init(), requiredFor: nil, location: .file("x"))
        return TargetResult(target: target, required: true, score: score, verdict: score >= minimum ? .ready : .notReady,
                            open: .init(), blockers: score >= minimum ? [] : [.scoreBelowMinimum], applicable: 1, assessed: 1,
                            majorsWithoutDeadline: [])
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
