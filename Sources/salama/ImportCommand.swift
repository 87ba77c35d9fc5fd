import ArgumentParser
import SalamaWorkbook

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn a filled CSV workbook (from `salama template --format csv`) back into an assessment XML file.",
        discussion: "Bad cells are reported as FILE:ROW:COLUMN (the spreadsheet's row and column). Exit codes: 0 written; 1 the workbook is invalid or unreadable, or the output cannot be written; 64 usage error."
    )

    @Argument(help: ArgumentHelp("The filled workbook.", valueName: "file.csv"))
    var file: String

    @Option(help: ArgumentHelp("Write the assessment XML to this file instead of standard output.", valueName: "file.xml"))
    var output: String?

    func run() throws {
        try Console.refuseOutput(output, overwriting: [file])
        let imported: ImportedWorkbook
        do {
            imported = try WorkbookImporter.load(path: file)
        } catch {
            Console.print(error.diagnostics)
            throw Exit.invalidInput
        }
        Console.print(imported.assessment.warnings)
        try Console.write(imported.xml, to: output)
    }
}
