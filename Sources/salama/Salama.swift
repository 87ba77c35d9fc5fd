import ArgumentParser

@main
struct Salama: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "salama",
        abstract: "How far a food cooperative stands from its sanitary certification (ONSSA-style checklists).",
        discussion: """
        Exit codes: 0 success; 1 an input is invalid or unreadable; 2 --fail-under names a \
        target that is not ready; 64 usage error.
        """,
        version: "0.1.0",
        subcommands: [CheckCommand.self, ValidateCommand.self, SummaryCommand.self, CompareCommand.self, TemplateCommand.self, ImportCommand.self]
    )
}

extension Salama {
    /// Runs the command; diagnostics that standard error refused make a run that would have
    /// succeeded end with 1 instead.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(withError: Console.diagnosticsLost && exitCode(for: error) == .success ? Exit.invalidInput : error)
        }
        if Console.diagnosticsLost { exit(withError: Exit.invalidInput) }
    }
}

/// The exit codes every command documents.
enum Exit {
    static let invalidInput = ExitCode(1)
    static let notReady = ExitCode(2)
    static let usage = ExitCode(64)
}
