public import SalamaModel
import SalamaReports
import Foundation
public import SalamaXML

/// A key of the CSV workbook's metadata block. The raw value is the machine key, which import
/// accepts as well as the labels of every language.
public enum WorkbookField: String, Sendable, CaseIterable {
    case checklist
    case checklistVersion = "checklist-version"
    case date
    case kind
    case cooperativeID = "cooperative-id"
    case cooperativeName = "cooperative-name"
    case region
    case province
    case commune
    case members
    case products
    case activities
    case assessorName = "assessor-name"
    case assessorRole = "assessor-role"

    /// The label written in column A of the workbook.
    public func label(_ language: Language) -> String {
        switch self {
        case .checklist: pick(language, "référentiel", "المرجع", "checklist")
        case .checklistVersion: pick(language, "version du référentiel", "إصدار المرجع", "checklist version")
        case .date: pick(language, "date", "التاريخ", "date")
        case .kind: pick(language, "type", "النوع", "kind")
        case .cooperativeID: pick(language, "identifiant de la coopérative", "معرف التعاونية", "cooperative id")
        case .cooperativeName: pick(language, "nom de la coopérative", "اسم التعاونية", "cooperative name")
        case .region: pick(language, "région", "الجهة", "region")
        case .province: pick(language, "province", "الإقليم", "province")
        case .commune: pick(language, "commune", "الجماعة", "commune")
        case .members: pick(language, "nombre de membres", "عدد الأعضاء", "members")
        case .products: pick(language, "produits", "المنتجات", "products")
        case .activities: pick(language, "activités", "الأنشطة", "activities")
        case .assessorName: pick(language, "nom de l'évaluateur", "اسم المقيم", "assessor name")
        case .assessorRole: pick(language, "rôle de l'évaluateur", "صفة المقيم", "assessor role")
        }
    }

    /// Other names import accepts for the key.
    var aliases: [String] {
        switch self {
        case .checklist: ["grille", "checklist id"]
        case .cooperativeName: ["coopérative", "cooperative", "التعاونية"]
        case .members: ["membres", "adhérents", "الأعضاء"]
        case .kind: ["type d'évaluation"]
        default: []
        }
    }

    /// What to write, shown in parentheses after the label (import ignores it).
    public func hint(_ language: Language) -> String? {
        switch self {
        case .date: WorkbookWords.dateHint(language)
        case .kind: AssessmentKind.allCases.map { WorkbookWords.kind($0, language) }.joined(separator: " / ")
        case .assessorRole: AssessorRole.allCases.map { WorkbookWords.role($0, language) }.joined(separator: " / ")
        default: nil
        }
    }
}

/// A column of the CSV workbook's answer table, in the order the template writes them.
public enum WorkbookColumn: String, Sendable, CaseIterable {
    case reference
    case section
    case title
    /// The certification level the requirement is needed for (its target's title).
    case level
    case severity
    case status
    case deadline
    case evidence
    case measurements
    case note
    case guidance

    /// The columns the template writes for the member to read, never to fill: import accepts
    /// them under any of their names and ignores what they hold.
    public static let readOnly: Set<WorkbookColumn> = [.section, .title, .level, .severity, .guidance]

    /// The header written for the column.
    public func label(_ language: Language) -> String {
        switch self {
        case .reference: pick(language, "référence", "رمز المتطلب", "reference")
        case .section: pick(language, "rubrique", "القسم", "section")
        case .title: pick(language, "exigence", "المتطلب", "title")
        case .level: pick(language, "niveau", "المستوى", "level")
        case .severity: pick(language, "gravité", "الخطورة", "severity")
        case .status: pick(language, "réponse", "الجواب", "status")
        case .deadline: pick(language, "échéance", "الأجل", "deadline")
        case .evidence: pick(language, "preuves", "الوثائق", "evidence")
        case .measurements: pick(language, "mesures", "القياسات", "measurements")
        case .note: pick(language, "remarque", "ملاحظة", "note")
        case .guidance: pick(language, "conseil", "إرشاد", "guidance")
        }
    }

    /// Other names import accepts for the column.
    var aliases: [String] {
        switch self {
        case .reference: ["ref", "réf", "id", "exigence id", "requirement"]
        case .section: ["section"]
        case .title: ["titre", "intitulé", "العنوان"]
        case .level: ["niveau exigé", "exigé pour", "needed for", "target", "مطلوب لـ"]
        case .severity: ["sévérité", "criticité"]
        case .status: ["statut", "état", "الحالة"]
        case .deadline: ["date limite", "délai"]
        case .evidence: ["preuve", "documents", "pièces", "الوثيقة"]
        case .measurements: ["mesure", "measurement", "measures", "القياس"]
        case .note: ["notes", "remarques", "commentaire", "comment", "ملاحظات"]
        case .guidance: ["conseils", "guide", "إرشادات"]
        }
    }

    /// What to write, shown in parentheses after the header (import ignores it).
    public func hint(_ language: Language) -> String? {
        switch self {
        case .status: AnswerStatus.allCases.map { WorkbookWords.status($0, language) }.joined(separator: " / ")
        case .deadline: WorkbookWords.dateHint(language)
        case .evidence: pick(language, "id: AAAA-MM-JJ document", "id: YYYY-MM-DD الوثيقة", "id: YYYY-MM-DD document")
        case .measurements: pick(language, "id: valeur", "id: القيمة", "id: value")
        default: nil
        }
    }
}

