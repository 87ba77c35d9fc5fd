import ArgumentParser
import Foundation
import SalamaEvaluation
import SalamaModel
import SalamaWorkbook
import SalamaXML

/// Where assessments find their checklist; shared by the commands that evaluate.
struct ChecklistOptions: ParsableArguments {
    @Option(name: .customLong("checklist"), help: ArgumentHelp("Use this checklist file for every assessment.", valueName: "file"))
    var file: String?

    @Option(name: .customLong("checklists"), help: ArgumentHelp("Find each assessment's checklist by id in this folder (default: $SALAMA_CHECKLISTS, else ./Checklists).", valueName: "dir"))
    var directory: String?

    func validate() throws {
        if file != nil && directory != nil {
            throw ValidationError("give --checklist or --checklists, not both")
        }
    }

    /// The checklist file given, as an input an --output must not replace.
    var inputFiles: [String] { file.map { [$0] } ?? [] }

    var catalog: ChecklistCatalog {
        if let file { return ChecklistCatalog(.file(file)) }
        let environment = ProcessInfo.processInfo.environment["SALAMA_CHECKLISTS"].flatMap { $0.isEmpty ? nil : $0 }
        return ChecklistCatalog(.directory(directory ?? environment ?? "Checklists"))
    }
}

extension ChecklistOptions {
    /// How every evaluating command reads assessments: XML files, and filled CSV workbooks.
    func checkRun() -> CheckRun {
        let catalog = self.catalog
        return CheckRun(catalog: catalog, loadAssessment: { path throws(InvalidInputError) in try AssessmentFiles.load(path: path, checklists: catalog) })
    }

    func summaryRun(grouping: SummaryGrouping?) -> SummaryRun {
        let catalog = self.catalog
        return SummaryRun(catalog: catalog, grouping: grouping,
                          loadAssessment: { path throws(InvalidInputError) in try AssessmentFiles.load(path: path, checklists: catalog) })
    }
}
