import Foundation
import Testing
import SalamaEvaluation
import SalamaModel
import SalamaTestSupport

/// `salama summary`'s aggregation over a generated folder, against counts computed here
/// independently of the evaluator.
@Suite struct SummaryTests {
    /// A deterministic generator, so that a failure can be reproduced.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E3779B97F4A7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            return z ^ (z >> 31)
        }
    }

    struct Profile {
        var products: [String]
        var activities: [String]
        var statuses: [String: String?]
        var province: String
    }

    static let requirements = ["W1", "W2", "D1", "D2", "E1", "E2"]
    static let severity = ["W1": "critical", "W2": "major", "D1": "major", "D2": "minor", "E1": "minor", "E2": "major"]
    static let weight: [String: Double] = ["W1": 2, "W2": 1, "D1": 3, "D2": 1, "E1": 1, "E2": 1]
    static let ownTarget = ["W1": 1, "W2": 1, "D1": 2, "D2": 2, "E1": 3, "E2": 3]
    static let topSection = ["W1": "water", "W2": "water", "D1": "dairy", "D2": "dairy", "E1": "export", "E2": "export"]

    static func applies(_ id: String, _ profile: Profile) -> Bool {
        switch id {
        case "D1": profile.products.contains("cheese") && profile.activities.contains("storage")
        case "D2": profile.products.contains("cheese")
        case "E2": profile.products.contains("honey")
        default: true
        }
    }

    static func xml(_ profile: Profile, cooperative: String = "C1", date: String = "2026-11-20", kind: String = "self") -> String {
        let answers = requirements.compactMap { id -> String? in
            guard let entry = profile.statuses[id], let status = entry else { return nil }
            if id == "W1" && status == "yes" {
                return EvaluationFixture.waterAnswer()
            }
            return "<answer ref=\"\(id)\" status=\"\(status)\"/>"
        }.joined()
        return EvaluationFixture.assessment(products: profile.products, activities: profile.activities, answers: answers)
            .replacingOccurrences(of: "<province>Errachidia</province>", with: "<province>\(profile.province)</province>")
            .replacingOccurrences(of: "<cooperative id=\"C1\"", with: "<cooperative id=\"\(cooperative)\"")
            .replacingOccurrences(of: "date=\"2026-11-20\" kind=\"self\"", with: "date=\"\(date)\" kind=\"\(kind)\"")
    }

    static func randomProfile(_ random: inout SeededGenerator) -> Profile {
        let products = [["cheese"], ["dates"], ["honey"], ["cheese", "honey"]].randomElement(using: &random)!
        let activities = Bool.random(using: &random) ? ["storage"] : []
        var statuses: [String: String?] = [:]
        for id in requirements {
            statuses[id] = [nil, "yes", "yes", "yes", "partial", "no", "na"].randomElement(using: &random)!
        }
        return Profile(products: products, activities: activities, statuses: statuses,
                       province: ["Errachidia", "Midelt", "Zagora"].randomElement(using: &random)!)
    }

    @Test func listsAssessmentFilesOfFoldersInNameOrder() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("in/b.xml", "")
        folder.write("in/A.CSV", "")
        folder.write("in/sub/c.xml", "")
        folder.write("in/notes.txt", "")
        folder.write("in/.hidden.xml", "")
        folder.write("in/.git/d.xml", "")
        folder.write("other/e.xml", "")
        // A link to a folder is neither followed nor taken for a file; a link to a file is a file.
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/in/linked.xml", withDestinationPath: folder.path + "/other")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/in/f.xml", withDestinationPath: folder.path + "/other/e.xml")

        let files = SummaryRun.files(under: [folder.path + "/in/", folder.path + "/given.xml"])
        #expect(files == ["A.CSV", "b.xml", "f.xml", "sub/c.xml"].map { folder.path + "/in/" + $0 } + [folder.path + "/given.xml"])
    }

    @Test func aggregatesAThousandCooperativesByTheirLatestAssessmentAndListsInvalidFiles() throws {
        var random = SeededGenerator(state: 2026)
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let checklist = folder.write("checklist/eval.xml", EvaluationFixture.checklist())
        var profiles: [Profile] = []
        for index in 0..<1000 {
            let profile = Self.randomProfile(&random)
            profiles.append(profile)
            folder.write(String(format: "in/%04d.xml", index), Self.xml(profile, cooperative: String(format: "C%04d", index)))
        }
        // Superseded: an earlier assessment of cooperatives 0–19; on the same date, a self-assessment
        // beside cooperative 20's inspection, and a second self-assessment of cooperative 21 whose
        // path comes later.
        var superseded: [String] = []
        for index in 0..<20 {
            let name = String(format: "old/%04d-2025.xml", index)
            folder.write("in/" + name, Self.xml(Self.randomProfile(&random), cooperative: String(format: "C%04d", index), date: "2025-11-20"))
            superseded.append(name)
        }
        folder.write("in/0020.xml", Self.xml(profiles[20], cooperative: "C0020", kind: "inspection"))
        folder.write("in/0020-self.xml", Self.xml(Self.randomProfile(&random), cooperative: "C0020"))
        folder.write("in/0021b.xml", Self.xml(Self.randomProfile(&random), cooperative: "C0021"))
        superseded += ["0020-self.xml", "0021b.xml"]
        folder.write("in/sub/broken.xml", "<assessment")
        folder.write("in/sub/duplicate.xml", EvaluationFixture.assessment(answers: "<answer ref=\"W2\" status=\"yes\"/><answer ref=\"W2\" status=\"no\"/>"))

        let files = SummaryRun.files(under: [folder.path + "/in"])
        #expect(files.count == 1024)
        let report = try SummaryRun(catalog: ChecklistCatalog(.file(checklist)), grouping: .province).run(files: files, workers: 2)

        #expect(report.summary.assessments == 1022, "valid files, superseded ones included")
        #expect(report.summary.cooperativeCount == 1000)
        #expect(report.superseded == superseded.sorted().map { folder.path + "/in/" + $0 })
        #expect(report.invalid.map { ($0.file as NSString).lastPathComponent } == ["broken.xml", "duplicate.xml"])
        #expect(report.invalid[1].error.contains("second answer to requirement 'W2'"))

        // Expected counts, computed from the profiles alone with the rules of contract 1.1.
        var applicable: [String: Int] = [:], assessed: [String: Int] = [:], open: [String: Int] = [:]
        var pairs: [String: Int] = [:], compliant: [String: Int] = [:]
        var verdicts: [String: [String: Int]] = [:], requiredOf: [String: Int] = [:]
        let scopes = ["t1": [1], "t2": [1, 2], "t3": [1, 2, 3], "t4": []]
        let minimum: [String: Double] = ["t1": 70, "t2": 80, "t3": 90, "t4": 50]
        for profile in profiles {
            // Credit of each assessed requirement; `unassessed` those left blank.
            var credit: [String: Double] = [:], unassessed: Set<String> = []
            for id in Self.requirements where Self.applies(id, profile) {
                let status = profile.statuses[id] ?? nil
                if status == "na" && id == "W2" { continue }  // exempted under allow-na
                applicable[id, default: 0] += 1
                guard let status else {
                    unassessed.insert(id)
                    continue
                }
                assessed[id, default: 0] += 1
                pairs[Self.topSection[id]!, default: 0] += 1
                if status == "yes" { compliant[Self.topSection[id]!, default: 0] += 1 } else { open[id, default: 0] += 1 }
                credit[id] = status == "yes" ? 1 : status == "partial" ? 0.5 : 0
            }
            for (target, levels) in scopes {
                let inScope = credit.keys.filter { levels.contains(Self.ownTarget[$0]!) }
                let blank = unassessed.filter { levels.contains(Self.ownTarget[$0]!) }
                let possible = inScope.reduce(0) { $0 + Self.weight[$1]! }
                let earned = inScope.reduce(0) { $0 + Self.weight[$1]! * credit[$1]! }
                let score = possible > 0 ? 100 * earned / possible : 100
                let openIn = inScope.filter { credit[$0]! < 1 }
                let critical = openIn.contains { Self.severity[$0] == "critical" }
                let majors = openIn.filter { Self.severity[$0] == "major" }.count
                // No deadline is ever given here, so an open major blocks whatever max-major allows:
                // too many for t2 (none allowed), without deadline for t1 and t3.
                let blocked = (blank.isEmpty && score < minimum[target]!) || critical || majors > 0
                let verdict = blocked ? "not-ready" : blank.isEmpty ? "ready" : "incomplete"
                verdicts[target, default: [:]][verdict, default: 0] += 1
            }
            requiredOf[profile.products.contains("cheese") ? "t2" : "t1", default: 0] += 1
        }

        let summary = report.summary
        for count in summary.targets {
            let expected = verdicts[count.target.id, default: [:]]
            #expect(count.ready == expected["ready", default: 0], "ready for \(count.target.id)")
            #expect(count.notReady == expected["not-ready", default: 0], "not ready for \(count.target.id)")
            #expect(count.incomplete == expected["incomplete", default: 0], "incomplete for \(count.target.id)")
            #expect(count.cooperatives == 1000)
            #expect(count.requiredOf == requiredOf[count.target.id, default: 0], "required of \(count.target.id)")
        }
        #expect(Set(summary.findings.map(\.requirement.id)) == Set(open.keys))
        for finding in summary.findings {
            #expect(finding.applicable == applicable[finding.requirement.id], "applicable \(finding.requirement.id)")
            #expect(finding.assessed == assessed[finding.requirement.id], "assessed \(finding.requirement.id)")
            #expect(finding.open == open[finding.requirement.id], "open \(finding.requirement.id)")
        }
        let order = summary.findings.map(\.open)
        #expect(order == order.sorted(by: >), "most often open first")
        for section in summary.sections {
            #expect(section.pairs == pairs[section.section.id, default: 0])
            #expect(section.compliant == compliant[section.section.id, default: 0])
        }
        #expect(summary.cooperatives.map(\.assessed.cooperative.id) == (0..<1000).map { String(format: "C%04d", $0) })
        #expect(summary.cooperatives[20].assessed.kind == .inspection, "same date: the inspection counts")
        #expect(summary.cooperatives[21].assessed.path.hasSuffix("/in/0021.xml"), "same date and kind: the smaller path counts")
        #expect(summary.cooperatives[0].assessed.date == Day(iso: "2026-11-20"), "the later date counts")

        #expect(report.groups.map(\.value) == ["Errachidia", "Midelt", "Zagora"])
        #expect(report.groups.reduce(0) { $0 + $1.summary.cooperativeCount } == 1000)
        let midelt = profiles.filter { $0.province == "Midelt" }.count
        #expect(report.groups.first { $0.value == "Midelt" }?.summary.cooperativeCount == midelt)
    }

    @Test func theSameCooperativeTwiceCountsOnce() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let checklist = folder.write("eval.xml", EvaluationFixture.checklist())
        folder.write("in/self.xml", EvaluationFixture.assessment(products: ["dates"], answers: EvaluationFixture.allAnswered("no")))
        folder.write("in/inspection.xml", EvaluationFixture.assessment(products: ["dates"], answers: EvaluationFixture.waterAnswer())
            .replacingOccurrences(of: "kind=\"self\"", with: "kind=\"inspection\""))
        let report = try SummaryRun(catalog: ChecklistCatalog(.file(checklist))).run(files: SummaryRun.files(under: [folder.path + "/in"]))
        #expect(report.summary.assessments == 2)
        #expect(report.summary.cooperativeCount == 1)
        #expect(report.superseded == [folder.path + "/in/self.xml"])
        // The inspection counts: W1 met, W2 and E1 not assessed, no finding.
        #expect(report.summary.findings.isEmpty)
        #expect(report.summary.targets.first?.incomplete == 1)
        let line = try #require(report.summary.cooperatives.first)
        #expect(line.required.verdict == .incomplete)
        #expect((line.required.assessed, line.required.applicable) == (1, 2))
    }

    @Test func anAssessmentOfAnotherChecklistIsListedAsInvalid() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let checklist = folder.write("eval.xml", EvaluationFixture.checklist())
        folder.write("in/a.xml", EvaluationFixture.assessment(answers: ""))
        folder.write("in/b.xml", EvaluationFixture.assessment(answers: "").replacingOccurrences(of: "checklist=\"eval\"", with: "checklist=\"other\""))
        let report = try SummaryRun(catalog: ChecklistCatalog(.file(checklist))).run(files: SummaryRun.files(under: [folder.path + "/in"]))
        #expect(report.summary.assessments == 1)
        #expect(report.superseded.isEmpty)
        #expect(report.invalid.count == 1)
        #expect(report.invalid.first?.error.contains("is for checklist 'other'") == true)
    }
}

