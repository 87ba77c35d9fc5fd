public import SalamaXML

/// The messages of the evaluation layer: comparisons and summaries. Each case is a key of
/// `Translations/messages/LANG.json`.
public indirect enum EvaluationMessage: MessageCase, Hashable {
    case differentCooperatives(old: String, new: String)
    case differentChecklists(old: String, new: String)
    case cannotOpenFolder(reason: XMLMessage)
    case notARegularFile(kind: EvaluationMessage)
    case kindFIFO
    case kindCharacterDevice
    case kindBlockDevice
    case kindSocket
    case kindNotAFile
    case noChecklistForSummary
}
