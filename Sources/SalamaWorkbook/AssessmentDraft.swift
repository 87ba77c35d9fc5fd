import SalamaModel
import SalamaReports

/// An assessment about to be written: what a template holds, or what the CSV importer read.
/// Both writers (XML and CSV) render it; the XML it becomes is then checked by
/// `AssessmentLoader`, so every rule of the contract applies to it.
struct AssessmentDraft: Sendable {
    /// A part of the draft that becomes one element of the XML, to say where it came from.
    enum Part: Hashable, Sendable {
        case root
        case cooperative
        case region, province, commune, members
        case product(Int), activity(Int)
        case assessor
        case answer(Int)
        case evidence(answer: Int, Int)
        case measurement(answer: Int, Int)
        case note(answer: Int, Int)
    }

    struct Evidence: Sendable {
        var ref: String
        /// Nil for an unfilled slot (it counts as missing).
        var date: Day?
        var document: String = ""
    }

    struct Measurement: Sendable {
        var ref: String
        /// A decimal as written (`xs:decimal`); nil for an unfilled slot.
        var value: String?
    }

    struct Answer: Sendable {
        var ref: String
        /// Nil while the workbook is being filled in.
        var status: AnswerStatus?
        var deadline: Day?
        var evidence: [Evidence] = []
        var measurements: [Measurement] = []
        var notes: [String] = []
        /// Display only, for the CSV's read-only columns (never read back): the section's and
        /// the requirement's titles, the title of the level it is needed for, its severity and
        /// its guidance, in the workbook's language.
        var section = ""
        var title = ""
        var level = ""
        var severity = ""
        var guidance = ""
    }

    struct Assessor: Sendable {
        var name: String
        var role: AssessorRole
    }

    var checklist: String
    var checklistVersion: String?
    var date: Day
    var kind: AssessmentKind
    var cooperativeID: String
    var cooperativeName: String
    var region = ""
    var province = ""
    var commune: String?
    var members: Int?
    var products: [String]
    var activities: [String] = []
    /// Display only, for the CSV's cells: the products' and activities' titles in the
    /// workbook's language (never read back as titles: the importer resolves them to ids).
    var productTitles: [String]?
    var activityTitles: [String]?
    var assessor: Assessor?
    /// The assessors after the first (an assessment edited by the workshop server keeps them all).
    var moreAssessors: [Assessor] = []
    var visit: Visit?
    var answers: [Answer] = []
}

/// Writes a draft as assessment XML, one element per line, so that each line of the result
/// can be traced back to the part of the draft it holds.
struct AssessmentXMLWriter {
    /// Comments to write before the element of a part (already plain text; sanitized here).
    var comments: (AssessmentDraft.Part) -> [String] = { _ in [] }

