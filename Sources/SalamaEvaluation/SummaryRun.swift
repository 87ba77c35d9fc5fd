public import SalamaModel
public import SalamaXML
import Foundation

/// How `salama summary --by` breaks the aggregate down.
public enum SummaryGrouping: String, Sendable, CaseIterable {
    case province
    case product

    /// One spelling per value: Swift compares NFC and NFD spellings as equal, so without this the
    /// group would print whichever spelling a worker met first.
    static func key(_ value: String) -> String {
        value.precomposedStringWithCanonicalMapping
    }

    func keys(of cooperative: Cooperative) -> [String] {
        switch self {
        case .province: [Self.key(cooperative.province)]
        case .product: cooperative.products.map(Self.key)
        }
    }
}

/// A file the summary skipped, with why.
public struct InvalidFile: Sendable, Hashable {
    public var file: String
    public var diagnostics: [Diagnostic]

    /// The first error, as printed: `FILE:LINE:COLUMN: error: …`.
    public var error: String { error(in: .en) }

    /// The first error, its message in `language`.
    public func error(in language: Language) -> String {
        let first = diagnostics.first(where: \.isError) ?? diagnostics.first ?? .error(at: .file(file), ModelMessage.invalidAssessment)
        return first.description(in: language)
    }
}

/// The files a summary reads, and the entries of its folders it cannot read.
public struct SummaryListing: Sendable {
    public var files: [String] = []
    public var skipped: [InvalidFile] = []
}

/// The result of `salama summary`.
public struct SummaryReport: Sendable {
    public var summary: Summary
    public var invalid: [InvalidFile]
    /// Valid assessments not counted because a later one of the same cooperative is (byte order).
    public var superseded: [String]
    public var grouping: SummaryGrouping?
    /// The same aggregate per group value (province or product), sorted by value.
    public var groups: [(value: String, summary: Summary)]
}

/// Evaluates every assessment under some paths and aggregates them, on every core, holding
/// one document per worker at a time: memory stays flat however many files there are.
public struct SummaryRun: Sendable {
    public let catalog: ChecklistCatalog
    public let grouping: SummaryGrouping?
    let loadAssessment: CheckRun.AssessmentLoading

    public init(catalog: ChecklistCatalog, grouping: SummaryGrouping? = nil,
                loadAssessment: @escaping CheckRun.AssessmentLoading = { path throws(InvalidInputError) in try AssessmentLoader.load(path: path) }) {
        self.catalog = catalog
        self.grouping = grouping
        self.loadAssessment = loadAssessment
    }

    /// The assessment files under `paths`: files as given, folders recursively (`.xml` and
    /// `.csv` files, hidden ones skipped), each folder's files in name order.
    public static func files(under paths: [String]) -> [String] {
        listing(under: paths).files
    }

    /// What a summary reads under `paths`, and what it cannot: files as given, folders
    /// recursively (`.xml` and `.csv` files, hidden ones skipped, each folder's files in name
    /// order). Each file is read once however many names, links or paths reach it (device and
    /// inode). In folders only regular files are read: a FIFO, device or socket (or a link to
    /// one, such as `/dev/stdin`) could block the run or read something else than a file, so it
    /// is listed as skipped, as is a folder that cannot be opened.
    public static func listing(under paths: [String]) -> SummaryListing {
        var listing = SummaryListing()
        var seen = Set<FileIdentity>()
        for path in paths {
            var status = stat()
            guard FileSystemName.withSystemPath(path, { stat($0, &status) }) == 0, status.st_mode & S_IFMT == S_IFDIR else {
                // A file named on the command line is read as given (a pipe such as <(…) too).
                if FileIdentity(path: path).map({ seen.insert($0).inserted }) ?? true { listing.files.append(path) }
                continue
            }
            var folder = path
            while folder.count > 1 && folder.hasSuffix("/") { folder.removeLast() }
            var found: [(path: String, identity: FileIdentity)] = []
            var skipped: [InvalidFile] = []
            collect(in: folder == "/" ? "" : folder, into: &found, skipped: &skipped)
            // Sorted before the duplicates go, so the name kept does not depend on readdir's order.
            for file in found.sorted(by: { $0.path < $1.path }) where seen.insert(file.identity).inserted {
                listing.files.append(file.path)
            }
            listing.skipped += skipped.sorted { $0.file < $1.file }
        }
        return listing
    }

