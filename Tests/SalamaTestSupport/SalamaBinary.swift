import Foundation

/// Runs the built `salama` executable, as a user would.
public enum SalamaBinary {
    public struct Result: Sendable {
        public var status: Int32
        public var standardOutput: String
        public var standardError: String
    }

    /// The `salama` binary next to the test bundle.
    public static var url: URL {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        // On macOS the tests run inside an .xctest bundle.
        while folder.pathExtension == "xctest" || folder.lastPathComponent == "MacOS" || folder.lastPathComponent == "Contents" {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("salama")
    }

    /// Runs a `/bin/sh` command line in `directory`, with `$SALAMA` naming the binary: for
    /// redirections (`> /dev/full`, `>&-`, `ulimit`) that `run` cannot express.
    public static func runShell(_ command: String, in directory: String = Fixtures.repository.path) throws -> Result {
        try run(["-c", command], in: directory, environment: ["SALAMA": url.path], executable: URL(fileURLWithPath: "/bin/sh"))
    }

    /// Runs `salama ARGUMENTS` in `directory` (the repository by default); `executable` is
    /// the built binary unless another program (a copy of it, a shell) is given.
    public static func run(_ arguments: [String], in directory: String = Fixtures.repository.path,
                           environment: [String: String] = [:], input: Data? = nil, executable: URL = url) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env.removeValue(forKey: "SALAMA_CHECKLISTS")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes while the process runs, so that a large output cannot block it.
        let group = DispatchGroup()
        nonisolated(unsafe) var outputData = Data(), errorData = Data()
        group.enter()
        DispatchQueue.global().async { outputData = output.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { errorData = errors.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      standardOutput: String(decoding: outputData, as: UTF8.self),
                      standardError: String(decoding: errorData, as: UTF8.self))
    }
}
