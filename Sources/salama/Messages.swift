import SalamaModel
import SalamaXML

/// The messages of the command line. Each case is a key of `Translations/messages/LANG.json`.
enum CommandMessage: MessageCase, Hashable {
    case checklistFolderHint(folders: [String])
    case failUnderUnknownTarget(target: String, checklist: String, targets: [String])
    case checklistNotFound(checklist: String)
    case checklistNotFoundInFolder(checklist: String, folder: String)
    case checklistNotFoundNoFolder(checklist: String, folder: String)
    case neitherChecklistNorAssessment(checklistNamespace: String, assessmentNamespace: String)
    case unknownTermOption(option: String, problem: ModelMessage)
    case cannotWriteStandardOutput(reason: ModelMessage)
    case cannotWriteOutputFile(reason: ModelMessage)
    case outputIsInput(output: String)
    case outputIsSameFileAsInput(output: String, input: String)
    case checklistOptionsExclusive
    case topNotPositive
    case templateNeedsChecklist
    case templateChecklistOptionsExclusive
    case templateNeedsProducts
    case dateNotARealDay(value: String)
}
