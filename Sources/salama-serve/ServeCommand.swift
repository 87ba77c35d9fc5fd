import ArgumentParser
import Foundation
import Logging
import SalamaServer
import SalamaXML

extension Language: ExpressibleByArgument {}

@main
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "salama-serve",
        abstract: "Serve the workshop: members fill their self-assessment on their phones, the trainer follows them live.",
        discussion: """
        Listens on 127.0.0.1 unless --lan is given. The trainer's passphrase is generated at the first start \
        and printed once (only its hash is kept in the data folder); --passphrase-file sets it from a file. \
        Stop with Ctrl-C. Exit codes: 0 stopped; 1 the data folder, the checklists or the passphrase cannot be \
        used, or the address is taken; 64 usage error.
        """
    )

    @Option(help: ArgumentHelp("The data folder: assessments, their history, links and sessions (created when missing).", valueName: "dir"))
    var data = "salama-data"

    @Option(help: ArgumentHelp("The folder of checklists (default: $SALAMA_CHECKLISTS, else ./Checklists, else PREFIX/share/salama/Checklists beside PREFIX/bin/salama-serve).", valueName: "dir"))
    var checklists: String?

    @Option(help: "The port to listen on (0: any free port, printed once listening).")
    var port = 8080

    @Flag(help: "Listen on every network interface (the trainer's Wi-Fi hotspot), not only on this computer.")
    var lan = false

    @Option(name: .customLong("passphrase-file"), help: ArgumentHelp("Set the trainer's passphrase to the first line of this file.", valueName: "file"))
    var passphraseFile: String?

    @Option(help: ArgumentHelp("The language of what is printed here: fr, ar or en (default: the locale's, from LC_ALL, LC_MESSAGES or LANG). Each page has its own language switch.", valueName: "lang"))
    var lang: Language?

    /// The language of the lines printed in the terminal: --lang, else the locale's.
    var language: Language { lang ?? Language.ofLocale(ProcessInfo.processInfo.environment) }

    /// `./Checklists` when it exists, else the checklists installed with the binary, as `salama` finds them.
    static var defaultChecklists: String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: "Checklists", isDirectory: &isDirectory), isDirectory.boolValue { return "Checklists" }
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            let installed = executable.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("share/salama/Checklists").path
            if FileManager.default.fileExists(atPath: installed) { return installed }
        }
        return "Checklists"
    }

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError(text(.portOutOfRange(value: port))) }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment["SALAMA_CHECKLISTS"].flatMap { $0.isEmpty ? nil : $0 }
        let checklistFolder = checklists ?? environment ?? Self.defaultChecklists
        let generated: String?
        do {
            generated = try TrainerPassphrase.prepare(dataFolder: data, fromFile: passphraseFile)
        } catch {
            printProblem(error)
            throw ExitCode(1)
        }
        if let generated {
            // Printed before anything else can fail: it is shown only once.
            FileHandle.standardOutput.write(Data((text(.passphraseGenerated(passphrase: generated)) + "\n").utf8))
        }
        let addresses = lan ? NetworkAddresses.lan().map { "http://\($0):\(port)" } : []
        var logger = Logger(label: "salama.serve")
        logger.logLevel = .info
        let options = ServerOptions(dataFolder: data, checklists: checklistFolder, host: lan ? "0.0.0.0" : "127.0.0.1", port: port,
                                    publicBaseURLs: addresses, logger: logger, onListening: { port in
                                        FileHandle.standardOutput.write(Data("Listening on http://127.0.0.1:\(port)\n".utf8))
                                    })
        let server: WorkshopServer
        do {
            server = try await WorkshopServer(options)
        } catch {
            printProblem(error)
            throw ExitCode(1)
        }
        var lines = [text(.serverStarted(data: data, checklists: checklistFolder))]
        lines.append(text(.trainerDashboard(url: "http://127.0.0.1:\(port)/trainer")))
        if lan {
            if addresses.isEmpty {
                lines.append(text(.noNetworkInterface))
            } else {
                lines.append(text(.phonesReachAt(addresses: addresses)))
                lines.append(text(.anyoneOnNetwork))
            }
        } else {
            lines.append(text(.onlyThisComputer))
        }
        if generated != nil {
            lines.append(text(.passphrasePrintedAbove))
        } else if let passphraseFile {
            lines.append(text(.passphraseSetFromFile(file: passphraseFile)))
        } else {
            lines.append(text(.passphraseAsBefore))
        }
        lines.append(text(.stopWithCtrlC))
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        do {
            try await server.run()
        } catch {
            printProblem(error)
            throw ExitCode(1)
        }
    }

    /// A line for the trainer in the chosen language, control characters of paths escaped.
    func text(_ message: ServeMessage) -> String {
        message.message.rendered(in: language, quoting: VisibleText.escapingTerminalControls)
    }

    /// Writes why the server cannot start or stopped to standard error, one `error:` line each.
    func printProblem(_ error: any Error) {
        let lines = ServerProblem.lines(for: error, port: port, in: language, quoting: VisibleText.escapingTerminalControls)
        FileHandle.standardError.write(Data(lines.map { "error: " + $0 + "\n" }.joined().utf8))
    }
}
