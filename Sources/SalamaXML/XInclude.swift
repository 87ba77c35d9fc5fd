internal import CLibXML2
import Foundation

/// Resolves `xi:include` with libxml2's XInclude, confined to one folder tree.
///
/// Every include, at any depth, is checked first: the target must be a relative path to an
/// XML file inside the folder (no URL, no absolute path, no `..` escaping it, no symbolic link
/// leading out), parse as XML, hold no document type declaration and form no cycle. Only then
/// does libxml2 include the files, through a loader that refuses anything outside the folder.
public enum XInclude {
    public static let namespaces: Set<String> = ["http://www.w3.org/2001/XInclude", "http://www.w3.org/2003/XInclude"]
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
            throw InvalidInputError(.error(at: .file(folder), "cannot resolve the checklist folder"))
        }
        var diagnostics: [Diagnostic] = []
        guard let top = document.root else { return }
        let topReal = IncludePolicy.realPath(document.path) ?? document.path
        var budget = IncludeBudget()
        let found = check(top, displayPath: document.path, stack: [topReal], root: root, budget: &budget, diagnostics: &diagnostics)
        guard !diagnostics.containsErrors else { throw InvalidInputError(diagnostics.sortedForDisplay()) }
        guard found else { return }

        let session = ParserSession(path: document.path, confinementRoot: root)
        session.locate = { document.location(of: $0) }
        let options = XMLParser.options | Int32(XML_PARSE_NOXINCNODE.rawValue)
        let result = session.capturingErrors {
            xmlXIncludeProcessFlagsData(document.pointer, options, session.opaque)
        }
        if result < 0 || session.diagnostics.containsErrors {
            var all = session.diagnostics
            if !all.containsErrors { all.append(.error(at: .file(document.path), "the modules could not be included")) }
            throw InvalidInputError(all.sortedForDisplay())
        }
    }

    /// Checks the includes under `element`; returns whether there was any.
    private static func check(_ element: XMLElement, displayPath: String, stack: [String], root: String,
                              budget: inout IncludeBudget, diagnostics: inout [Diagnostic]) -> Bool {
        var found = false
        for child in element.children {
            if let namespace = child.namespaceURI, namespaces.contains(namespace), child.name == "include" {
                found = true
                checkInclude(child, displayPath: displayPath, stack: stack, root: root, budget: &budget, diagnostics: &diagnostics)
            } else if check(child, displayPath: displayPath, stack: stack, root: root, budget: &budget, diagnostics: &diagnostics) {
                found = true
            }
        }
        return found
    }

    private static func checkInclude(_ include: XMLElement, displayPath: String, stack: [String], root: String,
                                     budget: inout IncludeBudget, diagnostics: inout [Diagnostic]) {
        let here = include.location
        func refuse(_ message: String) { diagnostics.append(.error(at: here, message)) }

        guard let href = include.attribute("href"), !href.isEmpty else {
            return refuse("xi:include needs an href naming a module file")
        }
        if let parse = include.attribute("parse"), parse != "xml" {
            return refuse("xi:include of '\(href)' with parse=\"\(parse)\": only XML modules may be included")
        }
        if include.attribute("xpointer") != nil || href.contains("#") {
            return refuse("xi:include of '\(href)': fragments and xpointer are not supported; include a whole module file")
        }
        if IncludePolicy.hasScheme(href) {
            return refuse("xi:include of '\(href)' is refused: only files inside the checklist's folder may be included, never a URL")
        }
        if href.hasPrefix("/") || href.hasPrefix("\\") {
            return refuse("xi:include of '\(href)' is refused: absolute paths are not allowed; name the module relative to the including file")
        }
        // href is a URI reference: libxml2 decodes its escapes (`%20`) when it loads the
        // module, so the file checked here must be the decoded one too.
        let reference = href.removingPercentEncoding ?? href
        let directory = (stack.last! as NSString).deletingLastPathComponent
        let target = (directory as NSString).appendingPathComponent(reference)
        let normalized = (target as NSString).standardizingPath
        if !IncludePolicy.isInside(normalized, root: root) {
            return refuse("xi:include of '\(href)' is refused: it leads outside the checklist's folder")
        }
        guard let real = IncludePolicy.realPath(normalized) else {
            return refuse("xi:include of '\(href)': no such file")
        }
        if !IncludePolicy.isInside(real, root: root) {
            return refuse("xi:include of '\(href)' is refused: it leads outside the checklist's folder")
        }
        if stack.contains(real) {
            return refuse("xi:include of '\(href)' forms a cycle: the module includes itself")
        }
        if stack.count > maximumDepth {
            return refuse("xi:include of '\(href)': modules nest more than \(maximumDepth) levels deep")
        }
        // Each inclusion copies the module into the checklist: bound their number and size.
        budget.inclusions += 1
        if budget.inclusions > maximumInclusions {
            if !budget.exhausted { refuse("xi:include of '\(href)': more than \(maximumInclusions) inclusions in all (counting each module as often as it is included)") }
            budget.exhausted = true
            return
        }
        let moduleDisplay = IncludePolicy.join(displayPath, reference)
        do {
            let module = try XMLParser.parse(file: moduleDisplay)
            budget.bytes += module.bytes.count
            if budget.bytes > XMLParser.maximumFileSize {
                if !budget.exhausted { refuse("xi:include of '\(href)': the included modules add up to more than \(XMLParser.maximumFileSize) bytes (counting each module as often as it is included)") }
                budget.exhausted = true
                return
            }
            if let moduleRoot = module.root {
                _ = check(moduleRoot, displayPath: moduleDisplay, stack: stack + [real], root: root, budget: &budget, diagnostics: &diagnostics)
            }
        } catch {
            diagnostics.append(contentsOf: error.diagnostics)
        }
    }
}

/// What the inclusions of one checklist have used so far (see `XInclude.maximumInclusions`).
struct IncludeBudget {
    var inclusions = 0
    var bytes = 0
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

    /// The local file a libxml2 URL names, or nil for a non-file URL.
    static func localPath(of url: String) -> String? {
        if url.hasPrefix("file://") { return LibXML2Message.displayPath(url) }
        if hasScheme(url) { return nil }
        return LibXML2Message.displayPath(url)
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
