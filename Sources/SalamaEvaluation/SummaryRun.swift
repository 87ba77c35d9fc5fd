public import SalamaModel
public import SalamaXML
import Foundation

/// How `salama summary --by` breaks the aggregate down.
public enum SummaryGrouping: String, Sendable, CaseIterable {
    case province
    case product

    func keys(of cooperative: Cooperative) -> [String] {
        switch self {
        case .province: [cooperative.province]
        case .product: cooperative.products
        }
    }
}

/// A file the summary skipped, with why.
public struct InvalidFile: Sendable, Hashable {
    public var file: String
    public var diagnostics: [Diagnostic]

    /// The first error, as printed: `FILE:LINE:COLUMN: error: …`.
    public var error: String { (diagnostics.first(where: \.isError) ?? diagnostics.first)?.description ?? "\(file): error: invalid" }
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
        var files: [String] = []
        for path in paths {
            var status = stat()
            guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
                files.append(path)
                continue
            }
            var folder = path
            while folder.count > 1 && folder.hasSuffix("/") { folder.removeLast() }
            var found: [String] = []
            collect(in: folder == "/" ? "" : folder, into: &found)
            files += found.sorted()
        }
        return files
    }

    /// Adds the assessment files of a folder and its subfolders. Read with readdir: the entry's
    /// type comes with its name, so a folder of thousands of files costs no call per file.
    private static func collect(in folder: String, into found: inout [String]) {
        guard let directory = opendir(folder.isEmpty ? "/" : folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.baseAddress!.assumingMemoryBound(to: CChar.self)) }
            if name.hasPrefix(".") { continue }
            let full = folder + "/" + name
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) {
                var status = stat()
                guard lstat(full, &status) == 0 else { continue }
                type = status.st_mode & S_IFMT == S_IFDIR ? UInt8(DT_DIR) : UInt8(DT_REG)
            }
            if type == UInt8(DT_DIR) {
                collect(in: full, into: &found)
                continue
            }
            let lower = name.lowercased()
            guard lower.hasSuffix(".xml") || lower.hasSuffix(".csv") else { continue }
            if type == UInt8(DT_LNK) {
                // A link to a folder is not followed, nor taken for a file.
                var status = stat()
                if stat(full, &status) == 0, status.st_mode & S_IFMT == S_IFDIR { continue }
            }
            found.append(full)
        }
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
                case .success(let (assessed, verdicts)):
                    partial.keepLatest(Latest(assessed: assessed, verdicts: verdicts, files: 1))
                case .failure(let error):
                    partial.invalid.append((index, InvalidFile(file: files[index], diagnostics: error.diagnostics)))
                }
            }
            partials.store(worker, partial)
        }

        var merged = WorkerResults.Partial()
        for partial in partials.all {
            for latest in partial.latest.values { merged.keepLatest(latest) }
            merged.superseded += partial.superseded
            merged.invalid += partial.invalid
        }
        // Counted in one thread, in id order, so that nothing depends on the workers' timing.
        let cooperatives = merged.latest.values.sorted { $0.assessed.cooperative.id.utf8.lexicographicallyPrecedes($1.assessed.cooperative.id.utf8) }
        var total = SummaryAccumulator(checklist: checklist)
        var groups: [String: (accumulator: SummaryAccumulator, files: Int)] = [:]
        for latest in cooperatives {
            total.add(latest.verdicts, of: latest.assessed)
            guard let grouping else { continue }
            for key in Set(grouping.keys(of: latest.assessed.cooperative)) {
                groups[key, default: (SummaryAccumulator(checklist: checklist), 0)].accumulator.add(latest.verdicts, of: latest.assessed)
                groups[key]!.files += latest.files
            }
        }
        total.setAssessmentFiles(cooperatives.reduce(0) { $0 + $1.files })
        return SummaryReport(
            summary: total.summary,
            invalid: merged.invalid.sorted { $0.0 < $1.0 }.map(\.1),
            superseded: merged.superseded.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) },
            grouping: grouping,
            groups: groups.keys.sorted().map { key in
                var accumulator = groups[key]!.accumulator
                accumulator.setAssessmentFiles(groups[key]!.files)
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
        throw firstProblem ?? InvalidInputError(.error(at: .file(files.first ?? "."), "no valid assessment names a checklist that could be found"))
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
    var assessed: AssessedCooperative
    var verdicts: Verdicts
    var files: Int
}

/// Each worker's results, written once by that worker.
private final class WorkerResults: @unchecked Sendable {
    struct Partial {
        /// By cooperative id: only the latest assessment's verdicts are kept, so memory grows
        /// with cooperatives, not files.
        var latest: [String: Latest] = [:]
        var superseded: [String] = []
        var invalid: [(Int, InvalidFile)] = []

        mutating func keepLatest(_ candidate: Latest) {
            let id = candidate.assessed.cooperative.id
            guard let kept = latest[id] else {
                latest[id] = candidate
                return
            }
            var winner = candidate.assessed.supersedes(kept.assessed) ? candidate : kept
            superseded.append(winner.assessed.path == candidate.assessed.path ? kept.assessed.path : candidate.assessed.path)
            winner.files = kept.files + candidate.files
            latest[id] = winner
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

    var all: [Partial] {
        lock.lock()
        defer { lock.unlock() }
        return partials.compactMap { $0 }
    }
}
