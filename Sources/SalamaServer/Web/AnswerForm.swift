import SalamaModel

/// One card of a rubric form as posted: `a[REF][status]`, `a[REF][rev]`, `a[REF][ev][ID]`,
/// `a[REF][m][ID]`, `a[REF][note]`, `a[REF][deadline]`. The page's script posts one card with
/// the same names.
struct AnswerForm: Decodable, Sendable {
    var status: String?
    var rev: String?
    var ev: [String: String]?
    var m: [String: String]?
    var note: String?
    var deadline: String?
}

struct RubricForm: Decodable, Sendable {
    var a: [String: AnswerForm]?
}

/// What is wrong with one posted card, as word keys of the page's language.
struct CardProblems: Sendable {
    var evidence: Set<String> = []
    var measures: Set<String> = []
    var deadline = false
    var isEmpty: Bool { evidence.isEmpty && measures.isEmpty && !deadline }
}

extension AnswerForm {
    /// Reads the card into the fields of an answer to `requirement`, or says which boxes are
    /// wrong. Only the items the requirement names are read; a status it does not allow is
    /// refused; blank boxes are no value.
    func change(for requirement: Requirement, allowsNotApplicable: Bool, withDeadline: Bool) -> Result<AnswerChange, CardProblemsError> {
        var fields = AnswerFields()
        var problems = CardProblems()
        switch (status ?? "").trimmed {
        case "": fields.status = nil
        case "na" where !allowsNotApplicable: return .failure(CardProblemsError(problems: problems, badStatus: true))
        case let text:
            guard let status = AnswerStatus(rawValue: text) else { return .failure(CardProblemsError(problems: problems, badStatus: true)) }
            fields.status = status
        }
        for spec in requirement.evidence {
            let text = (ev?[spec.id] ?? "").trimmed
            guard !text.isEmpty else { continue }
            if let day = Day(iso: NumberText.westernDigits(text)) { fields.evidenceDates[spec.id] = day } else { problems.evidence.insert(spec.id) }
        }
        for spec in requirement.measures {
            let text = (m?[spec.id] ?? "").trimmed
            guard !text.isEmpty else { continue }
            if let value = NumberText.decimal(text) { fields.measurements[spec.id] = value } else { problems.measures.insert(spec.id) }
        }
        fields.note = String((note ?? "").trimmed.prefix(2000))
        if withDeadline {
            let text = (deadline ?? "").trimmed
            if !text.isEmpty {
                if let day = Day(iso: NumberText.westernDigits(text)) { fields.deadline = day } else { problems.deadline = true }
            }
        }
        guard problems.isEmpty else { return .failure(CardProblemsError(problems: problems, badStatus: false)) }
        return .success(AnswerChange(ref: requirement.id, seenRevision: Int((rev ?? "").trimmed) ?? 0, fields: fields))
    }
}

struct CardProblemsError: Error {
    var problems: CardProblems
    var badStatus: Bool
}

/// Numbers as people type them on a phone: Arabic-Indic digits, a decimal comma or the Arabic
/// decimal separator.
enum NumberText {
    /// `text` with Arabic-Indic and Eastern Arabic-Indic digits made 0–9.
    static func westernDigits(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            switch scalar.value {
            case 0x0660...0x0669: Unicode.Scalar(scalar.value - 0x0660 + 0x30)!
            case 0x06F0...0x06F9: Unicode.Scalar(scalar.value - 0x06F0 + 0x30)!
            default: scalar
            }
        }))
    }

    /// The value of a decimal written `0.4`, `0,4`, `٠٫٤` or `-3`; nil for anything else
    /// (no exponent, no thousands separator).
    static func decimal(_ text: String) -> Double? {
        var normalized = westernDigits(text).replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: "\u{066B}", with: ".")
        normalized = normalized.replacingOccurrences(of: "\u{2212}", with: "-")
        var scalars = Substring(normalized).unicodeScalars[...]
        if let sign = scalars.first, sign == "+" || sign == "-" { scalars = scalars.dropFirst() }
        let digits = scalars.filter { ("0"..."9").contains($0) }.count
        let points = scalars.filter { $0 == "." }.count
        guard digits > 0, points <= 1, digits + points == scalars.count, normalized.utf8.count <= 40 else { return nil }
        return Double(normalized)
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}

import Foundation
