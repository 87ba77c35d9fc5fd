internal import CLibXML2
import Foundation

/// Resolves `xi:include`, confined to one folder tree.
///
/// Every include, at any depth, is checked: the target must be a relative path to an XML file
/// inside the folder (no URL, no absolute path, no `..` escaping it, no symbolic link leading
/// out, no author's `xml:base` above the include), parse as XML, hold no document type
/// declaration and form no cycle. Each module is
/// parsed once, by the same strict parser as the checklist, and its root copied in place of
/// the include with an `xml:base` naming the module, as XInclude 1.0 says; libxml2's own
/// XInclude would parse every module a second time and loses the columns of its elements.
public enum XInclude {
    static let namespaceLiterals: [StaticString] = ["http://www.w3.org/2001/XInclude", "http://www.w3.org/2003/XInclude"]
    static let maximumDepth = 16
    /// Inclusions in all, counting a module each time it is included: a module that includes
    /// another ten times, which includes another ten times… would otherwise multiply the
    /// document (an inclusion bomb). The bundled checklist has 16.
    static let maximumInclusions = 256

    /// Replaces every `xi:include` of `document` by the root of the module it names.
    /// - Parameter folder: the folder tree the modules must stay inside (the checklist's folder).
    /// - Throws: `InvalidInputError` with every refused or broken include, located at the
    ///   `xi:include` element in the file that holds it.
    public static func resolve(in document: XMLDocument, confinedTo folder: String) throws(InvalidInputError) {
        XMLLibrary.initialize()
        guard let root = IncludePolicy.realPath(folder) else {
            throw InvalidInputError(.error(at: .file(folder), XMLMessage.checklistFolderUnresolved))
        }
        var diagnostics: [Diagnostic] = []
        guard let top = document.root else { return }
        let topReal = IncludePolicy.realPath(document.path) ?? document.path
        var budget = IncludeBudget(elements: document.elementCount)
        var inclusions: [Inclusion] = []
        check(top.node, in: document, displayPath: document.path, stack: [topReal], root: root, budget: &budget,
              inclusions: &inclusions, diagnostics: &diagnostics)
        guard !diagnostics.containsErrors else { throw InvalidInputError(diagnostics.sortedForDisplay()) }
        for inclusion in inclusions {
            guard inclusion.substitute() else {
                throw InvalidInputError(.error(at: inclusion.include.location, XMLMessage.includeOutOfMemory(href: inclusion.base)))
            }
        }
    }

    /// Checks the includes of one file (under `node`), adding each to `inclusions` with its
    /// module's own includes already substituted. First the path rules of every include, then
    /// the modules that passed are parsed on every core (as many as the budget has room for),
    /// then each is counted against the budget and its own includes checked, in document order.
    private static func check(_ node: xmlNodePtr, in document: XMLDocument, displayPath: String, stack: [String], root: String,
                              budget: inout IncludeBudget, inclusions: inout [Inclusion], diagnostics: inout [Diagnostic]) {
        var found: [XMLElement] = []
        collectIncludes(under: node, in: document, file: displayPath, into: &found)
        let targets = found.compactMap {
            target(of: $0, displayPath: displayPath, stack: stack, root: root, diagnostics: &diagnostics)
        }
        var modules = parseAhead(targets, budget: budget)
        for (index, target) in targets.enumerated() {
            let module = modules[index].take() ?? Result { () throws(InvalidInputError) in try XMLParser.parse(file: target.moduleDisplay) }
            if let inclusion = include(target, module: module, stack: stack, root: root, budget: &budget, diagnostics: &diagnostics) {
                inclusions.append(inclusion)
            }
        }
    }

    /// The `xi:include` elements under `node`, in document order. The tree is walked through
    /// libxml2's nodes: a module's thousands of elements need no Swift value each.
    private static func collectIncludes(under node: xmlNodePtr, in document: XMLDocument, file: String, into found: inout [XMLElement]) {
        var child = node.pointee.children
        while let current = child {
            child = current.pointee.next
            guard current.pointee.type == XML_ELEMENT_NODE else { continue }
            if isInclude(current) {
                found.append(XMLElement(document: document, node: current, file: file))
            } else {
                collectIncludes(under: current, in: document, file: file, into: &found)
            }
        }
    }

    /// Whether `node` is an `xi:include`, in either XInclude namespace.
    private static func isInclude(_ node: xmlNodePtr) -> Bool {
        guard XMLName.equals(node.pointee.name, "include"), let href = node.pointee.ns?.pointee.href else { return false }
        return namespaceLiterals.contains { XMLName.equals(href, $0) }
    }

