import ArgumentParser
import SalamaModel
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

    func run() throws {
        let catalog = checklists.catalog
        var allValid = true
        for path in files {
            switch FileValidation.validate(path, catalog: catalog) {
            case .valid(let summary, let warnings):
                Console.print(warnings)
                print("\(path): \(summary)")
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
            let document = try XMLParser.parse(file: path)
            switch document.root?.namespaceURI {
            case ChecklistLoader.namespace?:
                let loaded = try ChecklistLoader.load(document: document)
                let checklist = loaded.value
                return .valid(summary: "checklist \(checklist.id) \(checklist.version): \(checklist.sections.count) sections, \(checklist.requirements.count) requirements, \(checklist.targets.count) targets", warnings: loaded.warnings)
            case AssessmentLoader.namespace?:
                let loaded = try AssessmentLoader.load(document: document)
                let assessment = loaded.value
                var warnings = loaded.warnings
                do {
                    let checklist = try catalog.checklist(for: assessment.checklistID).value
                    if let mismatch = AssessmentCheck.mismatch(assessment, checklist) { return .invalid([mismatch]) }
                    warnings += AssessmentCheck.warnings(assessment, checklist).map(\.diagnostic)
                } catch {
                    warnings.append(.warning(at: assessment.location, "checklist '\(assessment.checklistID)' not available, so answers were not checked against it: \(error.errors.first?.description ?? "")"))
                }
                let answered = assessment.answers.filter { $0.status != nil }.count
                return .valid(summary: "assessment of \(assessment.cooperative.id) (\(assessment.cooperative.name)), \(assessment.kind.rawValue) of \(assessment.date), \(answered) of \(assessment.answers.count) answers given", warnings: warnings.sortedForDisplay())
            default:
                return .invalid([.error(at: document.root?.location ?? .file(path), "neither a checklist (\(ChecklistLoader.namespace)) nor an assessment (\(AssessmentLoader.namespace))")])
            }
        } catch {
            return .invalid(error.diagnostics)
        }
    }
}
