public import SalamaXML
import Foundation

/// Where assessments find their checklist: one given file, or the checklists of a folder,
/// found by their `id`. Each checklist is loaded once and kept.
public final class ChecklistCatalog: @unchecked Sendable {
    public enum Source: Sendable, Hashable {
        /// Use this checklist for every assessment.
        case file(String)
        /// Find each assessment's checklist by id among the `*.xml` files of this folder.
        case directory(String)
    }

    public let source: Source
    /// Said after "checklist folder not found": how to name another folder.
    public let missingFolderHint: Message?
    private let lock = NSLock()
    private var loaded: [String: Result<Loaded<Checklist>, InvalidInputError>] = [:]
    private var pathsByID: [String: String]?
    /// Ids that more than one file of the folder declares, with every such file.
    private var duplicatePaths: [String: [String]] = [:]

    /// - Parameter missingFolderHint: a sentence added to the error when the folder does not
    ///   exist, telling how to name another one.
    public init(_ source: Source, missingFolderHint: Message? = nil) {
        self.source = source
        self.missingFolderHint = missingFolderHint
    }

    /// A catalog of one checklist already loaded: it is not read again.
    public convenience init(preloaded checklist: Loaded<Checklist>) {
        self.init(.file(checklist.value.path))
        loaded[checklist.value.path] = .success(checklist)
    }

    /// The checklist an assessment names, loaded.
    /// - Throws: `InvalidInputError` when the checklist cannot be found or is invalid.
    public func checklist(for id: String) throws(InvalidInputError) -> Loaded<Checklist> {
        let path: String
        switch source {
        case .file(let file):
            path = file
        case .directory(let folder):
            guard let found = try self.path(for: id, in: folder) else {
                throw InvalidInputError(.error(at: .file(folder), ModelMessage.noChecklistWithID(id: id)))
            }
            path = found
        }
        return try load(path)
    }

    /// Where the checklist an assessment names would be read from, or nil when the folder
    /// holds none with that id (a given file is always where it would be read from).
    /// - Throws: `InvalidInputError` when several files of the folder declare that id.
    public func location(of id: String) throws(InvalidInputError) -> String? {
        switch source {
        case .file(let file): return file
        case .directory(let folder):
            do {
                return try path(for: id, in: folder)
            } catch where duplicates(of: id) == nil {
                return nil
            }
        }
    }

    private func duplicates(of id: String) -> [String]? {
        lock.lock()
        defer { lock.unlock() }
        return duplicatePaths[id]
    }

    /// Loads the checklist at `path` once.
    public func load(_ path: String) throws(InvalidInputError) -> Loaded<Checklist> {
        lock.lock()
        defer { lock.unlock() }
        if let cached = loaded[path] { return try cached.get() }
        let result: Result<Loaded<Checklist>, InvalidInputError>
        do {
            result = .success(try ChecklistLoader.load(path: path))
        } catch {
            result = .failure(error)
        }
        loaded[path] = result
        return try result.get()
    }

    private func path(for id: String, in folder: String) throws(InvalidInputError) -> String? {
        lock.lock()
        defer { lock.unlock() }
        if pathsByID == nil {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw InvalidInputError(.error(at: .file(folder), missingFolderHint.map { ModelMessage.checklistFolderNotFoundHint(hint: $0) } ?? .checklistFolderNotFound))
            }
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".xml") }.sorted()
            var index: [String: String] = [:]
            for name in names {
                let path = (folder as NSString).appendingPathComponent(name)
                guard let document = try? XMLParser.parse(file: path), let root = document.root,
                      root.name == "checklist", root.namespaceURI == ChecklistLoader.namespace,
                      let checklistID = root.attribute("id") else { continue }
                if let first = index[checklistID] {
                    duplicatePaths[checklistID, default: [first]].append(path)
                } else {
                    index[checklistID] = path
                }
            }
            pathsByID = index
        }
        if let paths = duplicatePaths[id] {
            // Picking one by file name would evaluate against a checklist nobody chose.
            throw InvalidInputError(.error(at: .file(folder), ModelMessage.sameChecklistID(count: paths.count, id: id, paths: paths.map { "'\($0)'" })))
        }
        return pathsByID?[id]
    }
}
