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
        if AtomicFile.writeAll(Array((line.hasSuffix("\n") ? line : line + "\n").utf8), to: STDERR_FILENO) != nil {
            diagnosticsLost = true
        }
    }

    static func print(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        error(diagnostics.map(\.description).joined(separator: "\n"))
    }

    /// Writes `text` to standard output.
    static func out(_ text: String) throws {
        guard let code = AtomicFile.writeAll(Array(text.utf8), to: STDOUT_FILENO) else { return }
        if code == EPIPE { exit(brokenPipeStatus) }
        error("error: " + FileWriteError(path: "standard output", code: code).description)
        throw Exit.invalidInput
    }

    /// Writes `text` to `path` atomically (the old file stays whole if anything fails), or to
    /// standard output when `path` is nil or `-`.
    static func write(_ text: String, to path: String?) throws {
        guard let path, path != "-" else { return try out(text) }
        do {
            try AtomicFile.write(Array(text.utf8), to: path)
        } catch {
            Console.error("\(VisibleText.escaping(path, .diagnostic)): error: cannot write the output file: \(error.reason)")
            throw Exit.invalidInput
        }
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
