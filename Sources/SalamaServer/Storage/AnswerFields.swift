import SalamaModel
import SalamaWorkbook

/// The parts of one answer a form edits. Two saves conflict only when they give different
/// contents for the same answer.
typealias AnswerFields = AnswerContent

extension AnswerContent {
    /// The content for JSON answers (the page's script puts it back into the card).
    var json: [String: Any] {
        [
            "status": status?.rawValue ?? "",
            "deadline": deadline?.description ?? "",
            "evidence": evidenceDates.mapValues(\.description),
            "measurements": measurements.mapValues(AssessmentXML.decimal),
            "note": note,
        ]
    }
}

/// A change a form asks for: the new content of one answer, and the revision of that answer
/// the person was looking at.
struct AnswerChange: Sendable {
    var ref: String
    var seenRevision: Int
    var fields: AnswerFields
}

/// What became of a save.
struct SaveOutcome: Sendable {
    /// The assessment's revision after the save.
    var revision: Int
    /// Answers changed by this save, with their new revision.
    var saved: [String: Int]
    /// Answers changed by someone else since the person saw them: not saved; their latest
    /// content and revision are returned for display.
    var conflicts: [String: (revision: Int, latest: AnswerFields)]
    /// The visit was changed by someone else since the person saw it: not saved.
    var visitConflict = false
}
