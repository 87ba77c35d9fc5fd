import ArgumentParser
import SalamaEvaluation
import SalamaModel
import SalamaWorkbook
import SalamaXML

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn a filled CSV workbook (from `salama template --format csv`) back into an assessment XML file.",
        discussion: """
        Product and activity cells may hold the checklist's titles and aliases ("Dattes", "تمور"), which \
        become its ids; answers are checked against the checklist (unknown requirements, with the \
        id probably meant). Bad cells are reported as FILE:ROW:COLUMN (the spreadsheet's row and \
        column). Exit codes: 0 written; 1 the workbook is invalid or unreadable, or the output \
        cannot be written; 64 usage error.
        """
    )

    @Argument(help: ArgumentHelp("The filled workbook.", valueName: "file.csv"))
    var file: String

    @OptionGroup var checklists: ChecklistOptions

    @Option(help: ArgumentHelp("Write the assessment XML to this file instead of standard output.", valueName: "file.xml"))
    var output: String?

    @Option(help: ArgumentHelp(Salama.messageLanguageHelp, valueName: "fr|ar|en"))
    var lang: Language?

    func validate() throws {
        try checklists.validate(in: Console.usageLanguage(lang))
    }

    func run() throws {
        Console.chosenLanguage = lang
        try Console.refuseOutput(output, overwriting: [file] + checklists.inputFiles)
        let catalog = checklists.catalog
        Console.use(checklists.givenChecklist(in: catalog))
        let imported: ImportedWorkbook
        do {
            imported = try WorkbookImporter.load(path: file, checklists: catalog)
        } catch {
            Console.print(error.diagnostics)
            throw Exit.invalidInput
        }
        var diagnostics = imported.assessment.warnings
        let assessment = imported.assessment.value
        if let checklist = try? catalog.checklist(for: assessment.checklistID).value {
            Console.use(checklist)
            let errors = AssessmentCheck.errors(assessment, checklist)
            if !errors.isEmpty {
                Console.print((errors + diagnostics).sortedForDisplay())
                throw Exit.invalidInput
            }
            diagnostics += Evaluator(checklist).evaluate(assessment).warnings.map(\.diagnostic)
        } else {
            diagnostics.append(.warning(at: assessment.location, CommandMessage.checklistNotFound(checklist: assessment.checklistID)))
        }
        Console.print(diagnostics.sortedForDisplay())
        try Console.write(imported.xml, to: output)
    }
}
