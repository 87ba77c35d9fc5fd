import Foundation
import Logging
import SalamaEvaluation
import SalamaModel
import SalamaWorkbook
import SalamaXML

/// Why the trainer's request to add an assessment was refused, in words for the trainer.
struct WorkshopProblem: Error, Sendable, CustomStringConvertible {
    /// Problems located in a file (`NAME:LINE:COLUMN: error: …`).
    var diagnostics: [Diagnostic] = []
    /// Problems of the workshop itself.
    var messages: [Message] = []

    /// Each problem, written in `language` for the page of that language, each quoted value
    /// passed through `quoting` (the terminal's escaping, say).
    func lines(in language: Language, quoting: (String) -> String = { $0 }) -> [String] {
        diagnostics.map { $0.description(in: language, quoting: quoting) } + messages.map { $0.rendered(in: language, quoting: quoting) }
    }

    var description: String { lines(in: .en).joined(separator: "\n") }
}

/// The assessments of one workshop: the data folder, the checklist, and each assessment's
/// cell, found by its private link or by its key.
final class Workshop: @unchecked Sendable {
    let folder: DataFolder
    let catalog: ChecklistCatalog
    /// The checklist new cooperatives are assessed against.
    let checklist: Checklist
    /// The same loading, evaluation and caching as `salama check`.
    let run: CheckRun
    let requirements: [String: Requirement]
    private let historyLimit: Int
    private let today: @Sendable () -> Day
    private let lock = NSLock()
    /// Serialises additions, so that two at once never pick the same id or file name.
    private let adding = NSLock()
    private var cells: [AssessmentCell] = []