    /// Adds the assessment files of a folder and its subfolders. Read with readdir: the entry's
    /// type comes with its name, so only assessment files and links cost a stat.
    private static func collect(in folder: String, into found: inout [(path: String, identity: FileIdentity)], skipped: inout [InvalidFile]) {
        let shown = folder.isEmpty ? "/" : folder
        guard let directory = FileSystemName.withSystemPath(shown, { opendir($0) }) else {
            skipped.append(InvalidFile(file: shown, diagnostics: [.error(at: .file(shown), EvaluationMessage.cannotOpenFolder(reason: FileReader.reason(errno)))]))
            return
        }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                return FileSystemName.string(fromBytes: UnsafeBufferPointer(rebasing: bytes[..<(bytes.firstIndex(of: 0) ?? bytes.count)]))
            }
            if name.hasPrefix(".") { continue }
            let full = folder + "/" + name
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) {
                var status = stat()
                guard FileSystemName.withSystemPath(full, { lstat($0, &status) }) == 0 else { continue }
                type = status.st_mode & S_IFMT == S_IFDIR ? UInt8(DT_DIR) : status.st_mode & S_IFMT == S_IFLNK ? UInt8(DT_LNK) : UInt8(DT_REG)
            }
            if type == UInt8(DT_DIR) {
                collect(in: full, into: &found, skipped: &skipped)
                continue
            }
            let lower = name.lowercased()
            guard lower.hasSuffix(".xml") || lower.hasSuffix(".csv") else { continue }
            var status = stat()
            guard FileSystemName.withSystemPath(full, { stat($0, &status) }) == 0 else {
                skipped.append(InvalidFile(file: full, diagnostics: [.error(at: .file(full), XMLMessage.cannotReadFile(reason: FileReader.reason(errno)))]))
                continue
            }
            switch status.st_mode & S_IFMT {
            case S_IFREG:
                found.append((full, FileIdentity(status)))
            case S_IFDIR:
                continue // A link to a folder is not followed, nor taken for a file.
            default:
                skipped.append(InvalidFile(file: full, diagnostics: [.error(at: .file(full), EvaluationMessage.notARegularFile(kind: kind(of: status.st_mode)))]))
            }
        }
    }

    private static func kind(of mode: mode_t) -> EvaluationMessage {
        switch mode & S_IFMT {
        case S_IFIFO: .kindFIFO
        case S_IFCHR: .kindCharacterDevice
        case S_IFBLK: .kindBlockDevice
        case S_IFSOCK: .kindSocket
        default: .kindNotAFile
        }
    }

    /// Runs the summary over a listing: its skipped entries come first among the invalid files.
    public func run(_ listing: SummaryListing, workers: Int = ProcessInfo.processInfo.activeProcessorCount) throws(InvalidInputError) -> SummaryReport {
        var report = try run(files: listing.files, workers: workers)
        report.invalid = listing.skipped + report.invalid
        return report
    }

    /// Runs the summary over `files`.
    /// - Throws: `InvalidInputError` when no checklist can be settled on (none given and no
    ///   file names one that loads).
    public func run(files: [String], workers: Int = ProcessInfo.processInfo.activeProcessorCount) throws(InvalidInputError) -> SummaryReport {
        XMLLibrary.initialize()
        _ = Schemas.assessment
        let loaded = try settleChecklist(files)
        let checklist = loaded.value
        let run = CheckRun(catalog: ChecklistCatalog(preloaded: loaded), loadAssessment: loadAssessment)
        // Prepare the checklist's evaluator once, before the workers start.
        _ = run.evaluator(for: checklist)

        let workerCount = max(1, min(workers, files.count))
        let partials = WorkerResults(count: workerCount)
        let next = NextIndex()
        DispatchQueue.concurrentPerform(iterations: workerCount) { worker in
            var partial = WorkerResults.Partial()
            while let index = next.take(below: files.count) {
                switch run.verdicts(files[index]) {
                case .success(let (read, verdicts)):
                    // Where each product was written is for errors only: not kept for every cooperative.
                    var assessed = read
                    assessed.cooperative.productLocations = []
                    assessed.cooperative.activityLocations = []
                    let compact = CompactVerdicts(verdicts)
                    let required = verdicts.targets[compact.requiredIndex].outcome
                    partial.keepLatest(Latest(line: Summary.CooperativeLine(assessed: assessed, required: required), verdicts: compact, files: 1))
                case .failure(let error):
                    partial.invalid.append((index, InvalidFile(file: files[index], diagnostics: error.diagnostics)))
                }
            }
            partials.store(worker, partial)
        }

        var workerResults = partials.takeAll()
        var merged = workerResults.popLast() ?? WorkerResults.Partial()
        while var partial = workerResults.popLast() {
            while let latest = partial.latest.popLast() { merged.keepLatest(latest) }
            partial.positions = [:]
            merged.superseded += partial.superseded
            merged.invalid += partial.invalid
        }
        merged.positions = [:]
        // Counted in one thread once every file is read: the counts are sums, and the summary
        // sorts its cooperatives, so nothing depends on the workers' timing.
        var total = SummaryAccumulator(checklist: checklist)
        var groups: [String: (accumulator: SummaryAccumulator, files: Int)] = [:]
        var fileCount = 0
        total.reserveCooperatives(merged.latest.count)
        // Taken out one at a time, so that each cooperative's verdicts are released once counted.
        while let latest = merged.latest.popLast() {
            fileCount += latest.files
            total.add(latest.verdicts, line: latest.line)
            guard let grouping else { continue }
            for key in Set(grouping.keys(of: latest.line.assessed.cooperative)) {
                groups[key, default: (SummaryAccumulator(checklist: checklist), 0)].accumulator.add(latest.verdicts, line: latest.line)
                groups[key]!.files += latest.files
            }
        }
        total.setAssessmentFiles(fileCount)
        total.sortCooperatives()
        return SummaryReport(
            summary: total.summary,
            invalid: merged.invalid.sorted { $0.0 < $1.0 }.map(\.1),
            superseded: merged.superseded.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) },
            grouping: grouping,
            groups: groups.keys.sorted().map { key in
                var accumulator = groups[key]!.accumulator
                accumulator.setAssessmentFiles(groups[key]!.files)
                accumulator.sortCooperatives()
                return (key, accumulator.summary)
            })
    }

    /// The checklist of the summary: the one given, else the one the first loadable
    /// assessment names.
    private func settleChecklist(_ files: [String]) throws(InvalidInputError) -> Loaded<Checklist> {
        if case .file(let path) = catalog.source { return try catalog.load(path) }
        var firstProblem: InvalidInputError?
        for file in files {
            guard let assessment = try? loadAssessment(file) else { continue }
            do {
                return try catalog.checklist(for: assessment.value.checklistID)
            } catch {
                firstProblem = firstProblem ?? error
            }
        }
        throw firstProblem ?? InvalidInputError(.error(at: .file(files.first ?? "."), EvaluationMessage.noChecklistForSummary))
    }
}

