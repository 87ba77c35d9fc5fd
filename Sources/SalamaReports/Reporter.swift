public import SalamaEvaluation
public import SalamaXML

/// What every report of `salama check` needs to know besides the evaluations.
public struct ReportOptions: Sendable {
    /// The language of labels and checklist texts; nil means the checklist's own language.
    public var language: Language?
    /// ANSI colours (text reports on a terminal only).
    public var color: Bool
    /// Follow the official visit report (inspection reports).
    public var audit: Bool

    public init(language: Language? = nil, color: Bool = false, audit: Bool = false) {
        self.language = language
        self.color = color
        self.audit = audit
    }

    /// The language for one evaluation: the requested one, else the checklist's.
    public func language(for evaluation: Evaluation) -> Language {
        language ?? Language(checklistLanguage: evaluation.checklist.language)
    }
}

/// A report format of `salama check`. One type per format.
public protocol Reporter: Sendable {
    /// The name of the format on the command line (`--format`).
    static var identifier: String { get }
    /// The whole report of one or more evaluations.
    func report(_ evaluations: [Evaluation], options: ReportOptions) -> String
}
