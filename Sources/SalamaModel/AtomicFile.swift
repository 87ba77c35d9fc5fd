import SalamaXML

#if canImport(Glibc)
public import Glibc
#elseif canImport(Darwin)
public import Darwin
#endif

/// Replaces or creates a file so that a crash or a full disk leaves either the old or the new
/// content: temp file in the same folder, write all, fsync, rename over, fsync the folder.
///
/// A path naming something that is not a regular file (`/dev/null`, `/dev/stdout`, a FIFO) is
/// written in place: it cannot be renamed over, and replacing a device would be worse. A symbolic
/// link to a regular file is followed, so the link stays and its target is replaced. An existing
/// file keeps its permissions; `permissions` (less the umask) applies to a new one.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String, permissions: mode_t = 0o644) throws(FileWriteError) {
        try write(to: path, permissions: permissions) { descriptor in bytes.withUnsafeBytes { writeAll($0, to: descriptor) } }
    }

    /// Writes a text's UTF-8 from where the String holds it: a report of 40 MB is not copied.
    public static func write(_ text: String, to path: String, permissions: mode_t = 0o644) throws(FileWriteError) {
        try write(to: path, permissions: permissions) { descriptor in writeAll(text, to: descriptor) }
    }

    /// Writes the texts `produce` hands out one after the other, as it makes them: a report need
    /// not be held whole. After a failure the rest is not written, and the old file stays.
    public static func write(to path: String, permissions: mode_t = 0o644,
                             producing produce: (_ emit: (String) -> Void) -> Void) throws(FileWriteError) {
        try write(to: path, permissions: permissions) { descriptor in
            var failure: Int32?
            produce { text in
                if failure == nil { failure = writeAll(text, to: descriptor) }
            }
            return failure
        }
    }

    /// The steps of every write: `contents` writes the whole content to the descriptor it is given
    /// and returns the errno of a failure, or nil.
    private static func write(to path: String, permissions: mode_t, contents: (Int32) -> Int32?) throws(FileWriteError) {
        let fail = { (code: Int32) in FileWriteError(path: path, code: code) }
        guard !path.isEmpty else { throw fail(ENOENT) }

        var existing = stat()
        var target = path
        var mode = permissions
        var replacesAFile = false
        if FileSystemName.withSystemPath(path, { stat($0, &existing) }) == 0 {
            switch existing.st_mode & S_IFMT {
            case S_IFDIR:
                throw fail(EISDIR)
            case S_IFREG:
                mode = existing.st_mode & 0o7777
                replacesAFile = true
                if let resolved = resolvedSymbolicLink(path) { target = resolved }
            default:
                try writeInPlace(to: path, contents: contents)
                return
            }
        } else if errno != ENOENT {
            throw fail(errno)
        }
        if target.hasSuffix("/") { throw fail(EISDIR) }

        let (folder, name) = split(target)
        let temporary = folder + "/." + name + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let descriptor = FileSystemName.withSystemPath(temporary) { open($0, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode) }
        guard descriptor >= 0 else { throw fail(errno) }
        var closed = false
        defer {
            if !closed { close(descriptor) }
        }
        do throws(FileWriteError) {
            if let code = contents(descriptor) { throw fail(code) }
            // open() applied the umask; an existing file's exact mode is restored.
            if replacesAFile, fchmod(descriptor, mode) != 0 { throw fail(errno) }
            if fsync(descriptor) != 0 { throw fail(errno) }
            closed = true
            if close(descriptor) != 0 { throw fail(errno) }
            let renamed = FileSystemName.withSystemPath(temporary) { from in FileSystemName.withSystemPath(target) { rename(from, $0) } }
            if renamed != 0 { throw fail(errno) }
        } catch {
            FileSystemName.withSystemPath(temporary) { _ = unlink($0) }
            throw error
        }
        syncFolder(folder)
    }

    /// Writes every byte to an open descriptor, retrying short writes and interruptions; the
    /// errno of a failure, or nil. Standard output and error are written through it too.
    public static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        bytes.withUnsafeBytes { writeAll($0, to: descriptor) }
    }

    public static func writeAll(_ text: String, to descriptor: Int32) -> Int32? {
        var text = text
        return text.withUTF8 { writeAll(UnsafeRawBufferPointer($0), to: descriptor) }
    }

    public static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
        var offset = 0
        while offset < buffer.count {
            let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
    }

    private static func writeInPlace(to path: String, contents: (Int32) -> Int32?) throws(FileWriteError) {
        let descriptor = FileSystemName.withSystemPath(path) { open($0, O_WRONLY | O_TRUNC | O_CLOEXEC) }
        guard descriptor >= 0 else { throw FileWriteError(path: path, code: errno) }
        defer { close(descriptor) }
        if let code = contents(descriptor) { throw FileWriteError(path: path, code: code) }
    }

    /// The final file a symbolic link leads to, or nil when `path` itself is not a link.
    private static func resolvedSymbolicLink(_ path: String) -> String? {
        var link = stat()
        guard FileSystemName.withSystemPath(path, { lstat($0, &link) }) == 0, link.st_mode & S_IFMT == S_IFLNK,
              let resolved = FileSystemName.withSystemPath(path, { realpath($0, nil) }) else { return nil }
        defer { free(resolved) }
        return FileSystemName.string(fromBytes: UnsafeBufferPointer(start: UnsafeRawPointer(resolved).assumingMemoryBound(to: UInt8.self), count: strlen(resolved)))
    }

    /// The folder (without a trailing slash, "." when none is named) and the file name.
    private static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = String(path[..<slash])
        return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
    }

    /// Makes the rename durable; file systems that cannot sync a folder (EINVAL) lose nothing more.
    private static func syncFolder(_ folder: String) {
        let descriptor = FileSystemName.withSystemPath(folder) { open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif

/// Why a file could not be written: the path and the system's error number.
public struct FileWriteError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    /// The `errno` value of the failed call.
    public var code: Int32

    public init(path: String, code: Int32) {
        self.path = path
        self.code = code
    }

    /// The reason, without the path.
    public var reason: ModelMessage {
        switch code {
        case ENOSPC: .writeNoSpace
        case EDQUOT: .writeQuotaExceeded
        case EISDIR: .writeIsFolder
        case ENOENT: .writeNoFolder
        case ENOTDIR: .writePathPartNotFolder
        case EACCES, EPERM: .writePermissionDenied(code: code == EACCES ? "EACCES" : "EPERM")
        case EROFS: .writeReadOnly
        case ENAMETOOLONG: .writeNameTooLong
        case EIO: .writeDeviceError
        case EFBIG: .writeFileTooLarge
        case EPIPE: .writeReaderGone
        case EBADF: .writeClosed
        case EXDEV: .writeOtherDevice
        default: .writeSystem(text: String(cString: strerror(code)), code: Int(code))
        }
    }

    /// `PATH: cannot write: REASON`.
    public var message: ModelMessage { .cannotWrite(path: path, reason: reason) }

    public var description: String { message.message.description }
}
