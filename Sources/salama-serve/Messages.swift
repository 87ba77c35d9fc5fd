import SalamaXML

/// What `salama-serve` tells the trainer in the terminal. Each case is a key of
/// `Translations/messages/LANG.json`. The line `Listening on URL` is not among them: scripts read it.
enum ServeMessage: MessageCase, Hashable {
    case portOutOfRange(value: Int)
    case passphraseGenerated(passphrase: String)
    case serverStarted(data: String, checklists: String)
    case trainerDashboard(url: String)
    case noNetworkInterface
    case phonesReachAt(addresses: [String])
    case anyoneOnNetwork
    case onlyThisComputer
    case passphrasePrintedAbove
    case passphraseSetFromFile(file: String)
    case passphraseAsBefore
    case stopWithCtrlC
}
