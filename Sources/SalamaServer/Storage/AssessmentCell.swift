import Foundation
import NIOPosix
import SalamaModel
import SalamaWorkbook
import SalamaXML

/// What the server keeps about one assessment besides its XML (`server/records/KEY.json`).
struct AssessmentRecord: Codable, Sendable {
    /// The file name of the assessment (server-generated).
    var key: String
    /// The private link's secret.
    var link: String
    /// `self` or `inspection`, as in the XML.
    var kind: String
    /// For an inspection: the key of the cooperative's self-assessment.
    var follows: String?
    /// Incremented by every save.
    var revision: Int
    /// The revision at which each answer last changed (absent: never changed here, 0).
    var answerRevisions: [String: Int]
    /// `Checksum.of` the XML this record was written with.
    var xmlChecksum: String
}

/// Why a save was refused as a whole.
enum SaveError: Error {
    /// The new XML did not load (a bug if it happens; nothing was written).
    case invalid(InvalidInputError)
    /// The disk refused a write; the files are each old or new.
    case write(FileWriteError)
}

/// One assessment being filled in: its current value, its record and the files behind them.
/// Saves to one assessment are serialised by its lock; saves to different assessments run in
/// parallel on the storage threads, so that waiting for the disk (fsync) never holds the
/// threads that serve requests.
///
/// Each save writes, each file atomically: the previous XML into the history, then the new XML,
/// then the record. A crash between the last two leaves an XML newer than its record; loading
/// notices (checksum) and moves every answer to a new revision, so that any page opened before
/// the crash gets a conflict rather than overwriting what it never saw.
final class AssessmentCell: @unchecked Sendable {
    let key: String
    let link: String
    let kind: AssessmentKind
    let follows: String?
    /// Who is assessed: set when the assessment is created, never edited by a form.
    let cooperative: Cooperative
    private let folder: DataFolder
    private let historyLimit: Int
    private var record: AssessmentRecord
    private var assessment: Assessment
    private var bytes: [UInt8]
    /// Guards `record`, `assessment` and `bytes`, and serialises saves.
    private let lock = NSLock()

    private init(folder: DataFolder, record: AssessmentRecord, assessment: Assessment, bytes: [UInt8], historyLimit: Int) {
        self.key = record.key
        self.link = record.link
        self.kind = assessment.kind
        self.follows = record.follows
        self.cooperative = assessment.cooperative
        self.folder = folder
        self.historyLimit = historyLimit
        self.record = record
        self.assessment = assessment
        self.bytes = bytes
    }

