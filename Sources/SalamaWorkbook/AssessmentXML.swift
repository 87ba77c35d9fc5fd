public import SalamaModel

/// Writes an assessment value back as assessment XML, through the same writer as the blank
/// workbook and the CSV importer (one element per line), for programs that edit assessments
/// (the workshop server).
public enum AssessmentXML {
    /// The XML of `assessment`. Answers, evidence records, measurements and notes keep their
    /// order; a measurement's value is written as an `xs:decimal`.
    public static func write(_ assessment: Assessment) -> String {
        write(assessment, replacing: [])
    }

    /// The XML of `assessment` with the answers to some requirements replaced by new content
    /// (an answer not yet in the file is added at the end). A replaced answer has one evidence
    /// record and one measurement slot per item its requirement names, in the requirement's
    /// order, keeping the document names already given.
    public static func write(_ assessment: Assessment, replacing edits: [(requirement: Requirement, content: AnswerContent)]) -> String {
        let cooperative = assessment.cooperative
        var answers = assessment.answers.map { answer in
            AssessmentDraft.Answer(
                ref: answer.ref, status: answer.status, deadline: answer.deadline,
                evidence: answer.evidence.map { AssessmentDraft.Evidence(ref: $0.ref, date: $0.date, document: $0.document) },
                measurements: answer.measurements.map { AssessmentDraft.Measurement(ref: $0.ref, value: $0.value.map(decimal)) },
                notes: answer.notes)
        }
        for (requirement, content) in edits {
            let position = answers.firstIndex { $0.ref == requirement.id }
            let documents = position.map { answers[$0].evidence } ?? []
            let answer = AssessmentDraft.Answer(
                ref: requirement.id, status: content.status, deadline: content.deadline,
                evidence: requirement.evidence.map { spec in
                    AssessmentDraft.Evidence(ref: spec.id, date: content.evidenceDates[spec.id],
                                             document: documents.first { $0.ref == spec.id }?.document ?? "")
                },
                measurements: requirement.measures.map { AssessmentDraft.Measurement(ref: $0.id, value: content.measurements[$0.id].map(decimal)) },
                notes: content.note.isEmpty ? [] : [content.note])
            if let position { answers[position] = answer } else { answers.append(answer) }
        }
        let draft = AssessmentDraft(
            checklist: assessment.checklistID, checklistVersion: assessment.checklistVersion,
            date: assessment.date, kind: assessment.kind,
            cooperativeID: cooperative.id, cooperativeName: cooperative.name, region: cooperative.region,
            province: cooperative.province, commune: cooperative.commune, members: cooperative.members,
            products: cooperative.products, activities: cooperative.activities,
            assessor: assessment.assessors.first.map { AssessmentDraft.Assessor(name: $0.name, role: $0.role) },
            moreAssessors: assessment.assessors.dropFirst().map { AssessmentDraft.Assessor(name: $0.name, role: $0.role) },
            visit: assessment.visit,
            answers: answers)
        return AssessmentXMLWriter().write(draft).text
    }

    /// `value` as an `xs:decimal` (no exponent): the shortest text that reads back as the same
    /// number, with any exponent written out as digits.
    public static func decimal(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let shortest = value.description
        guard let exponentIndex = shortest.firstIndex(where: { $0 == "e" || $0 == "E" }),
              let exponent = Int(shortest[shortest.index(after: exponentIndex)...]) else {
            return shortest.hasSuffix(".0") ? String(shortest.dropLast(2)) : shortest
        }
        var mantissa = String(shortest[..<exponentIndex])
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa.removeFirst() }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let whole = String(parts[0])
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        var digits = whole + fraction
        // Position of the decimal point within `digits`.
        var point = whole.count + exponent
        if point <= 0 {
            digits = String(repeating: "0", count: 1 - point) + digits
            point = 1
        } else if point > digits.count {
            digits += String(repeating: "0", count: point - digits.count)
        }
        var integerPart = String(digits.prefix(point))
        var fractionPart = String(digits.dropFirst(point))
        while fractionPart.hasSuffix("0") { fractionPart.removeLast() }
        while integerPart.count > 1 && integerPart.hasPrefix("0") { integerPart.removeFirst() }
        let text = fractionPart.isEmpty ? integerPart : integerPart + "." + fractionPart
        return negative ? "-" + text : text
    }
}

/// What a form edits in one answer: the status, the deadline, the evidence dates, the measured
/// values and the note. Two contents are equal when a reader of the file would see the same.
public struct AnswerContent: Sendable, Hashable {
    public var status: AnswerStatus?
    public var deadline: Day?
    /// Evidence date by evidence id (only the dated ones).
    public var evidenceDates: [String: Day]
    /// Measured value by measure id (only the given ones).
    public var measurements: [String: Double]
    /// The note (for an inspection, the corrective measure); empty when none.
    public var note: String

    public init(status: AnswerStatus? = nil, deadline: Day? = nil, evidenceDates: [String: Day] = [:],
                measurements: [String: Double] = [:], note: String = "") {
        self.status = status
        self.deadline = deadline
        self.evidenceDates = evidenceDates
        self.measurements = measurements
        self.note = note
    }

    /// The content of an answer as loaded (nil: no answer at all).
    public init(_ answer: Answer?) {
        self.init()
        guard let answer else { return }
        status = answer.status
        deadline = answer.deadline
        for record in answer.evidence { if let date = record.date { evidenceDates[record.ref] = date } }
        for measurement in answer.measurements { if let value = measurement.value { measurements[measurement.ref] = value } }
        note = answer.notes.joined(separator: "\n")
    }
}
