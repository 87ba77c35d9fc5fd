import SalamaEvaluation
import SalamaModel
import SalamaXML

/// What a report shows for one evaluation, worded in one language and in the order a reader
/// needs it: built once here, then drawn by the text, Markdown and HTML reporters, which
/// decide nothing and only lay it out (and escape it).
///
/// Every string is plain text taken from the files or from the localization table; none is
/// escaped yet.
struct ReportContent: Sendable {
    /// Who was assessed, when, by whom, against what.
    struct Header: Sendable {
        var cooperativeName: String
        var cooperativeID: String
        var region: String
        var province: String
        var commune: String?
        var members: Int?
        var products: [String]
        var activities: [String]
        var date: String
        var kind: String
        /// The assessor with their role, and the two apart (for right-to-left layouts).
        var assessor: String?
        var assessorName: String?
        var assessorRole: String?
        /// Every assessor, name and role, in file order.
        var assessors: [(name: String, role: String)]
        /// Whether the assessor is an inspector (who then signs the visit report).
        var assessorIsInspector: Bool
        /// What the visit report records of the visit (1.1), label and value, in report order.
        var visit: [(label: String, value: String)]
        /// The samples the inspectors took, in file order (shown as a table, not a fact).
        var samples: [SampleLine]
        var checklistTitle: String
        var checklistID: String
        var checklistVersion: String
        var checklistSHA256: String
        var file: String
    }

    /// A sample taken during the visit: its id, the product by its title, the analysis asked
    /// for and the laboratory, each on one line (nil when the file leaves it out).
    struct SampleLine: Sendable {
        var id: String
        var product: String?
        var analysis: String?
        var laboratory: String?
    }

    /// One certification level, its score against its threshold, and what blocks it.
    struct TargetLine: Sendable {
        var id: String
        var title: String
        var level: Int
        var required: Bool
        /// The reported score (one decimal) and the threshold, 0–100; no score when nothing in
        /// scope was assessed.
        var score: Double?
        var minScore: Double
        var scoreText: String
        var minScoreText: String
        var ready: Bool
        var verdictKind: Verdict
        var verdict: String
        var blockers: [String]
        /// What makes the level ready, for one that is not.
        var steps: [String]
        /// "98 / 116" applicable requirements assessed.
        var assessedText: String
        var openText: String
        /// Score and threshold in words, for charts.
        var chartLabel: String
    }

    /// One open finding with everything needed to close it.
    struct Finding: Sendable {
        var id: String
        var title: String
        var severity: Severity
        var severityText: String
        /// The severity of this one finding ("critical", not "Critical" as a heading).
        var severityTag: String
        var sectionID: String
        var topSectionID: String
        /// The title of the target whose scope first needs the requirement.
        var neededFor: String
        var declared: String
        var status: String
        /// Reasons in words, as the evaluation gives them (without `unanswered`, which the
        /// status already says).
        var reasons: [String]
        /// Why the requirement is open, in words: what was declared when that alone explains
        /// it, then every reason.
        var why: [String]
        var action: String?
        var cost: Cost
        var costText: String
        var citations: [String]
        var deadline: String?
        var notes: [String]
    }

    /// The findings of one severity within a cost tier.
    struct SeverityGroup: Sendable {
        var severity: Severity
        var title: String
        var findings: [Finding]
    }

    /// The action plan's findings whose action costs the same.
    struct CostTier: Sendable {
        var cost: Cost
        var title: String
        var groups: [SeverityGroup]
    }

    /// One document of the application dossier, with every requirement that asks for it.
    struct DocumentLine: Sendable {
        var title: String
        var requirements: [(id: String, title: String)]
        var state: EvidenceState
        var stateText: String
        var file: String?
        var date: String?
        var validity: String?
        /// The last day the document is valid (its date plus its period of validity).
        var expires: String?
    }

    /// One top-level section and its compliance.
    struct SectionLine: Sendable {
        var id: String
        var title: String
        var applicable: Int
        var compliant: Int
        /// Compliant ÷ applicable in percent; nil when nothing applies.
        var percent: Double?
        var percentText: String?
        var fractionText: String
        var openText: String
    }

    /// Whether a rubric of the official visit report conforms.
    enum Conformity: Sendable {
        case yes
        case no
        /// Nothing in the rubric applies to this cooperative.
        case notApplicable
        /// No open finding, but something in the rubric is not assessed.
        case notAssessed
    }

    /// A requirement listed apart: not assessed, or declared not applicable.
    struct RequirementLine: Sendable {
        var id: String
        var title: String
        var severityTag: String
        var neededFor: String
        var topSectionID: String
    }

