public import SalamaModel
import SalamaReports
public import SalamaXML

/// The products and activities a checklist declares, as `salama template --list` prints them:
/// what a trainer may type after `--products` and `--activities` (or in a workbook's cells).
public struct WorkbookVocabularyListing: Sendable {
    public let checklist: Checklist
    /// The language of the headings and of the first title; nil means the checklist's.
    public let language: Language?

    public init(checklist: Checklist, language: Language?) {
        self.checklist = checklist
        self.language = language
    }

    /// One block per kind: each id, then its titles and aliases.
    public var text: String {
        let labels = language ?? Language(checklistLanguage: checklist.language)
        let say = Localizer(labels)
        var out = ""
        for (label, terms) in [(Label.products, checklist.products), (.activities, checklist.activities)] {
            out += say.lead(say(label)) + "\n"
            if terms.isEmpty { out += "  —\n" }
            let width = terms.map(\.id.count).max() ?? 0
            for term in terms {
                // The requested language's title first, then the others in file order.
                let first = checklist.text(term.title, in: labels.rawValue)
                let names = [first] + term.title.entries.map(\.text).filter { $0 != first } + term.aliases
                out += "  \(term.id)\(String(repeating: " ", count: width - term.id.count))  \(say.list(names))\n"
            }
        }
        return out
    }
}