/// Hands out file indexes to workers.
private final class NextIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < limit else { return nil }
        defer { next += 1 }
        return next
    }
}

/// A cooperative's latest assessment so far, and how many valid files of it were read.
private struct Latest {
    var line: Summary.CooperativeLine
    var verdicts: CompactVerdicts
    var files: Int
}

/// Each worker's results, written once by that worker.
private final class WorkerResults: @unchecked Sendable {
    struct Partial {
        /// One per cooperative: only the latest assessment's verdicts are kept, so memory grows
        /// with cooperatives, not files. An array, and a dictionary of positions by cooperative
        /// id: a dictionary of the values themselves would hold twice their size in empty slots.
        var latest: [Latest] = []
        var positions: [String: Int] = [:]
        var superseded: [String] = []
        var invalid: [(Int, InvalidFile)] = []

        mutating func keepLatest(_ candidate: Latest) {
            let id = candidate.line.assessed.cooperative.id
            guard let position = positions[id] else {
                positions[id] = latest.count
                latest.append(candidate)
                return
            }
            let kept = latest[position]
            var winner = candidate.line.assessed.supersedes(kept.line.assessed) ? candidate : kept
            superseded.append(winner.line.assessed.path == candidate.line.assessed.path ? kept.line.assessed.path : candidate.line.assessed.path)
            winner.files = kept.files + candidate.files
            latest[position] = winner
        }
    }

    private let lock = NSLock()
    private var partials: [Partial?]

    init(count: Int) {
        partials = Array(repeating: nil, count: count)
    }

    func store(_ worker: Int, _ partial: Partial) {
        lock.lock()
        defer { lock.unlock() }
        partials[worker] = partial
    }

    /// Every worker's results, handed over once: the workers' copies are released, so that
    /// each cooperative's verdicts are held once while they are merged.
    func takeAll() -> [Partial] {
        lock.lock()
        defer { lock.unlock() }
        let taken = partials.compactMap { $0 }
        partials = []
        return taken
    }
}
