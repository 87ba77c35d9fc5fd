import Foundation
import SalamaModel

/// The server's data folder. Every path the server touches is built here, from the root the
/// trainer gave and names the server generated, never from request input.
///
///     DATA/assessments/KEY.xml        the assessments, contract XML (`salama summary DATA` reads them)
///     DATA/.history/KEY/rN.xml        earlier versions: the file as it was at revision N
///     DATA/server/records/KEY.json    the link, kind and revisions of each assessment
///     DATA/server/passphrase.bcrypt   the trainer's passphrase, hashed
///     DATA/server/sessions.json       the trainers' open sessions
///
/// The history folder starts with a dot so that `salama summary DATA` skips it.
struct DataFolder: Sendable {
    let root: String

    init(_ root: String) {
        var root = root
        while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
        self.root = root
    }

    var assessments: String { root + "/assessments" }
    var history: String { root + "/.history" }
    var server: String { root + "/server" }
    var records: String { server + "/records" }
    var passphraseHash: String { server + "/passphrase.bcrypt" }
    var sessions: String { server + "/sessions.json" }

    func assessment(_ key: String) -> String { assessments + "/" + key + ".xml" }
    func record(_ key: String) -> String { records + "/" + key + ".json" }
    func history(_ key: String) -> String { history + "/" + key }
    func history(_ key: String, revision: Int) -> String { history(key) + "/r\(revision).xml" }

    /// Creates the folders that are missing.
    /// - Throws: `WorkshopProblem` saying, in the trainer's words, why a folder cannot be made.
    func create() throws {
        for folder in [root, assessments, history, server, records] {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                // Foundation wraps the system's error number; its own text is English only.
                let underlying = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? any Error).map { $0 as NSError }
                let code = underlying.flatMap { $0.domain == NSPOSIXErrorDomain ? Int32($0.code) : nil } ?? EIO
                let reason = code == EEXIST ? ModelMessage.writePathPartNotFolder : FileWriteError(path: folder, code: code).reason
                throw WorkshopProblem(messages: [ServerMessage.dataFolderUnusable(folder: root, reason: reason).message])
            }
        }
    }

    /// The keys of the records on disk, sorted.
    func recordKeys() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: records)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// Whether `key` can name files: an id as the contract writes them (letters, digits, `.`,
    /// `_`, `-`, not starting with a dot), so that it never leaves its folder.
    static func isKey(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, first != ".", first != "-", key.utf8.count <= 120 else { return false }
        return key.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "_" || $0 == "-"
        }
    }
}

/// A cheap checksum (FNV-1a, 64 bits) of a file's bytes: tells whether the XML on disk is the
/// one the record was written with. Not a security measure.
enum Checksum {
    static func of(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