/// The values a workbook writes in words, and every spelling import accepts for them.
public enum WorkbookWords {
    public static func status(_ status: AnswerStatus, _ language: Language) -> String {
        switch status {
        case .yes: pick(language, "oui", "نعم", "yes")
        case .partial: pick(language, "partiel", "جزئي", "partial")
        case .no: pick(language, "non", "لا", "no")
        case .na: pick(language, "sans objet", "غير معني", "na")
        }
    }

    public static func kind(_ kind: AssessmentKind, _ language: Language) -> String {
        switch kind {
        case .selfAssessment: pick(language, "auto-évaluation", "تقييم ذاتي", "self-assessment")
        case .inspection: pick(language, "inspection", "تفتيش", "inspection")
        }
    }

    public static func role(_ role: AssessorRole, _ language: Language) -> String {
        switch role {
        case .member: pick(language, "membre", "عضو", "member")
        case .inspector: pick(language, "inspecteur", "مفتش", "inspector")
        case .trainer: pick(language, "formateur", "مكون", "trainer")
        }
    }

    /// "valid for N days", said of a document.
    public static func maxAge(_ days: Int, _ language: Language) -> String {
        Localizer(language)(.validFor(count: days))
    }

    static func dateHint(_ language: Language) -> String {
        pick(language, "AAAA-MM-JJ", "YYYY-MM-DD", "YYYY-MM-DD")
    }

    /// The status a cell names, in any language, or nil.
    static func status(named text: String) -> AnswerStatus? {
        lookup(text, in: statusNames)
    }

    static func kind(named text: String) -> AssessmentKind? {
        lookup(text, in: kindNames)
    }

    static func role(named text: String) -> AssessorRole? {
        lookup(text, in: roleNames)
    }

    /// The French and Arabic words import accepts (the English ones are the contract's), for messages.
    static func statusSpellings() -> String {
        [Language.fr, .ar].map { language in
            AnswerStatus.allCases.map { status($0, language) }.joined(separator: ", ")
        }.joined(separator: "; ")
    }

    private static let statusNames: [String: AnswerStatus] = names(AnswerStatus.allCases, word: status, machine: \.rawValue,
                                                                   extra: [("partielle", .partial), ("n/a", .na), ("not applicable", .na)])
    private static let kindNames: [String: AssessmentKind] = names(AssessmentKind.allCases, word: kind, machine: \.rawValue,
                                                                   extra: [("autoévaluation", .selfAssessment)])
    private static let roleNames: [String: AssessorRole] = names(AssessorRole.allCases, word: role, machine: \.rawValue, extra: [])

    private static func names<Value>(_ values: [Value], word: (Value, Language) -> String, machine: (Value) -> String,
                                     extra: [(String, Value)]) -> [String: Value] {
        var names: [String: Value] = [:]
        for value in values {
            names[WorkbookLabel.normalized(machine(value))] = value
            for language in Language.allCases { names[WorkbookLabel.normalized(word(value, language))] = value }
        }
        for (text, value) in extra { names[WorkbookLabel.normalized(text)] = value }
        return names
    }

    private static func lookup<Value>(_ text: String, in names: [String: Value]) -> Value? {
        names[WorkbookLabel.normalized(text, keepingParentheses: true)]
    }
}

/// Matching of the labels and words people type in a spreadsheet.
enum WorkbookLabel {
    /// `text` folded for comparison: a hint in parentheses cut off (unless kept), accents and
    /// Arabic short vowels removed, lower case, dashes and underscores as spaces, whitespace
    /// collapsed.
    static func normalized(_ text: String, keepingParentheses: Bool = false) -> String {
        var text = text
        if !keepingParentheses, let open = text.firstIndex(of: "(") { text = String(text[..<open]) }
        var folded = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar {
            case "\u{0640}": continue // Arabic tatweel
            case _ where scalar.properties.generalCategory == .nonspacingMark: continue
            case "-", "_": folded.append(" ")
            case "\u{2019}": folded.append("'")
            default: folded.append(scalar)
            }
        }
        return String(folded).lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Every spelling of a metadata key.
    static let fields: [String: WorkbookField] = {
        var names: [String: WorkbookField] = [:]
        for field in WorkbookField.allCases {
            names[normalized(field.rawValue)] = field
            for alias in field.aliases { names[normalized(alias)] = field }
            for language in Language.allCases { names[normalized(field.label(language))] = field }
        }
        return names
    }()

    /// Every spelling of a column header.
    static let columns: [String: WorkbookColumn] = {
        var names: [String: WorkbookColumn] = [:]
        for column in WorkbookColumn.allCases {
            names[normalized(column.rawValue)] = column
            for alias in column.aliases { names[normalized(alias)] = column }
            for language in Language.allCases { names[normalized(column.label(language))] = column }
        }
        return names
    }()

    /// The header or key as written in `language`, with its hint.
    static func written(_ label: String, hint: String?) -> String {
        hint.map { "\(label) (\($0))" } ?? label
    }
}

func pick(_ language: Language, _ fr: String, _ ar: String, _ en: String) -> String {
    switch language {
    case .fr: fr
    case .ar: ar
    case .en: en
    }
}