    /// One rubric (top-level section) of the official visit report.
    struct Rubric: Sendable {
        var number: Int
        var id: String
        var title: String
        var conformity: Conformity
        var conformityText: String
        var findings: [Finding]
    }

    var language: Language
    var say: Localizer
    /// Whether the report follows the official visit report.
    var audit: Bool
    /// Whether the assessment is an inspector's (else a self-assessment, even under `audit`).
    var inspection: Bool
    var title: String
    var header: Header
    var headline: String
    var ready: Bool
    var targets: [TargetLine]
    /// Every open finding in the contract's order.
    var findings: [Finding]
    /// The few findings to start with, and how many the plan holds besides them.
    var nextSteps: [Finding]
    var nextStepsLeft: Int
    /// Applicable requirements without an answer, and those declared not applicable (1.1).
    var unassessed: [RequirementLine]
    var exempted: [RequirementLine]
    var plan: [CostTier]
    var planSummary: String
    var documents: [DocumentLine]
    var documentSummary: String
    var sections: [SectionLine]
    var rubrics: [Rubric]
    var warnings: [String]

    /// How many findings the next steps show.
    static let nextStepCount = 5

    /// Builds the content of the report of `evaluation` in `language`.
    /// - Parameter audit: follow the official visit report (also when the assessment is an inspection).
    init(_ evaluation: Evaluation, language: Language, audit: Bool) {
        let say = Localizer(language)
        let checklist = evaluation.checklist
        let assessment = evaluation.assessment
        let lang = language.rawValue
        func text(_ localized: LocalizedText) -> String { Self.inline(checklist.text(localized, in: lang)) }

        self.language = language
        self.say = say
        self.audit = audit || assessment.kind == .inspection
        self.inspection = assessment.kind == .inspection
        // A self-assessment in the visit report's layout never passes for an ONSSA visit.
        self.title = inspection ? say(.visitReport) : self.audit ? say(.selfAssessmentAudit) : say(.gapReport)

        let cooperative = assessment.cooperative
        header = Header(
            cooperativeName: Self.inline(cooperative.name), cooperativeID: cooperative.id,
            region: Self.inline(cooperative.region), province: Self.inline(cooperative.province),
            commune: cooperative.commune.map(Self.inline), members: cooperative.members,
            products: cooperative.products.map { Self.inline(checklist.title(ofTerm: $0, kind: .product, in: lang)) },
            activities: cooperative.activities.map { Self.inline(checklist.title(ofTerm: $0, kind: .activity, in: lang)) },
            date: assessment.date.description, kind: say.kind(assessment.kind),
            assessor: assessment.assessors.isEmpty ? nil : say.list(assessment.assessors.map { say.assessor(name: Self.inline($0.name), role: $0.role) }),
            assessorName: assessment.assessors.isEmpty ? nil : say.list(assessment.assessors.map { Self.inline($0.name) }),
            assessorRole: assessment.assessors.first.map { say.role($0.role) },
            assessors: assessment.assessors.map { (Self.inline($0.name), say.role($0.role)) },
            assessorIsInspector: assessment.assessors.contains { $0.role == .inspector },
            visit: Self.visitFacts(assessment.visit, say: say),
            samples: (assessment.visit?.samples ?? []).map { sample in
                SampleLine(id: Self.inline(sample.id),
                           product: sample.product.map { Self.inline(checklist.title(ofTerm: $0, kind: .product, in: lang)) },
                           analysis: sample.analysis.map(Self.inline), laboratory: sample.laboratory.map(Self.inline))
            },
            checklistTitle: text(checklist.title), checklistID: checklist.id, checklistVersion: checklist.version,
            checklistSHA256: checklist.sha256, file: assessment.path)

        let required = evaluation.requiredTarget
        let highestReady = evaluation.targets.last { $0.verdict == .ready }
        headline = say.headline(required: required, requiredTitle: text(required.target.title),
                                highestReady: highestReady.map { ($0, text($0.target.title)) })
        ready = required.verdict == .ready
        let openResults = evaluation.findings
        targets = evaluation.targets.map { result in
            let scope = checklist.scope(of: result.target.id)
            let inScope = openResults.filter { scope.contains($0.requirement.target) }
            return TargetLine(
                id: result.target.id, title: text(result.target.title), level: result.target.level,
                required: result.required, score: result.displayedScore, minScore: result.target.minScore,
                scoreText: say.score(result.displayedScore), minScoreText: say.percent(result.target.minScore),
                ready: result.verdict == .ready, verdictKind: result.verdict, verdict: say.verdict(result.verdict),
                blockers: result.blockers.map(say.blocker),
                steps: say.stepsToReady(result, openCriticals: inScope.filter { $0.requirement.severity == .critical }.map(\.requirement.id),
                                        openMajors: inScope.filter { $0.requirement.severity == .major }.map(\.requirement.id)),
                assessedText: say.fraction(result.assessed, of: result.applicable),
                openText: say.openCounts(result.open),
                chartLabel: say.scoreAgainst(result.displayedScore, minimum: result.target.minScore))
        }

        // The finding, worded once for every part of every report.
        let targetTitles = Dictionary(checklist.targets.map { ($0.id, text($0.title)) }, uniquingKeysWith: { first, _ in first })
        let findings = openResults.map { result -> Finding in
            let requirement = result.requirement
            let reasons = result.reasons.map { Self.inline(say.reason($0, in: requirement, checklist: checklist)) }
            var why: [String] = []
            if let declared = result.declared, declared == .no || declared == .partial {
                // An inspector's answer is what they found, not a declaration.
                why.append(assessment.kind == .inspection ? say.foundOpen(declared) : say.declaredOpen(declared))
            }
            why += reasons
            let cost = requirement.action?.cost ?? .low
            return Finding(
                id: requirement.id, title: text(requirement.title), severity: requirement.severity,
                severityText: say.severity(requirement.severity), severityTag: say.severityTag(requirement.severity), sectionID: result.section, topSectionID: result.topSection,
                neededFor: targetTitles[requirement.target] ?? requirement.target,
                declared: say.declared(result.declared), status: say.status(result.status),
                reasons: reasons, why: why,
                action: requirement.action.map { text($0.text) }, cost: cost, costText: say.cost(cost),
                citations: Self.citations(requirement.cites, checklist: checklist, say: say, text: text),
                deadline: result.answer?.deadline?.description,
                notes: (result.answer?.notes ?? []).map(Self.inline).filter { !$0.isEmpty })
        }
        self.findings = findings

        // Next steps: what blocks the required target first, then the most serious, then the
        // cheapest, then the contract's order.
        let requiredScope = checklist.scope(of: required.target.id)
        let blocksRequired = openResults.map { requiredScope.contains($0.requirement.target) }
        let priority = findings.enumerated().sorted { a, b in
            let aIn = blocksRequired[a.offset], bIn = blocksRequired[b.offset]
            if aIn != bIn { return aIn }
            if a.element.severity != b.element.severity { return a.element.severity < b.element.severity }
            if a.element.cost != b.element.cost { return a.element.cost < b.element.cost }
            return a.offset < b.offset
        }.map(\.element)
        nextSteps = Array(priority.prefix(Self.nextStepCount))
        func line(_ result: RequirementResult) -> RequirementLine {
            RequirementLine(id: result.requirement.id, title: text(result.requirement.title), severityTag: say.severityTag(result.requirement.severity),
                            neededFor: targetTitles[result.requirement.target] ?? result.requirement.target, topSectionID: result.topSection)
        }
        unassessed = evaluation.unassessed.map(line)
        exempted = evaluation.exempted.map(line)
        nextStepsLeft = max(0, findings.count - Self.nextStepCount)

        plan = Cost.allCases.compactMap { cost in
            let inTier = findings.filter { $0.cost == cost }
            guard !inTier.isEmpty else { return nil }
            let groups = Severity.allCases.compactMap { severity -> SeverityGroup? in
                let group = inTier.filter { $0.severity == severity }
                return group.isEmpty ? nil : SeverityGroup(severity: severity, title: say.severity(severity), findings: group)
            }
            return CostTier(cost: cost, title: say.tier(cost), groups: groups)
        }
        planSummary = say.planSummary(total: findings.count, byCost: Dictionary(grouping: findings, by: \.cost).mapValues(\.count))

        // One line per document: the same document (title, file, date, state) asked for by
        // several requirements is listed once, with all of them.
        var documentLines: [DocumentLine] = []
        var lineOfDocument: [String: Int] = [:]
        for document in evaluation.documents {
            let title = text(document.evidence.title)
            let file = document.record.map { Self.inline($0.document) }.flatMap { $0.isEmpty ? nil : $0 }
            let day = document.record?.date
            let validity = document.evidence.maxAgeDays.map { say.validity(days: $0) }
            let key = [title, file ?? "", day?.description ?? "", document.state.rawValue, validity ?? ""].joined(separator: "\u{1F}")
            let requirement = (id: document.requirement.id, title: text(document.requirement.title))
            if let line = lineOfDocument[key] {
                documentLines[line].requirements.append(requirement)
                continue
            }
            lineOfDocument[key] = documentLines.count
            documentLines.append(DocumentLine(
                title: title, requirements: [requirement], state: document.state, stateText: say.documentState(document.state),
                file: file, date: day?.description, validity: validity,
                expires: day.flatMap { day in document.evidence.maxAgeDays.map { day.adding(days: $0).description } }))
        }
        self.documents = documentLines
        documentSummary = say.documentSummary(Dictionary(grouping: documentLines, by: \.state).mapValues(\.count))

        let compliance = evaluation.sectionCompliance
        sections = compliance.map { section in
            let percent = section.share.map { ($0 * 1000).rounded(.toNearestOrAwayFromZero) / 10 }
            return SectionLine(
                id: section.section.id, title: text(section.section.title), applicable: section.applicable,
                compliant: section.compliant, percent: percent, percentText: percent.map(say.percent),
                fractionText: say.fraction(section.compliant, of: section.assessed), openText: say.openCounts(section.open))
        }
        // The visit report's rubrics hold every open finding; a rubric without one but with
        // requirements left blank is "not assessed", never "conform".
        rubrics = compliance.enumerated().map { index, section in
            let open = findings.filter { $0.topSectionID == section.section.id }
            let conformity: Conformity = section.applicable == 0 ? .notApplicable : !open.isEmpty ? .no
                : section.assessed < section.applicable ? .notAssessed : .yes
            let conformityText = switch conformity {
            case .yes: say(.conformYes)
            case .no: say(.conformNo)
            case .notApplicable: say(.conformNotApplicable)
            case .notAssessed: say(.conformNotAssessed)
            }
            return Rubric(number: index + 1, id: section.section.id, title: text(section.section.title),
                          conformity: conformity, conformityText: conformityText, findings: open)
        }
        warnings = evaluation.warnings.map { Self.inline(say.warning($0)) }
    }

