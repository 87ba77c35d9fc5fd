import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SalamaTestSupport
import Testing

/// The assessments of `Samples/`, run as a user runs them: the table of `Samples/README.md`
/// says what `salama check` answers for each, and this suite holds the table to it.
@Suite("Samples")
struct SamplesTests {
    /// One line of the table of `Samples/README.md`.
    struct Row: Sendable, CustomTestStringConvertible {
        var file: String
        var cooperative: String
        var products: [String]
        var kind: String
        /// `target: verdict` pairs, in the table's order.
        var verdicts: [String]
        var required: String

        var testDescription: String { file }
    }

    static let readme = "Samples/README.md"

    /// The lines of the first table of the README whose header has the columns read here.
    static func table() throws -> [Row] {
        let text = try String(contentsOfFile: Fixtures.repositoryPath(readme), encoding: .utf8)
        var header: [String]? = nil
        var rows: [Row] = []
        for line in text.components(separatedBy: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("|") else {
                if header != nil, !rows.isEmpty { break }
                header = nil
                continue
            }
            let cells = trimmed.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "`", with: "") }
            guard let columns = header else {
                let names = cells.map { $0.lowercased() }
                if ["file", "cooperative", "products", "kind", "verdicts", "required target"].allSatisfy(names.contains) {
                    header = names
                }
                continue
            }
            if cells.allSatisfy({ $0.allSatisfy { "-: ".contains($0) } }) { continue }
            guard cells.count == columns.count else { throw TableError.malformed(line) }
            func cell(_ name: String) -> String { cells[columns.firstIndex(of: name)!] }
            rows.append(Row(
                file: cell("file"),
                cooperative: cell("cooperative"),
                products: cell("products").split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init),
                kind: cell("kind"),
                verdicts: cell("verdicts").components(separatedBy: ",").map { $0.trimmingCharacters(in: .whitespaces) },
                required: cell("required target")))
        }
        return rows
    }

    enum TableError: Error { case malformed(String) }

    static let rows: [Row] = (try? table()) ?? []

    /// The sample files, as paths relative to the repository, sorted.
    static func sampleFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: Fixtures.repositoryPath("Samples"))
            .filter { $0.hasSuffix(".xml") }.sorted().map { "Samples/" + $0 }
    }

    @Test func theTableListsEverySampleOnce() throws {
        let listed = try Self.table().map { "Samples/" + $0.file }
        #expect(!listed.isEmpty, "no table found in \(Self.readme)")
        #expect(Set(listed).count == listed.count, "a file is listed twice")
        #expect(listed.sorted() == (try Self.sampleFiles()))
    }

    @Test("salama check gives the verdicts of the table", arguments: rows)
    func verdicts(row: Row) throws {
        let path = "Samples/" + row.file
        let result = try SalamaBinary.run(["check", path, "--format", "json"])
        #expect(result.status == 0, "\(result.standardError)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let targets = try #require(json["targets"] as? [[String: Any]])
        let computed = targets.map { "\($0["id"] as? String ?? "?"): \($0["verdict"] as? String ?? "?")" }
        #expect(computed == row.verdicts)
        let required = targets.filter { $0["required"] as? Bool == true }.compactMap { $0["id"] as? String }
        #expect(required == [row.required])

        let assessment = try #require(json["assessment"] as? [String: Any])
        #expect(assessment["kind"] as? String == row.kind)
        let cooperative = try #require(assessment["cooperative"] as? [String: Any])
        #expect(cooperative["name"] as? String == row.cooperative)
        #expect(Set(try Self.products(of: path)) == Set(row.products))
    }

    @Test func everySampleValidates() throws {
        let files = try Self.sampleFiles()
        try #require(!files.isEmpty)
        let result = try SalamaBinary.run(["validate"] + files)
        #expect(result.status == 0)
        #expect(result.standardError == "")
        #expect(result.standardOutput.split(separator: "\n").count == files.count)
    }

    /// The `<answer>` attributes of an assessment, in document order.
    static func answers(of relative: String) throws -> [[String: String]] {
        let reader = ElementReader(wanted: "answer")
        try reader.parse(Fixtures.repositoryPath(relative))
        return reader.attributes
    }

    /// The root element's attributes of an assessment.
    static func root(of relative: String) throws -> [String: String] {
        let reader = ElementReader(wanted: "assessment")
        try reader.parse(Fixtures.repositoryPath(relative))
        return try #require(reader.attributes.first)
    }

    @Test func everySampleNamesTheBundledChecklistVersion() throws {
        let checklist = try String(contentsOfFile: Fixtures.repositoryPath("Checklists/onssa-hygiene.xml"), encoding: .utf8)
        let version = try #require(checklist.firstMatch(of: /<checklist[^>]*\sversion="([^"]+)"/)?.1)
        for file in try Self.sampleFiles() {
            #expect(try Self.root(of: file)["checklist-version"] == String(version), "\(file)")
        }
    }

    /// The ONSSA grid is binary: an inspection says conforming or not, and every non-conformity
    /// gets its deadline (the échéancier of the visit report).
    @Test func inspectionsAnswerYesOrNoAndDateEveryNo() throws {
        var inspections = 0
        for file in try Self.sampleFiles() where try Self.root(of: file)["kind"] == "inspection" {
            inspections += 1
            for answer in try Self.answers(of: file) {
                let ref = answer["ref"] ?? "?"
                #expect(answer["status"] != "partial", "\(file): \(ref) is partial")
                if answer["status"] == "no" {
                    #expect(answer["deadline"] != nil, "\(file): \(ref) has no deadline")
                }
            }
        }
        #expect(inspections >= 3)
    }

    @Test func everyProductModuleIsReachedBySomeSample() throws {
        let folder = "Checklists/modules/products"
        let modules = try FileManager.default.contentsOfDirectory(atPath: Fixtures.repositoryPath(folder))
            .filter { $0.hasSuffix(".xml") }.sorted()
        try #require(!modules.isEmpty)
        var sections: [ProductSections.Section] = []
        for module in modules {
            let found = try ProductSections.read(Fixtures.repositoryPath(folder + "/" + module))
            #expect(!found.isEmpty, "\(module) has no section that applies to some products")
            sections += found
        }
        let samples = try Self.sampleFiles().map { Set(try Self.products(of: $0)) }
        for section in sections {
            // Reached when the sample's products meet every `applies-when products` on the way.
            let reached = samples.contains { products in section.productChain.allSatisfy { !$0.isDisjoint(with: products) } }
            #expect(reached, "no sample reaches section '\(section.id)' (products \(section.productChain.map { $0.sorted() }))")
        }
    }

    /// The `<product>` tokens of an assessment.
    static func products(of relative: String) throws -> [String] {
        let reader = ElementReader(wanted: "product")
        try reader.parse(Fixtures.repositoryPath(relative))
        return reader.texts.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    }
}