    /// Opens an assessment from its record and XML, repairing a record older than its XML.
    static func open(key: String, folder: DataFolder, historyLimit: Int) throws -> AssessmentCell {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder.record(key)))
        var record = try JSONDecoder().decode(AssessmentRecord.self, from: data)
        guard record.key == key else { throw CocoaError(.fileReadCorruptFile) }
        let path = folder.assessment(key)
        let bytes = try FileReader.read(path, limit: XMLParser.maximumFileSize)
        let assessment = try AssessmentLoader.load(path: path).value
        let checksum = Checksum.of(bytes)
        if checksum != record.xmlChecksum {
            record.revision += 1
            for answer in assessment.answers { record.answerRevisions[answer.ref] = record.revision }
            record.answerRevisions[visitKey] = record.revision
            record.xmlChecksum = checksum
            try write(record, to: folder.record(key))
        }
        return AssessmentCell(folder: folder, record: record, assessment: assessment, bytes: bytes, historyLimit: historyLimit)
    }

    /// Creates a new assessment from its first XML (already checked to load).
    static func create(key: String, link: String, follows: String?, xml: [UInt8], folder: DataFolder, historyLimit: Int) throws -> AssessmentCell {
        let path = folder.assessment(key)
        let assessment = try AssessmentLoader.loadCarefully(bytes: xml, path: path).value
        let record = AssessmentRecord(key: key, link: link, kind: assessment.kind.rawValue, follows: follows, revision: 0,
                                      answerRevisions: [:], xmlChecksum: Checksum.of(xml))
        try AtomicFile.write(xml, to: path)
        try write(record, to: folder.record(key))
        return AssessmentCell(folder: folder, record: record, assessment: assessment, bytes: xml, historyLimit: historyLimit)
    }

    /// The key of the visit's revision among the answers' (no requirement id starts with `#`).
    static let visitKey = "#visit"

    /// The assessment as it stands, and the revisions.
    func state() async -> (assessment: Assessment, revision: Int, answerRevisions: [String: Int]) {
        lock.withLock { (assessment, record.revision, record.answerRevisions) }
    }

    /// The XML file's bytes as they stand.
    func xml() async -> [UInt8] { lock.withLock { bytes } }

    /// Applies the changes that do not conflict, as one new revision dated `today`.
    /// - Parameters:
    ///   - requirements: the checklist's requirements by id (changes to unknown ids are ignored).
    ///   - visit: a new visit (inspections), with the revision of the visit the person saw; it
    ///     conflicts like an answer when someone else changed the visit since.
    func save(_ changes: [AnswerChange], requirements: [String: Requirement], today: Day,
              visit: (seenRevision: Int, value: Visit?)? = nil) async throws(SaveError) -> SaveOutcome {
        let result: Result<SaveOutcome, SaveError>
        do {
            result = try await StorageThreads.pool.runIfActive {
                self.lock.withLock { Result { () throws(SaveError) in try self.saveNow(changes, requirements: requirements, today: today, visit: visit) } }
            }
        } catch {
            throw .write(FileWriteError(path: folder.assessment(key), code: EIO))
        }
        return try result.get()
    }

    /// The save itself, on a storage thread, under the lock.
    private func saveNow(_ changes: [AnswerChange], requirements: [String: Requirement], today: Day,
                         visit: (seenRevision: Int, value: Visit?)?) throws(SaveError) -> SaveOutcome {
        var edits: [(requirement: Requirement, content: AnswerContent)] = []
        var saved: [String] = []
        var conflicts: [String: (revision: Int, latest: AnswerFields)] = [:]
        var visitConflict = false
        for change in changes {
            guard let requirement = requirements[change.ref], !saved.contains(change.ref) else { continue }
            let current = AnswerFields(assessment.answers.first { $0.ref == change.ref })
            if current == change.fields { continue }
            let revision = record.answerRevisions[change.ref] ?? 0
            guard revision == change.seenRevision else {
                conflicts[change.ref] = (revision, current)
                continue
            }
            edits.append((requirement, change.fields))
            saved.append(change.ref)
        }
        var next = assessment
        var visitChanged = false
        if let visit, visit.value != assessment.visit {
            if (record.answerRevisions[Self.visitKey] ?? 0) == visit.seenRevision {
                next.visit = visit.value
                visitChanged = true
            } else {
                visitConflict = true
            }
        }
        guard !saved.isEmpty || visitChanged else {
            return SaveOutcome(revision: record.revision, saved: [:], conflicts: conflicts, visitConflict: visitConflict)
        }
        next.date = today
        let xml = Array(AssessmentXML.write(next, replacing: edits).utf8)
        let path = folder.assessment(key)
        let loaded: Assessment
        do {
            loaded = try AssessmentLoader.load(bytes: xml, path: path).value
        } catch {
            throw .invalid(error)
        }
        var nextRecord = record
        nextRecord.revision += 1
        for ref in saved { nextRecord.answerRevisions[ref] = nextRecord.revision }
        if visitChanged { nextRecord.answerRevisions[Self.visitKey] = nextRecord.revision }
        nextRecord.xmlChecksum = Checksum.of(xml)
        do {
            try keepInHistory()
            try AtomicFile.write(xml, to: path)
            try Self.write(nextRecord, to: folder.record(key))
        } catch let error as FileWriteError {
            throw .write(error)
        } catch {
            throw .write(FileWriteError(path: path, code: EIO))
        }
        record = nextRecord
        assessment = loaded
        bytes = xml
        return SaveOutcome(revision: record.revision, saved: Dictionary(uniqueKeysWithValues: saved.map { ($0, record.revision) }),
                           conflicts: conflicts, visitConflict: visitConflict)
    }

    /// Writes the current XML into the history as revision N, and forgets the versions older
    /// than the history's limit.
    private func keepInHistory() throws {
        let folderPath = folder.history(key)
        try FileManager.default.createDirectory(atPath: folderPath, withIntermediateDirectories: true)
        try AtomicFile.write(bytes, to: folder.history(key, revision: record.revision))
        let expired = record.revision - historyLimit
        if expired >= 0 { unlink(folder.history(key, revision: expired)) }
    }

    private static func write(_ record: AssessmentRecord, to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        try AtomicFile.write(Array(try encoder.encode(record)), to: path, permissions: 0o600)
    }
}

/// The threads that write assessments: enough for many saves to wait on the disk at once
/// without holding the threads that serve requests.
enum StorageThreads {
    static let pool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 16)
        pool.start()
        return pool
    }()
}
