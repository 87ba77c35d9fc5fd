import ArgumentParser
import Foundation
import SalamaEvaluation
import SalamaModel
import SalamaWorkbook
import SalamaXML

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check checklists and assessments against the contract and print a summary of each.",
        discussion: "Exit codes: 0 all files valid; 1 a file is invalid or unreadable; 64 usage error."
    )

    @Argument(help: ArgumentHelp("Checklist or assessment files (told apart by their root element).", valueName: "file"))
    var files: [String]

    @OptionGroup var checklists: ChecklistOptions

    @Option(help: ArgumentHelp(Salama.messageLanguageHelp, valueName: "fr|ar|en"))
    var lang: Language?

    func validate() throws {
        try checklists.validate(in: Console.usageLanguage(lang))
    }

    func run() throws {
        Console.chosenLanguage = lang
        let catalog = checklists.catalog
        var allValid = true
        for path in files {
            // Each file's messages in the language of its own checklist, when it has one.
            Console.forgetChecklist()
            Console.use(checklists.givenChecklist(in: catalog))
            switch FileValidation.validate(path, catalog: catalog) {
            case .valid(let summary, let warnings):
                Console.print(warnings)
                try Console.out(VisibleText.escaping("\(path): \(summary)") + "\n")
            case .invalid(let diagnostics):
                Console.print(diagnostics)
                allValid = false
            }
        }
        if !allValid { throw Exit.invalidInput }
    }
}

/// Validation of one file of either kind.
enum FileValidation {
    enum Result {
        case valid(summary: String, warnings: [Diagnostic])
        case invalid([Diagnostic])
    }

    static func validate(_ path: String, catalog: ChecklistCatalog) -> Result {
        do {
            if AssessmentFiles.isWorkbook(path) {
                return try assessment(AssessmentFiles.load(path: path, checklists: catalog), catalog: catalog)
            }
            let document = try XMLParser.parse(file: path)
            switch document.root?.namespaceURI {
            case ChecklistLoader.namespace?:
                // Its own language, even when it proves invalid.
                Console.use(checklistLanguage: document.root?.language)
                let loaded = try ChecklistLoader.load(document: document)
                let checklist = loaded.value
                Console.use(checklist)
                return .valid(summary: "checklist \(checklist.id) \(checklist.version): \(checklist.sections.count) sections, \(checklist.requirements.count) requirements, \(checklist.targets.count) targets", warnings: loaded.warnings)
            case AssessmentLoader.namespace?:
                return assessment(try AssessmentLoader.load(document: document), catalog: catalog)
            default:
                return .invalid([.error(at: document.root?.location ?? .file(path), CommandMessage.neitherChecklistNorAssessment(
                    checklistNamespace: ChecklistLoader.namespace, assessmentNamespace: AssessmentLoader.namespace))])
            }
        } catch {
            return .invalid(error.diagnostics)
        }
    }

    /// An assessment is valid on its own; its checklist, when it can be found, adds warnings.
    private static func assessment(_ loaded: Loaded<Assessment>, catalog: ChecklistCatalog) -> Result {
        let assessment = loaded.value
        var warnings = loaded.warnings
        let described = "assessment of \(assessment.cooperative.id) (\(assessment.cooperative.name)), \(assessment.kind.rawValue) of \(assessment.date)"
        let checklistPath: String?
        do {
            checklistPath = try catalog.location(of: assessment.checklistID)
        } catch {
            return .invalid(error.diagnostics)
        }
        if let checklistPath {
            // A checklist that is there must be valid: answers cannot be checked against a broken one.
            do {
                let checklist = try catalog.load(checklistPath).value
                Console.use(checklist)
                let errors = AssessmentCheck.errors(assessment, checklist)
                if !errors.isEmpty { return .invalid((errors + warnings).sortedForDisplay()) }
                let evaluation = Evaluator(checklist).evaluate(assessment)
                warnings += evaluation.warnings.map(\.diagnostic)
                // Coverage against what applies, not against the answers present.
                let applicable = evaluation.results.filter(\.applicable)
                let answered = applicable.filter { $0.status != .unassessed }.count
                return .valid(summary: "\(described), \(answered) of \(applicable.count) applicable requirements answered", warnings: warnings.sortedForDisplay())
            } catch {
                return .invalid(error.diagnostics)
            }
        } else {
            var notFound = CommandMessage.checklistNotFound(checklist: assessment.checklistID)
            if case .directory(let folder) = catalog.source {
                var isFolder: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue
                notFound = exists ? .checklistNotFoundInFolder(checklist: assessment.checklistID, folder: folder)
                    : .checklistNotFoundNoFolder(checklist: assessment.checklistID, folder: folder)
            }
            warnings.append(.warning(at: assessment.location, notFound))
        }
        let answered = assessment.answers.filter { $0.status != nil }.count
        return .valid(summary: "\(described), \(answered) answers given (schema checked only: without the checklist, products and coverage are not checked)", warnings: warnings.sortedForDisplay())
    }
}
