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

    static func error(_ text: String) {
        let line = VisibleText.escapingTerminalControls(text)
        if standardErrorClosed { diagnosticsLost = true }
        if AtomicFile.writeAll(Array((line.hasSuffix("\n") ? line : line + "\n").utf8), to: STDERR_FILENO) != nil {
            diagnosticsLost = true
        }
    }

    static func print(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        error(diagnostics.map(\.description).joined(separator: "\n"))
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
                error("error: " + FileWriteError(path: "standard output", code: EBADF).description)
                throw Exit.invalidInput
            }
            var failure: Int32?
            produce { text in
                if failure == nil { failure = AtomicFile.writeAll(text, to: STDOUT_FILENO) }
            }
            guard let code = failure else { return }
            if code == EPIPE { exit(brokenPipeStatus) }
            error("error: " + FileWriteError(path: "standard output", code: code).description)
            throw Exit.invalidInput
        }
        do {
            try AtomicFile.write(to: path, producing: produce)
        } catch {
            Console.error("\(VisibleText.escaping(path, .diagnostic)): error: cannot write the output file: \(error.reason)")
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
        let same = input == output ? "is" : "is the same file as"
        Console.error("error: --output \(VisibleText.quotedPath(output)) \(same) the input \(VisibleText.quotedPath(input)): writing it would replace the input; name another file")
        throw Exit.usage
    }

    /// Whether standard output is a terminal that wants colour.
    static var colorOnStandardOutput: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }
}
