import ArgumentParser
import SalamaEvaluation
import SalamaModel
import SalamaReports
import SalamaXML

enum SummaryFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown, html

    var reporter: any SummaryReporter {
        switch self {
        case .text: SummaryTextReporter()
        case .json: SummaryJSONReporter()
        case .markdown: SummaryMarkdownReporter()
        case .html: SummaryHTMLReporter()
        }
    }
}

extension SummaryGrouping: ExpressibleByArgument {}

struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Aggregate many assessments of one checklist: readiness per level, most common gaps, compliance by section.",
        discussion: "Exit codes: 0 every file valid; 1 some files were invalid (they are listed and skipped); 64 usage error."
    )

    @Argument(help: ArgumentHelp("Assessment files or folders (searched recursively for .xml and .csv files).", valueName: "path"))
    var paths: [String]

    @OptionGroup var checklists: ChecklistOptions

    @Option(help: "Report format.")
    var format: SummaryFormat = .text

    @Option(help: "Break the aggregate down by province or by product.")
    var by: SummaryGrouping?

    @Option(help: ArgumentHelp("List only the N most frequent open findings (default: 15 in text, markdown and html; all in json).", valueName: "n"))
    var top: Int?

    @Option(help: ArgumentHelp(Salama.languageHelp, valueName: "fr|ar|en"))
    var lang: Language?

    @Option(help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        let language = Console.usageLanguage(lang)
        try checklists.validate(in: language)
        if let top, top < 1 { throw Console.usageError(CommandMessage.topNotPositive, in: language) }
    }

    func run() throws {
        Console.chosenLanguage = lang
        let listing = SummaryRun.listing(under: paths)
        try Console.refuseOutput(output, overwriting: listing.files + checklists.inputFiles)
        let report: SummaryReport
        do {
            report = try checklists.summaryRun(grouping: by).run(listing)
        } catch {
            Console.print(error.diagnostics)
            throw Exit.invalidInput
        }
        Console.use(report.summary.checklist)
        for invalid in report.invalid { Console.print(invalid.diagnostics.filter(\.isError)) }
        let options = SummaryReportOptions(language: lang, top: top)
        try Console.write(to: output) { emit in format.reporter.write(report, options: options, to: emit) }
        if !report.invalid.isEmpty { throw Exit.invalidInput }
    }
}
