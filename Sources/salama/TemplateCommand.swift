import ArgumentParser
import SalamaModel
import SalamaReports
import SalamaWorkbook
import SalamaXML

extension WorkbookFormat: ExpressibleByArgument {}

/// `--kind`: the kinds of assessment, as the contract spells them.
enum KindArgument: String, ExpressibleByArgument, CaseIterable {
    case selfAssessment = "self"
    case inspection

    var kind: AssessmentKind {
        switch self {
        case .selfAssessment: .selfAssessment
        case .inspection: .inspection
        }
    }
}

struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Write a blank self-assessment for one cooperative profile: exactly the requirements that apply to it.",
        discussion: """
        The xml format is a valid assessment with the titles as comments; the csv format is a \
        spreadsheet (UTF-8 with a byte-order mark) that `salama import` turns back into XML; the \
        html format is a printable workbook (A4) for workshops, filled in by hand. \
        Exit codes: 0 written; 1 the checklist is invalid or unreadable, or the output cannot be written; 64 usage error.
        """
    )

    @OptionGroup var checklists: ChecklistOptions

    @Option(name: .customLong("checklist-id"), help: ArgumentHelp("Find the checklist with this id in the --checklists folder.", valueName: "id"))
    var checklistID: String?

    @Option(help: ArgumentHelp("The cooperative's products, separated by commas: ids, titles or aliases of the checklist's vocabulary (for example dates,honey or \"Dattes, Miel\"); --list shows them.", valueName: "p,…"))
    var products: String?

    @Option(help: ArgumentHelp("The cooperative's activities, separated by commas, as for --products.", valueName: "a,…"))
    var activities: String?

    @Flag(help: "List the checklist's products and activities (ids, titles, aliases) and stop.")
    var list = false

    @Option(help: ArgumentHelp("The cooperative's name.", valueName: "name"))
    var cooperative: String?

    @Option(name: .customLong("cooperative-id"), help: ArgumentHelp("The cooperative's id (default: \(WorkbookProfile.placeholderCooperativeID), to be replaced).", valueName: "id"))
    var cooperativeID: String?

    @Option(help: ArgumentHelp("The cooperative's region.", valueName: "region"))
    var region: String?

    @Option(help: ArgumentHelp("The cooperative's province.", valueName: "province"))
    var province: String?

    @Option(help: ArgumentHelp("The assessment's date, YYYY-MM-DD (default: today).", valueName: "date"))
    var date: String?

    @Option(help: "The kind of assessment.")
    var kind: KindArgument = .selfAssessment

    @Option(help: "The workbook's format.")
    var format: WorkbookFormat = .xml

    @Option(help: ArgumentHelp("Language of titles and labels, and of the messages: fr, ar or en (default: the checklist's; messages before the checklist is read: LC_ALL, LC_MESSAGES or LANG, else English).", valueName: "fr|ar|en"))
    var lang: Language?

    @Option(help: ArgumentHelp("Write the workbook to this file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        let language = Console.usageLanguage(lang)
        try checklists.validate(in: language)
        switch (checklists.file, checklistID) {
        case (nil, nil): throw Console.usageError(CommandMessage.templateNeedsChecklist, in: language)
        case (_?, _?): throw Console.usageError(CommandMessage.templateChecklistOptionsExclusive, in: language)
        default: break
        }
        if list { return }
        // At least one name: something besides the commas that separate names and spaces.
        guard let products, products.contains(where: { $0 != "," && !$0.isWhitespace }) else {
            throw Console.usageError(CommandMessage.templateNeedsProducts, in: language)
        }
        if let date, Day(iso: date) == nil {
            throw Console.usageError(CommandMessage.dateNotARealDay(value: date), in: language)
        }
        if let cooperativeID, !WorkbookProfile.isCooperativeID(cooperativeID) {
            throw Console.usageError(WorkbookMessage.cooperativeIDNotAnID(value: cooperativeID), in: language)
        }
    }

    func run() throws {
        Console.chosenLanguage = lang
        let checklist: Loaded<Checklist>
        do {
            checklist = try checklists.catalog.checklist(for: checklistID ?? "")
        } catch {
            Console.print(error.diagnostics)
            throw Exit.invalidInput
        }
        Console.use(checklist.value)
        try Console.refuseOutput(output, overwriting: [checklist.value.path])
        Console.print(checklist.warnings)
        if list {
            try Console.write(VisibleText.escaping(WorkbookVocabularyListing(checklist: checklist.value, language: lang).text), to: output)
            return
        }
        let template = WorkbookTemplate(checklist: checklist.value, profile: try profile(resolvedAgainst: checklist.value), language: lang)
        try Console.write(template.render(format), to: output)
    }

    /// The profile, its products and activities resolved to the checklist's ids; a name that
    /// is none of them is a usage error naming the closest id and listing the valid ones.
    func profile(resolvedAgainst checklist: Checklist) throws -> WorkbookProfile {
        var problems: [CommandMessage] = []
        // What was typed after --products or --activities: names separated by commas (a title may hold one).
        func resolve(_ text: String?, _ kind: VocabularyKind) -> [String] {
            var ids: [String] = []
            for result in checklist.resolveNames(text ?? "", kind: kind, separators: [","]) {
                switch result {
                case .success(let id): if !ids.contains(id) { ids.append(id) }
                case .failure(let error):
                    problems.append(.unknownTermOption(option: kind == .activity ? "activities" : "products", problem: error.message))
                }
            }
            return ids
        }
        let cooperative = Cooperative(
            id: cooperativeID ?? WorkbookProfile.placeholderCooperativeID, name: self.cooperative ?? "",
            region: region ?? "", province: province ?? "", products: resolve(products, .product), activities: resolve(activities, .activity))
        if !problems.isEmpty {
            problems.forEach { Console.error($0) }
            throw Exit.usage
        }
        return WorkbookProfile(cooperative: cooperative, date: date.flatMap(Day.init(iso:)) ?? WorkbookProfile.today(), kind: kind.kind)
    }
}
