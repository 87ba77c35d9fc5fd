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

        Errors and warnings are printed FILE:LINE:COLUMN: error: MESSAGE (or warning:), the message in French, Arabic \
        or English: the language --lang names, else the language of the checklist in use once it is read (its \
        xml:lang), else the locale's (LC_ALL, then LC_MESSAGES, then LANG: ar_MA.UTF-8 gives Arabic, fr_FR French, \
        anything else English). The prefix up to "error:" or "warning:" is never translated.
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

extension Salama {
    /// The help of `--lang` on the commands that write a report.
    static let languageHelp = "Language of the report and of the messages: fr, ar or en (default: the checklist's; messages before a checklist is read: LC_ALL, LC_MESSAGES or LANG, else English)."
    /// The help of `--lang` on the commands that write no report.
    static let messageLanguageHelp = "Language of the messages: fr, ar or en (default: the checklist's once it is read, else LC_ALL, LC_MESSAGES or LANG, else English)."
}

/// The exit codes every command documents.
enum Exit {
    static let invalidInput = ExitCode(1)
    static let notReady = ExitCode(2)
    static let usage = ExitCode(64)
}
