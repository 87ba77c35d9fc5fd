import Foundation
import SalamaTestSupport
import SalamaXML
import Testing

/// Parses `path` and resolves its includes inside its own folder; returns the diagnostics of
/// a refusal (an issue is recorded when nothing is refused).
func includeErrors(_ path: String, folder: String? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Diagnostic] {
    do {
        let document = try Parser.parse(file: path)
        try XInclude.resolve(in: document, confinedTo: folder ?? (path as NSString).deletingLastPathComponent)
        Issue.record("\(path): the includes were resolved, but a refusal was expected", sourceLocation: sourceLocation)
        return []
    } catch {
        return error.diagnostics
    }
}

func resolved(_ path: String, folder: String? = nil) throws -> SalamaXML.XMLDocument {
    let document = try Parser.parse(file: path)
    try XInclude.resolve(in: document, confinedTo: folder ?? (path as NSString).deletingLastPathComponent)
    return document
}

/// The elements under `element` (itself included), depth first.
func descendants(_ element: SalamaXML.XMLElement) -> [SalamaXML.XMLElement] {
    [element] + element.children.flatMap(descendants)
}

/// A module file: a section holding `body`.
func module(_ id: String, _ body: String = "") -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <section xmlns="urn:salama:checklist:1" xmlns:xi="http://www.w3.org/2001/XInclude" id="\(id)">
      <title>\(id)</title>\(body.isEmpty ? "" : "\n  " + body)
    </section>
    """
}

func checklist(including href: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <checklist xmlns="urn:salama:checklist:1" xmlns:xi="http://www.w3.org/2001/XInclude" id="t" version="1" xml:lang="fr">
      <title>T</title>
      <xi:include href="\(href)"/>
    </checklist>
    """
}

@Suite("XInclude confined to the checklist's folder")
struct XIncludeTests {
    static let secret = HostileParsingTests.secret

    @Test func modulesInSubFoldersAndNestedModulesAreIncluded() throws {
        let top = Fixtures.path("checklists/valid/mini.xml")
        let document = try resolved(top)
        let root = try #require(document.root)
        #expect(!descendants(root).contains { $0.name == "include" }, "every xi:include is replaced")

        let water = try #require(root.children.first { $0.attribute("id") == "water" })
        #expect(Markers.standardized(water.file) == Fixtures.path("checklists/valid/modules/water.xml"))
        #expect(water.location.line == 2)
        #expect(water.location.column == 1)
        #expect(water.children.first { $0.name == "requirement" }?.location.line == 4)

        let wells = try #require(water.children.first { $0.attribute("id") == "wells" }, "the module's own include is resolved")
        #expect(Markers.standardized(wells.file) == Fixtures.path("checklists/valid/modules/sub/wells.xml"))
        let requirement = try #require(wells.children.first { $0.name == "requirement" })
        #expect(requirement.attribute("id") == "WEL-01")
        #expect(Markers.standardized(requirement.location.file) == Fixtures.path("checklists/valid/modules/sub/wells.xml"))
        #expect(requirement.location.line == 4)
        #expect(requirement.location.column == 3)

        // Elements of the top file keep naming the top file.
        let premises = try #require(root.children.first { $0.attribute("id") == "premises" })
        #expect(premises.file == top)
    }

    @Test func aDocumentWithoutIncludesIsLeftAsItIs() throws {
        let path = Fixtures.path("checklists/valid/minimal.xml")
        let document = try resolved(path)
        #expect(document.root?.children.map(\.name) == ["title", "target"])
    }

    @Test("Each refused include is reported at its xi:include, in the file that holds it",
          arguments: Fixtures.files(in: "hostile").filter { ($0 as NSString).lastPathComponent.hasPrefix("include-") })
    func refusedIncludes(path: String) throws {
        let markers = Markers.all(in: path)
        try #require(!markers.isEmpty, "the fixture marks its expected errors")
        let diagnostics = includeErrors(path)
        Markers.expect(diagnostics, match: markers)
        for diagnostic in diagnostics {
            #expect(!diagnostic.description.contains(Self.secret))
            #expect(!diagnostic.description.contains("root:x:0:0"), "nothing of /etc/passwd is read")
        }
    }

