import ArgumentParser
import Foundation
import SalamaModel
import SalamaXML

/// Where commands print: results to standard output (or a file), diagnostics to standard error.
///
/// Both are written with write(2), never through `FileHandle` (which traps on a write error):
/// a reader that went away (EPIPE) ends the run quietly, as `cat` does; any other error on
/// standard output is one message and exit 1. Diagnostics that cannot be written (standard
/// error full or closed) make the run end with exit 1 too, since nobody saw them.
enum Console {
    /// The status a shell reports for a program ended by SIGPIPE: the reader went away.
    static let brokenPipeStatus: Int32 = 128 + SIGPIPE

    /// Set when standard error refused a diagnostic.
    nonisolated(unsafe) static var diagnosticsLost = false

    /// The language `--lang` names, if given.
    nonisolated(unsafe) static var chosenLanguage: Language?
    /// The language of the checklist in use, once one is read.
    nonisolated(unsafe) private static var checklistLanguage: Language?

    /// The language of messages: `--lang`, else the checklist's (its xml:lang) once known,
    /// else the locale's (`LC_ALL`, `LC_MESSAGES`, `LANG`; English when none is French or Arabic).
    static var messageLanguage: Language {
        chosenLanguage ?? checklistLanguage ?? Language.ofLocale(ProcessInfo.processInfo.environment)
    }

    /// The language of usage errors, found before any checklist is read: `--lang`, else the locale's.
    static func usageLanguage(_ chosen: Language?) -> Language {
        chosen ?? Language.ofLocale(ProcessInfo.processInfo.environment)
    }

    /// A usage error the argument parser prints (`Error: MESSAGE` and the usage), in `language`.
    static func usageError(_ message: some MessageCase, in language: Language) -> ValidationError {
        ValidationError(message.message.rendered(in: language, quoting: VisibleText.escapingTerminalControls))
    }

    /// Writes the following messages in the language of `checklist`, unless `--lang` says otherwise.
    static func use(_ checklist: Checklist?) {
        use(checklistLanguage: checklist?.language)
    }

    /// Writes the following messages in a checklist's `xml:lang`, unless `--lang` says otherwise.
    static func use(checklistLanguage code: String?) {
        if let code { checklistLanguage = Language(checklistLanguage: code) }
    }

    /// Forgets the checklist of a previous file.
    static func forgetChecklist() {
        checklistLanguage = nil
    }

    /// Prints diagnostics, `FILE:LINE:COLUMN: error: MESSAGE`, the message in `messageLanguage`.
    static func print(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        let language = messageLanguage
        writeError(diagnostics.map { $0.description(in: language, quoting: VisibleText.escapingTerminalControls) }.joined(separator: "\n"))
    }

    /// Prints `error: MESSAGE`, or `PATH: error: MESSAGE` about the file `path`.
    static func error(_ message: CommandMessage, about path: String? = nil) {
        let text = message.message.rendered(in: messageLanguage, quoting: VisibleText.escapingTerminalControls)
        writeError(path.map { VisibleText.escapingTerminalControls($0) + ": " } .map { $0 + "error: " + text } ?? "error: " + text)
    }

    /// Writes `line`, whose parts from inputs are escaped already, to standard error.
    private static func writeError(_ line: String) {
        if standardErrorClosed { diagnosticsLost = true }
        if AtomicFile.writeAll(Array((line.hasSuffix("\n") ? line : line + "\n").utf8), to: STDERR_FILENO) != nil {
            diagnosticsLost = true
        }
    }

    /// Whether standard output was closed when the run started (`>&-`).
    nonisolated(unsafe) private static var standardOutputClosed = false
    /// Whether standard error was closed when the run started (`2>&-`).
    nonisolated(unsafe) private static var standardErrorClosed = false

    /// Fills closed standard descriptors with /dev/null before anything is opened, so that no
    /// file the run opens becomes "standard output" and receives the report; a closed
    /// standard output is then an error when the report is written.
    static func protectStandardDescriptors() {
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            if descriptor == STDOUT_FILENO { standardOutputClosed = true }
            if descriptor == STDERR_FILENO { standardErrorClosed = true }
            let null = open("/dev/null", descriptor == STDIN_FILENO ? O_RDONLY : O_WRONLY)
            if null >= 0 && null != descriptor {
                dup2(null, descriptor)
                close(null)
            }
        }
    }

    /// Writes `text` to standard output.
    static func out(_ text: String) throws {
        try write(to: nil) { emit in emit(text) }
    }

    /// Writes the pieces `produce` hands out, as it makes them, to `path` atomically (the old
    /// file stays whole if anything fails), or to standard output when `path` is nil or `-`.
    static func write(to path: String?, producing produce: (_ emit: (String) -> Void) -> Void) throws {
        guard let path, path != "-" else {
            if standardOutputClosed {
                error(.cannotWriteStandardOutput(reason: FileWriteError(path: "-", code: EBADF).reason))
                throw Exit.invalidInput
            }
            var failure: Int32?
            produce { text in
                if failure == nil { failure = AtomicFile.writeAll(text, to: STDOUT_FILENO) }
            }
            guard let code = failure else { return }
            if code == EPIPE { exit(brokenPipeStatus) }
            error(.cannotWriteStandardOutput(reason: FileWriteError(path: "-", code: code).reason))
            throw Exit.invalidInput
        }
        do {
            try AtomicFile.write(to: path, producing: produce)
        } catch {
            Console.error(.cannotWriteOutputFile(reason: error.reason), about: path)
            throw Exit.invalidInput
        }
    }

    /// Writes `text` to `path` atomically (the old file stays whole if anything fails), or to
    /// standard output when `path` is nil or `-`.
    static func write(_ text: String, to path: String?) throws {
        try write(to: path) { emit in emit(text) }
    }

    /// Refuses an output file that is one of the inputs (the same device and inode, whatever
    /// the names), before anything is read: writing it would replace the input.
    static func refuseOutput(_ output: String?, overwriting inputs: [String]) throws {
        guard let output, output != "-", let written = FileIdentity(path: output) else { return }
        guard let input = inputs.first(where: { FileIdentity(path: $0) == written }) else { return }
        Console.error(input == output ? .outputIsInput(output: output) : .outputIsSameFileAsInput(output: output, input: input))
        throw Exit.usage
    }

    /// Whether standard output is a terminal that wants colour.
    static var colorOnStandardOutput: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }
}