/// Reads the text of every element with one local name.
private final class ElementReader: NSObject, XMLParserDelegate {
    let wanted: String
    var texts: [String] = []
    var attributes: [[String: String]] = []
    private var current: String? = nil

    init(wanted: String) { self.wanted = wanted }

    func parse(_ path: String) throws {
        let parser = try #require(XMLParser(contentsOf: URL(fileURLWithPath: path)))
        parser.shouldProcessNamespaces = true
        parser.delegate = self
        #expect(parser.parse(), "\(path): \(parser.parserError.map(String.init(describing:)) ?? "unreadable")")
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if name == wanted { current = ""; self.attributes.append(attributes) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        current? += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == wanted, let text = current { texts.append(text); current = nil }
    }
}

/// The sections of a checklist module that apply to some products, each with the product lists
/// of its own `applies-when` and of its enclosing sections'.
private final class ProductSections: NSObject, XMLParserDelegate {
    struct Section {
        var id: String
        var productChain: [Set<String>]
    }

    private var stack: [(name: String, id: String?, products: Set<String>?)] = []
    private var found: [Section] = []

    static func read(_ path: String) throws -> [Section] {
        let reader = ProductSections()
        let parser = try #require(XMLParser(contentsOf: URL(fileURLWithPath: path)))
        parser.shouldProcessNamespaces = true
        parser.delegate = reader
        #expect(parser.parse(), "\(path): \(parser.parserError.map(String.init(describing:)) ?? "unreadable")")
        return reader.found
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if name == "applies-when", let parent = stack.last, parent.name == "section", let products = attributes["products"] {
            stack[stack.count - 1].products = Set(products.split(separator: " ").map(String.init))
            let chain = stack.compactMap(\.products)
            found.append(Section(id: parent.id ?? "?", productChain: chain))
        }
        stack.append((name, attributes["id"], nil))
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }
}