/// The verdicts a summary counts are the evaluation's own, rule for rule.
@Suite struct VerdictsTests {
    @Test(arguments: ["ghris-goulmima-self", "nakhil-erfoud-inspection", "nakhil-erfoud-self", "tamr-draa-self",
                      "tighremt-rich-self", "tislit-imilchil-self", "ward-mgouna-self", "zaafran-siroua-self", "zitoune-skoura-self"])
    func verdictsAgreeWithTheEvaluation(sample: String) throws {
        let checklist = try ChecklistLoader.load(path: Fixtures.repositoryPath("Checklists/onssa-hygiene.xml")).value
        let assessment = try AssessmentLoader.load(path: Fixtures.repositoryPath("Samples/\(sample).xml")).value
        let evaluator = Evaluator(checklist)
        let evaluation = evaluator.evaluate(assessment)
        let verdicts = evaluator.verdicts(assessment)

        #expect(verdicts.applicable == evaluation.results.map(\.applicable))
        #expect(verdicts.statuses == evaluation.results.map(\.status))
        #expect(verdicts.targets == evaluation.targets)
        #expect(verdicts.topSections == evaluation.results.map { result in checklist.sections.firstIndex { $0.id == result.topSection }! })
        // The samples reach every status and some targets either way.
        #expect(Set(verdicts.statuses).count >= 3)

        // What a summary keeps of them, four bits each, reads back the same.
        let compact = CompactVerdicts(verdicts)
        #expect(compact.requirementCount == verdicts.statuses.count)
        #expect((0..<compact.requirementCount).map(compact.status(at:))
                == zip(verdicts.applicable, verdicts.statuses).map { applies, status in applies ? status : nil })
        #expect((0..<compact.targetCount).map(compact.verdict(ofTarget:)) == verdicts.targets.map(\.verdict))
        #expect(compact.requiredIndex == verdicts.targets.firstIndex(where: \.required))
    }
}
