import ArgumentParser
import Foundation
import Logging
import SalamaServer

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
        if !(0...65535).contains(port) { throw ValidationError("--port takes a number from 0 (any free port) to 65535") }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment["SALAMA_CHECKLISTS"].flatMap { $0.isEmpty ? nil : $0 }
        let checklistFolder = checklists ?? environment ?? Self.defaultChecklists
        let generated: String?
        do {
            generated = try TrainerPassphrase.prepare(dataFolder: data, fromFile: passphraseFile)
        } catch {
            printError("error: \(error)")
            throw ExitCode(1)
        }
        if let generated {
            // Printed before anything else can fail: it is shown only once.
            FileHandle.standardOutput.write(Data("Trainer's passphrase (shown once, keep it): \(generated)\n".utf8))
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
            printError("error: \(error)")
            throw ExitCode(1)
        }
        var lines = ["Salama workshop server — data in \(data), checklists from \(checklistFolder)"]
        lines.append("Trainer's dashboard: http://127.0.0.1:\(port)/trainer")
        if lan {
            if addresses.isEmpty {
                lines.append("No network interface found besides this computer: phones cannot reach it yet (start the Wi-Fi hotspot, then restart).")
            } else {
                lines.append("Phones on the same Wi-Fi reach it at: " + addresses.joined(separator: "  "))
                lines.append("Anyone on that network can reach these addresses; each cooperative's page needs its private link.")
            }
        } else {
            lines.append("Only this computer can reach it; start with --lan to let phones on the trainer's Wi-Fi in.")
        }
        if generated != nil {
            lines.append("Trainer's passphrase: printed above, once.")
        } else if passphraseFile != nil {
            lines.append("Trainer's passphrase: set from \(passphraseFile!).")
        } else {
            lines.append("Trainer's passphrase: the one shown at the first start (replace it with --passphrase-file).")
        }
        lines.append("Stop with Ctrl-C.")
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        do {
            try await server.run()
        } catch {
            printError("error: \(error)")
            throw ExitCode(1)
        }
    }
}

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