    /// An include whose href passed the path rules, and the module it names.
    struct Target {
        let include: XMLElement
        let href: String
        /// The module's real path (symbolic links resolved) and its path for people.
        let real: String
        let moduleDisplay: String
        /// Where the include stands, in the file that holds it.
        let location: SourceLocation
    }

    /// Applies the path rules to an include: the module it names, or nil (with an error) when
    /// the include is refused.
    private static func target(of include: XMLElement, displayPath: String, stack: [String], root: String,
                               diagnostics: inout [Diagnostic]) -> Target? {
        // In the file that holds the include, whatever an author's xml:base says.
        let written = include.location
        let here = SourceLocation(file: displayPath, line: written.line, column: written.column)
        func refuse(_ message: XMLMessage) -> Target? {
            diagnostics.append(.error(at: here, message))
            return nil
        }

        guard let href = include.attribute("href"), !href.isEmpty else {
            return refuse(.includeWithoutHref)
        }
        if let parse = include.attribute("parse"), parse != "xml" {
            return refuse(.includeNotXML(href: href, parse: parse))
        }
        if include.attribute("xpointer") != nil || href.contains("#") {
            return refuse(.includeFragment(href: href))
        }
        if IncludePolicy.hasScheme(href) {
            return refuse(.includeURL(href: href))
        }
        guard let uri = xmlParseURI(href) else {
            return refuse(.includeInvalidURI(href: href))
        }
        xmlFreeURI(uri)
        if href.hasPrefix("/") || href.hasPrefix("\\") {
            return refuse(.includeAbsolutePath(href: href))
        }
        // XInclude resolves href against the include's base URI; modules are named relative to
        // the file that includes them, so an author's xml:base above the include is refused
        // rather than followed out of the folder or silently ignored.
        if include.hasAuthorBase {
            return refuse(.includeUnderXMLBase(href: href))
        }
        // href is a URI reference: its escapes (`%20`) name the file's characters.
        let reference = href.removingPercentEncoding ?? href
        let directory = (stack.last! as NSString).deletingLastPathComponent
        let normalized = ((directory as NSString).appendingPathComponent(reference) as NSString).standardizingPath
        if !IncludePolicy.isInside(normalized, root: root) {
            return refuse(.includeOutsideFolder(href: href))
        }
        guard let real = IncludePolicy.realPath(normalized) else {
            return refuse(.includeNoSuchFile(href: href))
        }
        if !IncludePolicy.isInside(real, root: root) {
            return refuse(.includeOutsideFolder(href: href))
        }
        if stack.contains(real) {
            return refuse(.includeCycle(href: href))
        }
        if stack.count > maximumDepth {
            return refuse(.includeTooDeep(href: href, limit: maximumDepth))
        }
        return Target(include: include, href: href, real: real, moduleDisplay: IncludePolicy.join(displayPath, reference), location: here)
    }

    /// Parses, on every core, the modules of the first targets that the budget has room for
    /// (by count and by the files' sizes); the others are left to be parsed in turn, if ever.
    private static func parseAhead(_ targets: [Target], budget: IncludeBudget) -> [Result<XMLDocument, InvalidInputError>?] {
        var count = 0, bytes = budget.bytes
        while count < targets.count && budget.inclusions + count < maximumInclusions {
            var status = stat()
            guard stat(targets[count].real, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { break }
            bytes += Int(status.st_size)
            guard bytes <= XMLParser.maximumFileSize else { break }
            count += 1
        }
        let parsed = ParsedModules(count: targets.count)
        guard count > 1 else { return parsed.results }
        let paths = targets.prefix(count).map(\.moduleDisplay)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            parsed.store(index, Result { () throws(InvalidInputError) in try XMLParser.parse(file: paths[index]) })
        }
        return parsed.results
    }

