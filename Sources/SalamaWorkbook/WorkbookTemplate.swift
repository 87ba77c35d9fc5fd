public import SalamaModel
import SalamaReports
import SalamaEvaluation
import Foundation
public import SalamaXML

/// The formats of a blank workbook.
public enum WorkbookFormat: String, Sendable, CaseIterable {
    /// An assessment XML file without answers, with the titles as comments.
    case xml
    /// A spreadsheet (CSV, UTF-8 with a byte-order mark) that `salama import` reads back.
    case csv
    /// A printable workbook (A4) for workshops, filled in by hand.
    case html
}

/// The cooperative a blank workbook is made for: the products and activities that decide which
/// requirements apply, and what the trainer already knows of it.
public struct WorkbookProfile: Sendable {
    /// The cooperative id written when none is given (a valid id, to be replaced).
    public static let placeholderCooperativeID = "COOP-0000"

    public var cooperative: Cooperative
    public var date: Day
    public var kind: AssessmentKind

    public init(cooperative: Cooperative, date: Day, kind: AssessmentKind = .selfAssessment) {
        self.cooperative = cooperative
        self.date = date
        self.kind = kind
    }

    /// Whether `text` is a valid cooperative id, `[A-Za-z0-9][A-Za-z0-9._-]*`.
    public static func isCooperativeID(_ text: String) -> Bool {
        WorkbookSyntax.isID(text)
    }

    /// Today's date where the program runs.
    public static func today() -> Day {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(iso: "1970-01-01")!
    }
}

/// A blank self-assessment for one cooperative profile: one answer per requirement that
/// applies to it (contract rule 1), no status, an empty slot per evidence item and measure.
public struct WorkbookTemplate: Sendable {
    public let checklist: Checklist
    public let profile: WorkbookProfile
    /// The language of titles and labels; nil means the checklist's own.
    public let language: Language?
    /// The requirements the workbook asks about, in document order, with the section holding each.
    public let requirements: [(requirement: Requirement, section: Section)]

    public init(checklist: Checklist, profile: WorkbookProfile, language: Language? = nil) {
        self.checklist = checklist
        self.profile = profile
        self.language = language
        var sections: [String: Section] = [:]
        func register(_ section: Section) {
            sections[section.id] = section
            section.subsections.forEach(register)
        }
        checklist.sections.forEach(register)
        self.requirements = Evaluator(checklist).applicableRequirements(for: profile.cooperative).compactMap { entry in
            sections[entry.section].map { (entry.requirement, $0) }
        }
    }

    /// The workbook in `format`.
    public func render(_ format: WorkbookFormat) -> String {
        switch format {
        case .xml: xml()
        case .csv: csv()
        case .html: html()
        }
    }

    /// A valid assessment XML without answers; titles, units and validity periods as comments.
    public func xml() -> String {
        let draft = self.draft()
        let labels = labelLanguage
        var lastSection: String?
        var sectionStarts: [Int: String] = [:]
        for (index, entry) in requirements.enumerated() where entry.section.id != lastSection {
            sectionStarts[index] = text(entry.section.title)
            lastSection = entry.section.id
        }
        let writer = AssessmentXMLWriter(comments: { part in
            switch part {
            case .root:
                return [introduction(labels)]
            case .answer(let index):
                let requirement = requirements[index].requirement
                let heading = sectionStarts[index].map { ["== \($0) =="] } ?? []
                return heading + ["\(requirement.id): \(text(requirement.title))"]
            case .evidence(let answer, let position):
                return [describe(requirements[answer].requirement.evidence[position], labels)]
            case .measurement(let answer, let position):
                return [describe(requirements[answer].requirement.measures[position])]
            default:
                return []
            }
        })
        return writer.write(draft).text
    }

    /// The spreadsheet: the metadata block, an empty row, then one row per requirement. UTF-8
    /// with a byte-order mark and CRLF line ends.
    public func csv() -> String {
        WorkbookCSV.write(draft(), language: labelLanguage)
    }

    /// The language of the fixed words (labels, headers): the requested one, else the
    /// checklist's when it is one of the three, else French.
    var labelLanguage: Language {
        language ?? Language(checklistLanguage: checklist.language)
    }

