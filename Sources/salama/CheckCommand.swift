import ArgumentParser
import SalamaEvaluation
import SalamaModel
import SalamaReports
import SalamaXML

enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown, html

    var reporter: any Reporter {
        switch self {
        case .text: TextReporter()
        case .json: JSONReporter()
        case .markdown: MarkdownReporter()
        case .html: HTMLReporter()
        }
    }
}

extension Language: ExpressibleByArgument {}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Evaluate assessments against their checklist and report the gaps toward each certification level.",
        discussion: "Exit codes: 0 evaluated; 1 an input is invalid (the others are still evaluated); 2 --fail-under names a target that is not ready; 64 usage error."
    )

    @Argument(help: ArgumentHelp("Assessment files.", valueName: "assessment"))
    var assessments: [String]

    @OptionGroup var checklists: ChecklistOptions

    @Option(help: "Report format.")
    var format: CheckFormat = .text

    @Option(help: ArgumentHelp(Salama.languageHelp, valueName: "fr|ar|en"))
    var lang: Language?

    @Option(help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(help: "Follow the official visit report (rubrics, conformity, corrective measures, deadlines, signatures) in markdown and html reports; inspections always do.")
    var audit = false

    @Option(name: .customLong("fail-under"), help: ArgumentHelp("Exit with 2 when this target is not ready for some assessment.", valueName: "target"))
    var failUnder: String?

    func validate() throws {
        try checklists.validate(in: Console.usageLanguage(lang))
    }

    func run() throws {
        Console.chosenLanguage = lang
        try Console.refuseOutput(output, overwriting: assessments + checklists.inputFiles)
        let run = checklists.checkRun()
        let outcomes = assessments.map(run.check)
        Console.use(outcomes.lazy.compactMap(\.evaluation).first?.checklist ?? checklists.givenChecklist(in: run.catalog))
        outcomes.forEach { Console.print($0.diagnostics) }
        let evaluations = outcomes.compactMap(\.evaluation)

        if let failUnder, let unknown = evaluations.first(where: { $0.checklist.target(failUnder) == nil }) {
            Console.error(.failUnderUnknownTarget(target: failUnder, checklist: unknown.checklist.id, targets: unknown.checklist.targets.map(\.id)))
            throw Exit.usage
        }
        if !evaluations.isEmpty {
            // A checklist found by id in --checklists is an input too, known only now.
            try Console.refuseOutput(output, overwriting: evaluations.map(\.checklist.path))
            let options = ReportOptions(language: lang, color: output == nil && format == .text && Console.colorOnStandardOutput, audit: audit)
            try Console.write(format.reporter.report(evaluations, options: options), to: output)
        }
        if evaluations.count < outcomes.count { throw Exit.invalidInput }
        if let failUnder, evaluations.contains(where: { $0.targets.first { $0.target.id == failUnder }?.verdict != .ready }) {
            throw Exit.notReady
        }
    }
}
