import Foundation
import SalamaTestSupport
import Testing

/// `salama-serve` as the trainer starts it: what it prints when it cannot start, in the language
/// of --lang, else of the locale. Each run is bounded by `timeout`, so a server that starts
/// when it should not ends the test instead of hanging it.
@Suite("The workshop server's start-up messages")
struct ServeCommandTests {
    static let serve = SalamaBinary.url.deletingLastPathComponent().appendingPathComponent("salama-serve")

    static func run(_ arguments: [String], in folder: TemporaryFolder, environment: [String: String] = [:]) throws -> SalamaBinary.Result {
        try SalamaBinary.run(["20", serve.path] + arguments, in: folder.path,
                             environment: ["SALAMA_CHECKLISTS": Fixtures.repositoryPath("Checklists")].merging(environment) { $1 },
                             executable: URL(fileURLWithPath: "/usr/bin/timeout"))
    }

    /// A socket listening on 127.0.0.1 at a free port, and that port.
    static func listeningSocket() throws -> (descriptor: Int32, port: Int) {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(descriptor >= 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) == 0 && listen(descriptor, 1) == 0 && getsockname(descriptor, $0, &length) == 0 }
        }
        try #require(bound)
        return (descriptor, Int(UInt16(bigEndian: address.sin_port)))
    }

    @Test("A port already taken is said in French with --lang fr, exit 1, after the start-up lines in French")
    func aTakenPortIsSaidInTheChosenLanguage() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let (descriptor, port) = try Self.listeningSocket()
        defer { close(descriptor) }
        let result = try Self.run(["--lang", "fr", "--data", "data", "--port", String(port)], in: folder)
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("Phrase de passe du formateur (montrée une seule fois, gardez-la) : "), "\(result.standardOutput)")
        #expect(result.standardOutput.contains("Tableau de bord du formateur : http://127.0.0.1:\(port)/trainer"))
        #expect(result.standardError.contains("error: le port \(port) est déjà pris sur cet ordinateur (un autre serveur d'atelier tourne peut-être) : arrêtez-le, ou démarrez avec un autre --port\n"),
                "\(result.standardError)")
        #expect(!result.standardError.contains("errno"))
    }

    @Test("A data folder blocked by a file, in Arabic from the locale: the folder isolated, the reason translated")
    func anUnusableDataFolderIsSaidInTheLocalesLanguage() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("taken", "a file, not a folder")
        let result = try Self.run(["--data", "taken", "--port", "0"], in: folder, environment: ["LANG": "ar_MA.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
        #expect(result.status == 1)
        #expect(result.standardError == "error: \u{2068}taken\u{2069}: لا يمكن استعمال مجلد البيانات: جزء من المسار ليس مجلدًا (ENOTDIR)\n",
                "\(result.standardError)")
    }

    @Test("An empty passphrase file and a checklists folder without checklists, in English; --port out of range is a usage error")
    func otherStartUpProblems() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("empty.txt", "\n")
        let empty = try Self.run(["--lang", "en", "--data", "data", "--passphrase-file", "empty.txt"], in: folder)
        #expect(empty.status == 1)
        #expect(empty.standardError == "error: empty.txt: cannot read a passphrase from this file: it must hold one line of text\n")
        try FileManager.default.createDirectory(atPath: folder.path + "/no-checklists", withIntermediateDirectories: true)
        let noChecklists = try Self.run(["--lang", "en", "--data", "data", "--checklists", "no-checklists", "--port", "0"], in: folder)
        #expect(noChecklists.status == 1)
        #expect(noChecklists.standardError == "error: no-checklists: no checklist (*.xml) in this folder\n")
        let port = try Self.run(["--lang", "fr", "--port", "70000"], in: folder)
        #expect(port.status == 64)
        #expect(port.standardError.hasPrefix("Error: --port prend un nombre de 0 (n'importe quel port libre) à 65535, pas 70000\n"), "\(port.standardError)")
    }
}
