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

    @Option(name: .customLong("checklists"), help: ArgumentHelp("Find each assessment's checklist by id in this folder (default: $SALAMA_CHECKLISTS, else ./Checklists, else PREFIX/share/salama/Checklists beside PREFIX/bin/salama).", valueName: "dir"))
    var directory: String?

    /// Refuses `--checklist` with `--checklists`, saying so in `language`. Each command calls
    /// it from its own `validate()`, which knows `--lang`.
    func validate(in language: Language) throws {
        if file != nil && directory != nil {
            throw Console.usageError(CommandMessage.checklistOptionsExclusive, in: language)
        }
    }

    /// The checklist `--checklist` names, when it can be read (through `catalog`, which keeps it).
    func givenChecklist(in catalog: ChecklistCatalog) -> Checklist? {
        file.flatMap { try? catalog.load($0).value }
    }

    /// The checklist file given, as an input an --output must not replace.
    var inputFiles: [String] { file.map { [$0] } ?? [] }

    var catalog: ChecklistCatalog {
        if let file { return ChecklistCatalog(.file(file)) }
        if let directory { return ChecklistCatalog(.directory(directory)) }
        let environment = ProcessInfo.processInfo.environment["SALAMA_CHECKLISTS"].flatMap { $0.isEmpty ? nil : $0 }
        if let environment { return ChecklistCatalog(.directory(environment)) }
        let candidates = Self.defaultFolders
        let found = candidates.first { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
        let hint = CommandMessage.checklistFolderHint(folders: candidates).message
        return ChecklistCatalog(.directory(found ?? candidates[0]), missingFolderHint: hint)
    }

    /// Where checklists are looked for when no folder is named: `./Checklists`, then the
    /// checklists installed with the binary, in `PREFIX/share/salama/Checklists` beside
    /// `PREFIX/bin/salama` (symbolic links to the binary followed).
    static var defaultFolders: [String] {
        var folders = ["Checklists"]
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            let prefix = executable.deletingLastPathComponent().deletingLastPathComponent()
            folders.append(prefix.appendingPathComponent("share/salama/Checklists").path)
        }
        return folders
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