    /// Opens (or creates) the data folder and every assessment it holds.
    /// - Parameters:
    ///   - checklists: the folder of checklists; the first valid one (by file name) is the workshop's.
    ///   - historyLimit: how many earlier versions of each assessment the history keeps.
    init(folder: DataFolder, checklists: String, historyLimit: Int = 50, today: @escaping @Sendable () -> Day = WorkbookProfile.today,
         logger: Logger) throws {
        try folder.create()
        self.folder = folder
        self.historyLimit = historyLimit
        self.today = today
        self.catalog = ChecklistCatalog(.directory(checklists))
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: checklists)) ?? []).filter { $0.hasSuffix(".xml") }.sorted()
        var found: Checklist?
        var problems: [Diagnostic] = []
        for name in names {
            do {
                found = try catalog.load(checklists + "/" + name).value
                break
            } catch {
                problems += error.diagnostics
            }
        }
        guard let found else {
            throw problems.isEmpty ? WorkshopProblem(messages: [ServerMessage.noChecklistInFolder(folder: checklists).message])
                : WorkshopProblem(diagnostics: problems)
        }
        checklist = found
        run = CheckRun(catalog: catalog, loadAssessment: { [catalog] path throws(InvalidInputError) in try AssessmentFiles.load(path: path, checklists: catalog) })
        requirements = Dictionary(found.requirements.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for key in folder.recordKeys() where DataFolder.isKey(key) {
            do {
                cells.append(try AssessmentCell.open(key: key, folder: folder, historyLimit: historyLimit))
            } catch {
                logger.error("cannot open assessment \(key): \(error)")
            }
        }
    }

    var todayDay: Day { today() }

    /// Every assessment, in the order they were added.
    var all: [AssessmentCell] {
        lock.lock()
        defer { lock.unlock() }
        return cells
    }

    /// The assessment a private link opens, comparing the secret with every link in constant
    /// time (no early exit), or nil.
    func cell(link: String) -> AssessmentCell? {
        let candidates = all
        var match: AssessmentCell?
        for cell in candidates where Secrets.constantTimeEquals(cell.link, link) { match = cell }
        return match
    }

    /// The assessment with this key (trainer pages), or nil.
    func cell(key: String) -> AssessmentCell? {
        all.first { $0.key == key }
    }

    /// Adds a cooperative's self-assessment: a blank workbook for its products and activities.
    func addCooperative(_ cooperative: Cooperative) throws -> AssessmentCell {
        adding.lock()
        defer { adding.unlock() }
        var cooperative = cooperative
        if cooperative.id.isEmpty { cooperative.id = nextCooperativeID() }
        var problems: [Message] = []
        if cooperative.products.isEmpty { problems.append(WorkbookMessage.noProduct.message) }
        for product in cooperative.products where checklist.term(product, kind: .product) == nil {
            problems.append(ModelMessage.unknownProduct(typed: product).message)
        }
        for activity in cooperative.activities where checklist.term(activity, kind: .activity) == nil {
            problems.append(ModelMessage.unknownActivity(typed: activity).message)
        }
        if !WorkbookProfile.isCooperativeID(cooperative.id) {
            problems.append(WorkbookMessage.cooperativeIDNotAnID(value: cooperative.id).message)
        }
        if !problems.isEmpty { throw WorkshopProblem(messages: problems) }
        let profile = WorkbookProfile(cooperative: cooperative, date: today(), kind: .selfAssessment)
        if all.contains(where: { $0.cooperative.id == cooperative.id && $0.kind == .selfAssessment }) {
            throw WorkshopProblem(messages: [ServerMessage.cooperativeAlreadyInWorkshop(id: cooperative.id).message])
        }
        let xml = WorkbookTemplate(checklist: checklist, profile: profile).xml()
        return try add(xml: Array(xml.utf8), key: uniqueKey(cooperative.id + "-self"), follows: nil)
    }

    /// Adds an inspection of the cooperative of `cell`: a blank visit for the same profile.
    func addInspection(following cell: AssessmentCell) throws -> AssessmentCell {
        adding.lock()
        defer { adding.unlock() }
        let profile = WorkbookProfile(cooperative: cell.cooperative, date: today(), kind: .inspection)
        let xml = WorkbookTemplate(checklist: checklist, profile: profile).xml()
        return try add(xml: Array(xml.utf8), key: uniqueKey(cell.cooperative.id + "-inspection"), follows: cell.key)
    }

    /// Adds an existing assessment (XML, or a filled CSV workbook) of the workshop's checklist.
    /// - Parameter name: the uploaded file's name, for messages and to tell CSV from XML.
    func addExisting(bytes: [UInt8], name: String) throws -> AssessmentCell {
        adding.lock()
        defer { adding.unlock() }
        let xml: [UInt8]
        let assessment: Assessment
        do {
            if AssessmentFiles.isWorkbook(name) {
                let imported = try WorkbookImporter.load(bytes: bytes, path: name, checklists: catalog)
                xml = Array(imported.xml.utf8)
                assessment = imported.assessment.value
            } else {
                assessment = try AssessmentLoader.loadCarefully(bytes: bytes, path: name).value
                xml = bytes
            }
        } catch {
            throw WorkshopProblem(diagnostics: error.errors)
        }
        guard assessment.checklistID == checklist.id else {
            throw WorkshopProblem(messages: [ServerMessage.assessmentForAnotherChecklist(name: name, assessment: assessment.checklistID, checklist: checklist.id).message])
        }
        if let mismatch = AssessmentCheck.mismatch(assessment, checklist) {
            throw WorkshopProblem(diagnostics: [mismatch])
        }
        let follows = assessment.kind == .inspection
            ? all.first { $0.cooperative.id == assessment.cooperative.id && $0.kind == .selfAssessment }?.key : nil
        return try add(xml: xml, key: uniqueKey(assessment.cooperative.id + "-" + assessment.kind.rawValue), follows: follows)
    }

    private func add(xml: [UInt8], key: String, follows: String?) throws -> AssessmentCell {
        let cell: AssessmentCell
        do {
            cell = try AssessmentCell.create(key: key, link: Secrets.token(), follows: follows, xml: xml, folder: folder, historyLimit: historyLimit)
        } catch let error as InvalidInputError {
            throw WorkshopProblem(diagnostics: error.errors)
        }
        lock.lock()
        cells.append(cell)
        lock.unlock()
        return cell
    }

    /// `base`, or `base-2`, `base-3`… : the first key no assessment has.
    private func uniqueKey(_ base: String) -> String {
        let taken = Set(all.map(\.key))
        var key = base
        var number = 2
        while taken.contains(key) || FileManager.default.fileExists(atPath: folder.record(key)) {
            key = "\(base)-\(number)"
            number += 1
        }
        return key
    }

    /// `COOP-0001`, `COOP-0002`…: the first number no cooperative of the workshop has.
    private func nextCooperativeID() -> String {
        let taken = Set(all.map(\.cooperative.id))
        var number = taken.count + 1
        while true {
            let digits = String(number)
            let id = "COOP-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
            if !taken.contains(id) { return id }
            number += 1
        }
    }
}