    @Test func theCheckingFolderIsTheOneGivenNotTheFilesOwn() throws {
        // The same module is refused when the confinement folder is narrower than its place.
        let top = Fixtures.path("checklists/valid/mini.xml")
        let diagnostics = includeErrors(top, folder: Fixtures.path("checklists/valid/modules/sub"))
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message == "xi:include of 'modules/water.xml' is refused: it leads outside the checklist's folder")
    }

    @Test func aSymbolicLinkToAFileOutsideTheFolderIsRefused() throws {
        let outside = TemporaryFolder()
        let inside = TemporaryFolder()
        defer { outside.remove(); inside.remove() }
        let target = outside.write("stolen.xml", module("stolen", "<description>\(Self.secret)</description>"))
        let top = inside.write("checklist.xml", checklist(including: "modules/link.xml"))
        try FileManager.default.createDirectory(atPath: inside.path + "/modules", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: inside.path + "/modules/link.xml", withDestinationPath: target)

        let diagnostics = includeErrors(top)
        #expect(diagnostics == [.error(at: Location(file: top, line: 4, column: 3), XMLMessage.includeOutsideFolder(href: "modules/link.xml"))])
        #expect(diagnostics.first?.message == "xi:include of 'modules/link.xml' is refused: it leads outside the checklist's folder")
        #expect(!diagnostics.description.contains(Self.secret))
    }

    @Test func aSymbolicLinkToAFolderOutsideIsRefused() throws {
        let outside = TemporaryFolder()
        let inside = TemporaryFolder()
        defer { outside.remove(); inside.remove() }
        outside.write("stolen.xml", module("stolen", "<description>\(Self.secret)</description>"))
        let top = inside.write("checklist.xml", checklist(including: "shared/stolen.xml"))
        try FileManager.default.createSymbolicLink(atPath: inside.path + "/shared", withDestinationPath: outside.path)

        let diagnostics = includeErrors(top)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location == Location(file: top, line: 4, column: 3))
        #expect(diagnostics.first?.message.contains("leads outside the checklist's folder") == true)
        #expect(!diagnostics.description.contains(Self.secret))
    }

    @Test func aSymbolicLinkThatStaysInsideIsFollowed() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("modules/real.xml", module("real"))
        let top = folder.write("checklist.xml", checklist(including: "alias.xml"))
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/alias.xml", withDestinationPath: folder.path + "/modules/real.xml")
        let document = try resolved(top)
        #expect(document.root?.children.last?.attribute("id") == "real")
    }

    @Test func aLinkedTopFolderIsItsOwnRoot() throws {
        // A checklist reached through a symbolic link to its folder may include its modules:
        // the confinement compares real paths on both sides.
        let folder = TemporaryFolder()
        let links = TemporaryFolder()
        defer { folder.remove(); links.remove() }
        folder.write("modules/water.xml", module("water"))
        folder.write("checklist.xml", checklist(including: "modules/water.xml"))
        try FileManager.default.createSymbolicLink(atPath: links.path + "/linked", withDestinationPath: folder.path)
        let document = try resolved(links.path + "/linked/checklist.xml")
        #expect(document.root?.children.last?.attribute("id") == "water")
    }

    @Test func includesNestedTooDeeplyAreRefused() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let depth = 20
        for level in 0..<depth {
            folder.write("m\(level).xml", module("m\(level)", level + 1 < depth ? "<xi:include href=\"m\(level + 1).xml\"/>" : ""))
        }
        let top = folder.write("checklist.xml", checklist(including: "m0.xml"))
        let diagnostics = includeErrors(top)
        #expect(diagnostics.count == 1)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.message.contains("modules nest more than 16 levels deep"))
        #expect(diagnostic.location.line == 4)
        #expect((diagnostic.location.file as NSString).lastPathComponent.hasPrefix("m"))
    }

    @Test("Includes that cannot name a whole module file are refused", arguments: [
        ("<xi:include/>", "xi:include needs an href naming a module file"),
        ("<xi:include href=\"\"/>", "xi:include needs an href naming a module file"),
        ("<xi:include href=\"m.xml\" xpointer=\"xpointer(//section)\"/>", "xi:include of 'm.xml': fragments and xpointer are not supported"),
        ("<xi:include href=\"m.xml#water\"/>", "xi:include of 'm.xml#water': fragments and xpointer are not supported"),
        ("<xi:include href=\"m.xml\" parse=\"text\"/>", "xi:include of 'm.xml' with parse=\"text\": only XML modules may be included"),
        ("<xi:include href=\"ftp://example.org/m.xml\"/>", "is refused: only files inside the checklist's folder may be included, never a URL"),
        ("<xi:include href=\"modules/../../m.xml\"/>", "is refused: it leads outside the checklist's folder"),
        ("<xi:include href=\"/tmp/m.xml\"/>", "absolute paths are not allowed"),
        ("<xi:include href=\"%2e%2e/m.xml\"/>", "is refused: it leads outside the checklist's folder"),
        ("<xi:include href=\"modules%2f..%2f..%2fm.xml\"/>", "is refused: it leads outside the checklist's folder"),
    ])
    func badIncludes(include: String, message: String) throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("m.xml", module("m"))
        let top = folder.write("checklist.xml", """
            <checklist xmlns="urn:salama:checklist:1" xmlns:xi="http://www.w3.org/2001/XInclude" id="t" version="1" xml:lang="fr">
              <title>T</title>
                \(include)
            </checklist>
            """)
        let diagnostics = includeErrors(top)
        #expect(diagnostics.count == 1, "\(diagnostics)")
        #expect(diagnostics.first?.location == Location(file: top, line: 3, column: 5))
        #expect(diagnostics.first?.message.contains(message) == true, "\(diagnostics)")
    }

    @Test func modulesThatAddUpToTooManyElementsAreRefused() throws {
        // Each module is within the limit of one file; together they are not.
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let requirements = String(repeating: "<requirement/>", count: 20_000)
        for name in ["a", "b", "c"] { folder.write("modules/\(name).xml", module(name, requirements)) }
        let top = folder.write("checklist.xml", """
            <checklist xmlns="urn:salama:checklist:1" xmlns:xi="http://www.w3.org/2001/XInclude" id="t" version="1" xml:lang="fr">
              <title>T</title>
              <xi:include href="modules/a.xml"/>
              <xi:include href="modules/b.xml"/>
              <xi:include href="modules/c.xml"/>
            </checklist>
            """)
        let diagnostics = includeErrors(top)
        #expect(diagnostics.map(\.description) == [
            "\(top):5:3: error: xi:include of 'modules/c.xml': the checklist and its modules hold more than 50000 elements (counting each module as often as it is included): a checklist needs a few thousand"])
    }

    @Test func aModuleNameMayBePercentEncoded() throws {
        // href is a URI reference: a space in a module's name is written %20.
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let module = folder.write("modules/eau potable.xml", module("eau", "<requirement/>"))
        let top = folder.write("checklist.xml", checklist(including: "modules/eau%20potable.xml"))
        let document = try resolved(top)
        let included = try #require(document.root?.children.last)
        #expect(included.attribute("id") == "eau")
        #expect(Markers.standardized(included.file) == Markers.standardized(module))
        #expect(included.children.last?.location == Location(file: included.file, line: 4, column: 3))
    }

    @Test func anXMLBaseAboveAnIncludeIsRefused() throws {
        // A module of that name exists both inside and where xml:base points: neither is read.
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("inside/modules/eau.xml", module("eau"))
        folder.write("outside/modules/eau.xml", module("eau"))
        let top = folder.write("inside/checklist.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <checklist xmlns="urn:test" xmlns:xi="http://www.w3.org/2001/XInclude">
              <section xml:base="../outside/">
                <xi:include href="modules/eau.xml"/>
              </section>
            </checklist>
            """)
        let diagnostics = includeErrors(top)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location == Location(file: top, line: 4, column: 5))
        #expect(diagnostics.first?.message.contains("an xml:base above it") == true)
    }

    @Test func aModuleNameWithARawSpaceIsALocatedError() throws {
        // libxml2 cannot build a URI from a raw space; the refusal is located at the include.
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("modules/eau potable.xml", module("eau"))
        let top = folder.write("checklist.xml", checklist(including: "modules/eau potable.xml"))
        let diagnostics = includeErrors(top)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.isError == true)
        #expect(diagnostics.first?.location == Location(file: top, line: 4, column: 3))
    }

    @Test func theOlderXIncludeNamespaceIsCheckedToo() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let top = folder.write("checklist.xml", """
            <checklist xmlns="urn:salama:checklist:1" xmlns:xi="http://www.w3.org/2003/XInclude" id="t" version="1" xml:lang="fr">
              <xi:include href="../escape.xml"/>
            </checklist>
            """)
        let diagnostics = includeErrors(top)
        #expect(diagnostics.map(\.message) == ["xi:include of '../escape.xml' is refused: it leads outside the checklist's folder"])
    }

    @Test func aBrokenModuleIsReportedInTheModuleFile() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let broken = folder.write("modules/broken.xml", "<section xmlns=\"urn:salama:checklist:1\" id=\"b\">\n  <title>B\n</section>\n")
        let top = folder.write("checklist.xml", checklist(including: "modules/broken.xml"))
        let diagnostics = includeErrors(top)
        let first = try #require(diagnostics.first)
        #expect(first.isError)
        #expect(Markers.standardized(first.location.file) == Markers.standardized(broken))
        #expect(first.location.line == 3)
        #expect(first.message.contains("Opening and ending tag mismatch"))
    }

    @Test func aModuleWithADocumentTypeIsRefused() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("secret.txt", Self.secret)
        let evil = folder.write("modules/evil.xml", """
            <?xml version="1.0"?>
            <!DOCTYPE section [<!ENTITY s SYSTEM "../secret.txt">]>
            <section xmlns="urn:salama:checklist:1" id="evil"><title>&s;</title></section>
            """)
        let top = folder.write("checklist.xml", checklist(including: "modules/evil.xml"))
        let diagnostics = includeErrors(top)
        let first = try #require(diagnostics.first)
        #expect(Markers.standardized(first.location.file) == Markers.standardized(evil))
        #expect(first.location.line == 2)
        #expect(first.message.contains("document type declarations are not allowed"))
        #expect(!diagnostics.description.contains(Self.secret))
    }

    @Test func aMissingConfinementFolderIsAnError() throws {
        let document = try Parser.parse(file: Fixtures.path("checklists/valid/mini.xml"))
        do {
            try XInclude.resolve(in: document, confinedTo: Fixtures.path("no-such-folder"))
            Issue.record("resolved inside a folder that does not exist")
        } catch {
            #expect(error.diagnostics == [.error(at: .file(Fixtures.path("no-such-folder")), XMLMessage.checklistFolderUnresolved)])
        }
    }
}
