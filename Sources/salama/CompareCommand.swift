import ArgumentParser
import SalamaEvaluation
import SalamaReports
import SalamaXML

enum CompareFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown, html

    var reporter: any CompareReporter {
        switch self {
        case .text: CompareTextReporter()
        case .json: CompareJSONReporter()
        case .markdown: CompareMarkdownReporter()
        case .html: CompareHTMLReporter()
        }
    }
}

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two assessments of one cooperative: progress, and where a self-assessment and an inspection disagree.",
        discussion: "Exit codes: 0 compared; 1 an input is invalid or the two concern different cooperatives; 64 usage error."
    )

    @Argument(help: ArgumentHelp("The older assessment.", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("The newer assessment.", valueName: "new"))
    var new: String

    @OptionGroup var checklists: ChecklistOptions

    @Option(help: "Report format.")
    var format: CompareFormat = .text

    @Option(help: ArgumentHelp(Salama.languageHelp, valueName: "fr|ar|en"))
    var lang: Language?

    @Option(help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        try checklists.validate(in: Console.usageLanguage(lang))
    }

    func run() throws {
        Console.chosenLanguage = lang
        try Console.refuseOutput(output, overwriting: [old, new] + checklists.inputFiles)
        let run = checklists.checkRun()
        let outcomes = [old, new].map(run.check)
        Console.use(outcomes.lazy.compactMap(\.evaluation).first?.checklist ?? checklists.givenChecklist(in: run.catalog))
        outcomes.forEach { Console.print($0.diagnostics) }
        guard let older = outcomes[0].evaluation, let newer = outcomes[1].evaluation else { throw Exit.invalidInput }
        let comparison: Comparison
        do {
            comparison = try Comparison(old: older, new: newer)
        } catch {
            Console.print(error.diagnostics)
            throw Exit.invalidInput
        }
        try Console.refuseOutput(output, overwriting: [older.checklist.path, newer.checklist.path])
        let options = ReportOptions(language: lang, color: output == nil && format == .text && Console.colorOnStandardOutput)
        try Console.write(format.reporter.report(comparison, options: options), to: output)
    }
}