    /// The XML text, and the part each line's element holds (1-based line numbers).
    func write(_ draft: AssessmentDraft) -> (text: String, parts: [Int: AssessmentDraft.Part]) {
        var out = Output()
        out.line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", part: nil)
        comment(.root, into: &out, indent: "")
        var rootAttributes = [("xmlns", AssessmentLoader.namespace), ("checklist", draft.checklist)]
        if let version = draft.checklistVersion { rootAttributes.append(("checklist-version", version)) }
        rootAttributes += [("date", draft.date.description), ("kind", draft.kind.rawValue)]
        out.line("<assessment\(attributes(rootAttributes))>", part: .root)

        comment(.cooperative, into: &out, indent: "  ")
        out.line("  <cooperative\(attributes([("id", draft.cooperativeID), ("name", draft.cooperativeName)]))>", part: .cooperative)
        out.line("    <region>\(MarkupEscaping.escape(draft.region))</region>", part: .region)
        out.line("    <province>\(MarkupEscaping.escape(draft.province))</province>", part: .province)
        if let commune = draft.commune { out.line("    <commune>\(MarkupEscaping.escape(commune))</commune>", part: .commune) }
        if let members = draft.members { out.line("    <members>\(members)</members>", part: .members) }
        for (index, product) in draft.products.enumerated() {
            out.line("    <product>\(MarkupEscaping.escape(product))</product>", part: .product(index))
        }
        for (index, activity) in draft.activities.enumerated() {
            out.line("    <activity>\(MarkupEscaping.escape(activity))</activity>", part: .activity(index))
        }
        out.line("  </cooperative>", part: .cooperative)
        if let assessor = draft.assessor {
            out.line("  <assessor\(attributes([("name", assessor.name), ("role", assessor.role.rawValue)]))/>", part: .assessor)
        }
        for assessor in draft.moreAssessors {
            out.line("  <assessor\(attributes([("name", assessor.name), ("role", assessor.role.rawValue)]))/>", part: nil)
        }
        if let visit = draft.visit { write(visit, into: &out) }

        for (index, answer) in draft.answers.enumerated() {
            let part = AssessmentDraft.Part.answer(index)
            comment(part, into: &out, indent: "  ")
            var answerAttributes = [("ref", answer.ref)]
            if let status = answer.status { answerAttributes.append(("status", status.rawValue)) }
            if let deadline = answer.deadline { answerAttributes.append(("deadline", deadline.description)) }
            let start = "  <answer\(attributes(answerAttributes))"
            guard !answer.evidence.isEmpty || !answer.measurements.isEmpty || !answer.notes.isEmpty else {
                out.line(start + "/>", part: part)
                continue
            }
            out.line(start + ">", part: part)
            for (position, evidence) in answer.evidence.enumerated() {
                let evidencePart = AssessmentDraft.Part.evidence(answer: index, position)
                comment(evidencePart, into: &out, indent: "    ")
                var evidenceAttributes = [("ref", evidence.ref)]
                if let date = evidence.date { evidenceAttributes.append(("date", date.description)) }
                let tag = "    <evidence\(attributes(evidenceAttributes))"
                out.line(evidence.document.isEmpty ? tag + "/>" : tag + ">\(MarkupEscaping.escape(evidence.document))</evidence>", part: evidencePart)
            }
            for (position, measurement) in answer.measurements.enumerated() {
                let measurementPart = AssessmentDraft.Part.measurement(answer: index, position)
                comment(measurementPart, into: &out, indent: "    ")
                var measurementAttributes = [("ref", measurement.ref)]
                if let value = measurement.value { measurementAttributes.append(("value", value)) }
                out.line("    <measurement\(attributes(measurementAttributes))/>", part: measurementPart)
            }
            for (position, note) in answer.notes.enumerated() {
                out.line("    <note>\(MarkupEscaping.escape(note))</note>", part: .note(answer: index, position))
            }
            out.line("  </answer>", part: part)
        }
        out.line("</assessment>", part: .root)
        return (out.text, out.parts)
    }

    /// `<visit>`: its attributes, then the service, the persons met and the samples.
    private func write(_ visit: Visit, into out: inout Output) {
        let pairs: [(String, String?)] = [("number", visit.number), ("purpose", visit.purpose?.rawValue), ("start", visit.start),
                                          ("end", visit.end), ("place", visit.place)]
        let start = "  <visit\(attributes(pairs.compactMap { name, value in value.map { (name, $0) } }))"
        guard visit.service != nil || !visit.met.isEmpty || !visit.samples.isEmpty else {
            out.line(start + "/>", part: nil)
            return
        }
        out.line(start + ">", part: nil)
        if let service = visit.service { out.line("    <service>\(MarkupEscaping.escape(service))</service>", part: nil) }
        for person in visit.met {
            let pairs: [(String, String?)] = [("name", person.name), ("function", person.function)]
            out.line("    <met\(attributes(pairs.compactMap { name, value in value.map { (name, $0) } }))/>", part: nil)
        }
        for sample in visit.samples {
            let pairs: [(String, String?)] = [("id", sample.id), ("product", sample.product), ("analysis", sample.analysis), ("laboratory", sample.laboratory)]
            out.line("    <sample\(attributes(pairs.compactMap { name, value in value.map { (name, $0) } }))/>", part: nil)
        }
        out.line("  </visit>", part: nil)
    }

    private func comment(_ part: AssessmentDraft.Part, into out: inout Output, indent: String) {
        for text in comments(part) {
            out.line("\(indent)<!-- \(MarkupEscaping.comment(text)) -->", part: nil)
        }
    }

    private func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(MarkupEscaping.escapeAttribute($0.1))\"" }.joined()
    }

    /// The text written so far and the part held by each line.
    private struct Output {
        var text = ""
        var parts: [Int: AssessmentDraft.Part] = [:]
        var nextLine = 1

        mutating func line(_ content: String, part: AssessmentDraft.Part?) {
            if let part { parts[nextLine] = part }
            text += content
            text += "\n"
            // Content may hold line feeds of its own (notes); count them so later lines stay right.
            nextLine += 1 + content.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        }
    }
}
