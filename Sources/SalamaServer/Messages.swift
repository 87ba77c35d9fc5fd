import SalamaModel
import SalamaXML

/// The messages of the workshop server. Each case is a key of `Translations/messages/LANG.json`.
enum ServerMessage: MessageCase, Hashable {
    case noChecklistInFolder(folder: String)
    case assessmentForAnotherChecklist(name: String, assessment: String, checklist: String)
    case cooperativeAlreadyInWorkshop(id: String)
    case passphraseFileUnreadable(file: String)
    case dataFolderUnusable(folder: String, reason: ModelMessage)
    case addressTaken(port: Int)
    case serverStopped(reason: String)
}
