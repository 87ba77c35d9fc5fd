import ArgumentParser
import Foundation
import SalamaXML

@main
struct Salama: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "salama",
        abstract: "How far a food cooperative stands from its sanitary certification (ONSSA-style checklists).",
        discussion: """
        Exit codes: 0 success; 1 an input is invalid or unreadable, or an output cannot be written; 2 --fail-under names a \
        target that is not ready; 64 usage error; 141 the reader of standard output went away.
        """,
        version: "0.1.0",
        subcommands: [CheckCommand.self, ValidateCommand.self, SummaryCommand.self, CompareCommand.self, TemplateCommand.self, ImportCommand.self]
    )
}

extension Salama {
    /// Runs the command; diagnostics that standard error refused make a run that would have
    /// succeeded end with 1 instead.
    static func main() {
        Console.protectStandardDescriptors()
        do {
            var command = try parseAsRoot(argumentsKeepingBytes())
            try command.run()
        } catch {
            exit(withError: Console.diagnosticsLost && exitCode(for: error) == .success ? Exit.invalidInput : error)
        }
        if Console.diagnosticsLost { exit(withError: Exit.invalidInput) }
    }
}

/// The command line as given, each argument's bytes kept: a file name that is not UTF-8 still
/// names its file (Swift's `CommandLine.arguments` would replace its bytes with U+FFFD).
private func argumentsKeepingBytes() -> [String] {
    (1..<Int(CommandLine.argc)).map { index in
        guard let argument = CommandLine.unsafeArgv[index] else { return "" }
        return argument.withMemoryRebound(to: UInt8.self, capacity: strlen(argument)) {
            FileSystemName.string(fromBytes: UnsafeBufferPointer(start: $0, count: strlen(argument)))
        }
    }
}

/// The exit codes every command documents.
enum Exit {
    static let invalidInput = ExitCode(1)
    static let notReady = ExitCode(2)
    static let usage = ExitCode(64)
}