    /// The citations of a requirement, one per source (in the order first cited) with all the
    /// articles cited from it: "Décret n° 2-10-473, art. 32, art. 33".
    static func citations(_ cites: [Cite], checklist: Checklist, say: Localizer, text: (LocalizedText) -> String) -> [String] {
        var sources: [String] = []
        var articles: [String: [String]] = [:]
        for cite in cites {
            if articles[cite.source] == nil { sources.append(cite.source) }
            if !cite.at.isEmpty { articles[cite.source, default: []].append(inline(text(cite.at))) }
        }
        return sources.map { id in
            let title = checklist.source(id).map { text($0.title) } ?? id
            let at = articles[id] ?? []
            return say.citation(source: title, at: at.isEmpty ? nil : say.list(at))
        }
    }

    /// The visit's data as labelled facts, in the order of the official visit report; the
    /// samples, a table of their own, are not among them.
    static func visitFacts(_ visit: Visit?, say: Localizer) -> [(label: String, value: String)] {
        guard let visit else { return [] }
        var facts: [(label: String, value: String)] = []
        if let number = visit.number { facts.append((say(.visitNumber), inline(number))) }
        if let service = visit.service { facts.append((say(.service), inline(service))) }
        if let purpose = visit.purpose { facts.append((say(.visitPurpose), say.purpose(purpose))) }
        if visit.start != nil || visit.end != nil {
            facts.append((say(.visitTime), "\(visit.start ?? "…")–\(visit.end ?? "…")"))
        }
        if let place = visit.place { facts.append((say(.visitPlace), inline(place))) }
        if !visit.met.isEmpty {
            facts.append((say(.personsMet), say.list(visit.met.map { person in
                person.function.map { "\(inline(person.name)) (\(inline($0)))" } ?? inline(person.name)
            })))
        }
        return facts
    }

    /// Text from a file as one line: runs of white space (line breaks and Unicode spaces
    /// included) become one space, and the ends are trimmed.
    static func inline(_ text: String) -> String {
        // Scalars, not characters: grapheme breaking would cost more than the whole report.
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII ? (scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar.value == 0x0B || scalar.value == 0x0C)
                : scalar.properties.isWhitespace
        }
        // Most texts are clean already: no white space but single spaces between words.
        var clean = true, afterSpace = true
        for scalar in text.unicodeScalars {
            let space = isSpace(scalar)
            if space && (scalar != " " || afterSpace) { clean = false; break }
            afterSpace = space
        }
        if clean && !afterSpace { return text }
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isSpace(scalar) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return String(out)
    }
}