    func text(_ localized: LocalizedText) -> String {
        checklist.text(localized, in: language?.rawValue)
    }

    func draft() -> AssessmentDraft {
        let cooperative = profile.cooperative
        let labels = labelLanguage
        let say = Localizer(labels)
        return AssessmentDraft(
            checklist: checklist.id, checklistVersion: checklist.version, date: profile.date, kind: profile.kind,
            cooperativeID: cooperative.id, cooperativeName: cooperative.name, region: cooperative.region,
            province: cooperative.province, commune: cooperative.commune, members: cooperative.members,
            products: cooperative.products, activities: cooperative.activities,
            productTitles: cooperative.products.map { checklist.title(ofTerm: $0, kind: .product, in: labels.rawValue) },
            activityTitles: cooperative.activities.map { checklist.title(ofTerm: $0, kind: .activity, in: labels.rawValue) },
            assessor: AssessmentDraft.Assessor(name: "", role: profile.kind == .inspection ? .inspector : .member),
            answers: requirements.map { requirement, section in
                let details = requirement.evidence.map { "• \($0.id): \(describe($0, labels))" }
                    + requirement.measures.map { "• \($0.id): \(describe($0))" }
                return AssessmentDraft.Answer(
                    ref: requirement.id,
                    evidence: requirement.evidence.map { AssessmentDraft.Evidence(ref: $0.id) },
                    measurements: requirement.measures.map { AssessmentDraft.Measurement(ref: $0.id) },
                    section: text(section.title),
                    title: ([text(requirement.title)] + details).joined(separator: "\n"),
                    level: levelTitle(requirement.target),
                    severity: say.severityTag(requirement.severity),
                    guidance: text(requirement.guidance))
            })
    }

    /// The title of the certification level `id`, or its id when it has none.
    private func levelTitle(_ id: String) -> String {
        let title = checklist.target(id).map { text($0.title) } ?? ""
        return title.isEmpty ? id : title
    }

    private func describe(_ evidence: EvidenceSpec, _ labels: Language) -> String {
        let title = text(evidence.title)
        guard let days = evidence.maxAgeDays else { return title }
        return "\(title) (\(WorkbookWords.maxAge(days, labels)))"
    }

    private func describe(_ measure: MeasureSpec) -> String {
        let title = text(measure.title)
        guard let unit = measure.unit, !unit.isEmpty else { return title }
        return "\(title) (\(unit))"
    }

    private func introduction(_ labels: Language) -> String {
        Localizer(labels)(.workbookIntroduction(
            title: text(checklist.title), checklist: checklist.id, version: checklist.version,
            requirements: .applicableRequirements(count: requirements.count), statuses: AnswerStatus.allCases.map(\.rawValue).joined(separator: " | ")))
    }
}

/// The syntax of ids, tokens, dates and decimals, as the schema has it.
enum WorkbookSyntax {
    /// A day written `YYYY-MM-DD`, or `DD/MM/YYYY` as French spreadsheets write it.
    static func day(_ text: String) -> Day? {
        if let day = Day(iso: text) { return day }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 2, parts[1].count == 2, parts[2].count == 4,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        return Day(iso: "\(parts[2])-\(parts[1])-\(parts[0])")
    }

    /// `[A-Za-z0-9][A-Za-z0-9._-]*`
    static func isID(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, isAlphanumeric(first) else { return false }
        return text.unicodeScalars.allSatisfy { isAlphanumeric($0) || $0 == "." || $0 == "_" || $0 == "-" }
    }

    /// `[a-z0-9-]+`
    static func isToken(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// An `xs:decimal`: optional sign, digits with at most one point, no exponent.
    static func isDecimal(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        if let sign = scalars.first, sign == "+" || sign == "-" { scalars = scalars.dropFirst() }
        let digits = scalars.filter { ("0"..."9").contains($0) }.count
        let points = scalars.filter { $0 == "." }.count
        return digits > 0 && points <= 1 && digits + points == scalars.count
    }

    /// Exactly ten characters `NNNN-NN-NN`, whether or not the day exists.
    static func looksLikeISODate(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count == 10 else { return false }
        return scalars.enumerated().allSatisfy { index, scalar in
            index == 4 || index == 7 ? scalar == "-" : ("0"..."9").contains(scalar)
        }
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
