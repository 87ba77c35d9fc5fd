import Foundation
import SalamaModel
import Testing

@Suite("AtomicFile: old or new content, never a mix")
struct AtomicFileTests {
    /// A fresh empty folder, removed by the caller.
    private func makeFolder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    private func contents(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test func createsANewFileWithThePermissions() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/report.txt"
        try AtomicFile.write(Array("bonjour\n".utf8), to: path, permissions: 0o600)
        #expect(try contents(path) == Array("bonjour\n".utf8))
        let mode = try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["report.txt"], "no temp file left")
    }

    @Test func replacesAnExistingFileAndKeepsItsMode() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/report.txt"
        try Data(repeating: 0x41, count: 10_000).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        try AtomicFile.write(Array("short".utf8), to: path)
        #expect(try contents(path) == Array("short".utf8))
        let mode = try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(mode == 0o640)
    }

    @Test func writesAnEmptyFile() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try AtomicFile.write([], to: folder + "/empty")
        #expect(try contents(folder + "/empty").isEmpty)
    }

    @Test func aFolderIsRefusedAndLeftAlone() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(throws: FileWriteError(path: folder, code: EISDIR)) {
            try AtomicFile.write(Array("x".utf8), to: folder)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        let error = FileWriteError(path: folder, code: EISDIR)
        #expect(error.description.contains("folder"))
        #expect(error.description.contains("EISDIR"))
    }

    @Test func aMissingFolderIsNamed() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/missing/report.txt"
        #expect(throws: FileWriteError(path: path, code: ENOENT)) {
            try AtomicFile.write(Array("x".utf8), to: path)
        }
        #expect(FileWriteError(path: path, code: ENOENT).description.contains("folder does not exist"))
    }

    @Test func aFailedWriteLeavesTheOldContent() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A file standing where a folder is expected makes the temp file fail after nothing was touched.
        let blocker = folder + "/notafolder"
        try Data("old".utf8).write(to: URL(fileURLWithPath: blocker))
        #expect(throws: FileWriteError(path: blocker + "/x", code: ENOTDIR)) {
            try AtomicFile.write(Array("new".utf8), to: blocker + "/x")
        }
        #expect(try contents(blocker) == Array("old".utf8))
    }

    @Test func aDeviceIsWrittenInPlaceNotReplaced() throws {
        try AtomicFile.write(Array("discarded".utf8), to: "/dev/null")
        var status = stat()
        #expect(stat("/dev/null", &status) == 0)
        #expect(status.st_mode & S_IFMT == S_IFCHR, "/dev/null is still the device")
    }

    @Test func aFullDeviceSaysNoSpace() {
        #expect(throws: FileWriteError(path: "/dev/full", code: ENOSPC)) {
            try AtomicFile.write(Array("x".utf8), to: "/dev/full")
        }
        #expect(FileWriteError(path: "/dev/full", code: ENOSPC).description.contains("no space left"))
    }

    @Test func aSymbolicLinkKeepsPointingAtTheReplacedFile() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("old".utf8).write(to: URL(fileURLWithPath: folder + "/target"))
        try FileManager.default.createSymbolicLink(atPath: folder + "/link", withDestinationPath: "target")
        try AtomicFile.write(Array("new".utf8), to: folder + "/link")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/link") == "target")
        #expect(try contents(folder + "/target") == Array("new".utf8))
    }

    @Test func everyErrorHasWords() {
        for code in [ENOSPC, EISDIR, ENOENT, ENOTDIR, EACCES, EPERM, EROFS, EIO, EDQUOT, ELOOP] {
            let text = FileWriteError(path: "p", code: code).description
            #expect(text.hasPrefix("p: cannot write: "))
            #expect(text.count > "p: cannot write: ".count + 5)
        }
    }
}