    /// Counts a target against the budget and checks its module's own includes: the inclusion,
    /// or nil (with errors) when it cannot be made.
    private static func include(_ target: Target, module parsed: Result<XMLDocument, InvalidInputError>, stack: [String], root: String,
                                budget: inout IncludeBudget, diagnostics: inout [Diagnostic]) -> Inclusion? {
        let href = target.href
        func refuse(_ message: XMLMessage) -> Inclusion? {
            diagnostics.append(.error(at: target.location, message))
            return nil
        }
        // Each inclusion copies the module into the checklist: bound their number and size.
        budget.inclusions += 1
        if budget.inclusions > maximumInclusions {
            if !budget.exhausted { _ = refuse(.includeTooMany(href: href, limit: maximumInclusions)) }
            budget.exhausted = true
            return nil
        }
        let module: XMLDocument
        switch parsed {
        case .success(let document): module = document
        case .failure(let error):
            diagnostics.append(contentsOf: error.diagnostics)
            return nil
        }
        budget.bytes += module.bytes.count
        if budget.bytes > XMLParser.maximumFileSize {
            if !budget.exhausted { _ = refuse(.includeTooLarge(href: href, limit: XMLParser.maximumFileSize)) }
            budget.exhausted = true
            return nil
        }
        budget.elements += module.elementCount
        if budget.elements > MarkupLimits.maximumElements {
            if !budget.exhausted { _ = refuse(.includeTooManyElements(href: href, limit: MarkupLimits.maximumElements)) }
            budget.exhausted = true
            return nil
        }
        guard let moduleRoot = module.root else { return nil }
        var nested: [Inclusion] = []
        let errorsBefore = diagnostics.count { $0.isError }
        check(moduleRoot.node, in: module, displayPath: target.moduleDisplay, stack: stack + [target.real], root: root, budget: &budget,
              inclusions: &nested, diagnostics: &diagnostics)
        // A module with a refused include is never copied: the whole resolution fails.
        guard diagnostics.count(where: { $0.isError }) == errorsBefore else { return nil }
        for inclusion in nested where !inclusion.substitute() {
            return refuse(.includeOutOfMemory(href: href))
        }
        return Inclusion(include: target.include, module: module, base: IncludePolicy.join("", href))
    }
}

/// Modules parsed by several threads, each storing its own.
private final class ParsedModules: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var results: [Result<XMLDocument, InvalidInputError>?]

    init(count: Int) {
        results = Array(repeating: nil, count: count)
    }

    func store(_ index: Int, _ result: Result<XMLDocument, InvalidInputError>) {
        lock.lock()
        defer { lock.unlock() }
        results[index] = result
    }
}

/// An include that passed every check, with its module parsed.
struct Inclusion {
    let include: XMLElement
    let module: XMLDocument
    /// The `xml:base` of the copied root: the href, relative to the including file.
    let base: String

    /// Replaces the include by a copy of the module's root; false when out of memory.
    func substitute() -> Bool {
        guard let moduleRoot = xmlDocGetRootElement(module.pointer),
              let copy = xmlDocCopyNode(moduleRoot, include.document.pointer, 1) else { return false }
        copyStartTagPositions(from: moduleRoot, to: copy)
        xmlNodeSetBase(copy, base)
        xmlReplaceNode(include.node, copy)
        xmlFreeNode(include.node)
        return true
    }

    /// The copy keeps the line of each element but not the exact start tag position the parser
    /// recorded (see `StartTagPosition`): carry them over, walking both trees in step.
    private func copyStartTagPositions(from original: xmlNodePtr, to copy: xmlNodePtr) {
        copy.pointee._private = original.pointee._private
        var source = original.pointee.children
        var target = copy.pointee.children
        while let from = source, let to = target {
            if from.pointee.type == XML_ELEMENT_NODE { copyStartTagPositions(from: from, to: to) }
            source = from.pointee.next
            target = to.pointee.next
        }
    }
}

/// What the inclusions of one checklist have used so far (see `XInclude.maximumInclusions`).
struct IncludeBudget {
    var inclusions = 0
    var bytes = 0
    /// Elements of the checklist and the modules included so far.
    var elements: Int
    /// Set once the budget is spent, so that it is reported once.
    var exhausted = false
}

/// Path rules shared by the include checks and libxml2's loader.
enum IncludePolicy {
    /// True for `http:`, `file:`, `ftp:` and any other URI scheme.
    static func hasScheme(_ reference: String) -> Bool {
        guard let colon = reference.firstIndex(of: ":") else { return false }
        let scheme = reference[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func isInside(_ path: String, root: String) -> Bool {
        let absolute = path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
        let standardized = (absolute as NSString).standardizingPath
        return standardized.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    /// `reference` resolved against the folder of `path`, as a display path.
    static func join(_ path: String, _ reference: String) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        var parts: [String] = directory.isEmpty ? [] : directory.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for component in reference.split(separator: "/") {
            switch component {
            case ".": continue
            case "..":
                if let last = parts.last, last != "..", !last.isEmpty { parts.removeLast() } else { parts.append("..") }
            default: parts.append(String(component))
            }
        }
        return parts.joined(separator: "/")
    }
}
