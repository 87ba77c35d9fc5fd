import Foundation
import SalamaTestSupport
import SalamaXML
import Testing

typealias Parser = SalamaXML.XMLParser
typealias Location = SalamaXML.SourceLocation

/// Parses `text` as UTF-8; records an issue and returns nil when it does not parse.
func parse(_ text: String, path: String = "memory.xml", sourceLocation: Testing.SourceLocation = #_sourceLocation) -> SalamaXML.XMLDocument? {
    do {
        return try Parser.parse(bytes: Array(text.utf8), path: path)
    } catch {
        Issue.record("did not parse: \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// The diagnostics of a parse that must fail.
func parseErrors(bytes: [UInt8], path: String = "memory.xml", sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Diagnostic] {
    do {
        _ = try Parser.parse(bytes: bytes, path: path)
        Issue.record("parsed, but an error was expected", sourceLocation: sourceLocation)
        return []
    } catch {
        return error.diagnostics
    }
}

func parseErrors(file path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Diagnostic] {
    do {
        _ = try Parser.parse(file: path)
        Issue.record("\(path) parsed, but an error was expected", sourceLocation: sourceLocation)
        return []
    } catch {
        return error.diagnostics
    }
}

@Suite("Reading elements of a parsed document")
struct ElementTests {
    static let sample = """
    <?xml version="1.0" encoding="UTF-8"?>
    <root xmlns="urn:test" xmlns:p="urn:other" xml:lang="fr" id="r1">
      <!-- a comment -->
      <item n="1" p:flag="yes">Un &amp; deux &#233;t&#xE9;</item>
      <p:item n="2"/>
      <nested>
        <item n="3">  several
          words  </item>
      </nested>
    </root>
    """

    @Test func rootNameNamespaceAndAttributes() throws {
        let document = try #require(parse(Self.sample))
        let root = try #require(document.root)
        #expect(root.name == "root")
        #expect(root.namespaceURI == "urn:test")
        #expect(root.attribute("id") == "r1")
        #expect(root.attribute("missing") == nil)
        #expect(root.language == "fr")
        #expect(root.attribute("lang") == nil, "xml:lang is not an attribute without namespace")
        #expect(root.attribute("lang", namespace: SalamaXML.XMLElement.xmlNamespace) == "fr")
        #expect(root.file == "memory.xml")
        #expect(document.path == "memory.xml")
        #expect(document.bytes == Array(Self.sample.utf8))
    }

    @Test func childrenAreElementsInDocumentOrder() throws {
        let root = try #require(parse(Self.sample)?.root)
        let children = root.children
        #expect(children.map(\.name) == ["item", "item", "nested"])
        #expect(children.map(\.namespaceURI) == ["urn:test", "urn:other", "urn:test"])
        #expect(children.map { $0.attribute("n") } == ["1", "2", nil])
        #expect(children[0].attribute("flag") == nil)
        #expect(children[0].attribute("flag", namespace: "urn:other") == "yes")
        #expect(children[0].language == nil, "xml:lang is read on the element itself only")
    }

    @Test func textResolvesPredefinedAndCharacterReferences() throws {
        let root = try #require(parse(Self.sample)?.root)
        #expect(root.children[0].text == "Un & deux été")
        #expect(root.children[2].children[0].text == "  several\n      words  ")
    }

    @Test func commentsOfAnElement() throws {
        let root = try #require(parse(Self.sample)?.root)
        #expect(root.comments == [" a comment "])
        #expect(root.children[0].comments.isEmpty)
    }

    @Test func linesAndColumnsOfStartTags() throws {
        let root = try #require(parse(Self.sample)?.root)
        #expect(root.location == Location(file: "memory.xml", line: 2, column: 1))
        #expect(root.children[0].location == Location(file: "memory.xml", line: 4, column: 3))
        #expect(root.children[1].location == Location(file: "memory.xml", line: 5, column: 3), "a prefixed element is found by its qualified name")
        #expect(root.children[2].children[0].location.line == 7)
        #expect(root.children[2].children[0].location.column == 5)
        #expect(root.children[2].children[0].line == 7)
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let text = "<r>\n<t>ééé</t> <u/><t>x</t>\n</r>"
        let root = try #require(parse(text)?.root)
        #expect(root.children.map(\.name) == ["t", "u", "t"])
        #expect(root.children[1].location.column == 12)
        #expect(root.children[0].location.column == 1)
    }

    @Test func aStartTagOverSeveralLinesIsLocatedWhereItStarts() throws {
        let text = """
        <root>
          <target id="a"
                  level="1"
                  min-score="70">
            <title>A</title>
          </target>
          <target
            id="b"/>
        </root>
        """
        let root = try #require(parse(text)?.root)
        let targets = root.children
        #expect(targets[0].location == Location(file: "memory.xml", line: 2, column: 3))
        #expect(targets[0].children[0].location == Location(file: "memory.xml", line: 5, column: 5))
        #expect(targets[1].location == Location(file: "memory.xml", line: 7, column: 3))
    }

    @Test func aDocumentWithoutElementsIsNotWellFormed() {
        let diagnostics = parseErrors(bytes: Array("<?xml version=\"1.0\"?>\n<!-- nothing -->\n".utf8))
        #expect(diagnostics.containsErrors)
        #expect(diagnostics.allSatisfy { $0.location.file == "memory.xml" })
    }
}

@Suite("Strict parsing of hostile and broken files")
struct HostileParsingTests {
    static let secret = "SALAMA-SECRET-5f2d9c41-never-print-me"

    static func hostile(_ name: String) -> String { Fixtures.path("hostile/" + name) }

    @Test func theSecretFixtureHoldsTheSecret() throws {
        // The tests below are only meaningful if the file they must never leak holds the secret.
        let content = try String(contentsOfFile: Self.hostile("secret.txt"), encoding: .utf8)
        #expect(content.contains(Self.secret))
    }

    @Test("A document type declaration is refused, so no entity is ever declared",
          arguments: ["external-entity.xml", "entity-bomb.xml", "external-dtd.xml"])
    func documentTypeDeclarationsAreRefused(name: String) throws {
        let path = Self.hostile(name)
        let clock = ContinuousClock()
        var diagnostics: [Diagnostic] = []
        let elapsed = clock.measure { diagnostics = parseErrors(file: path) }
        #expect(elapsed < .seconds(2), "refusing must not expand anything first")
        let first = try #require(diagnostics.first)
        #expect(first.isError)
        #expect(first.location == Location(file: path, line: 2, column: 1))
        #expect(first.message.contains("document type declarations are not allowed"))
        #expect(diagnostics.count <= 3, "parsing stops at the declaration: \(diagnostics)")
        for diagnostic in diagnostics {
            #expect(!diagnostic.description.contains(Self.secret))
            #expect(!diagnostic.description.contains("hahaha"))
        }
    }

    @Test func anEmptyDocumentTypeIsRefusedToo() throws {
        let diagnostics = parseErrors(bytes: Array("<!DOCTYPE r>\n<r/>".utf8))
        let first = try #require(diagnostics.first)
        #expect(first.message.contains("document type declarations are not allowed"))
        #expect(first.location.line == 1)
    }

    @Test func malformedXMLIsReportedAtItsLineAndColumn() throws {
        let path = Self.hostile("malformed.xml")
        let diagnostics = parseErrors(file: path)
        let first = try #require(diagnostics.first)
        #expect(first.isError)
        #expect(first.message == "the file is not well-formed XML; the XML reader says: Opening and ending tag mismatch: title line 3 and checklist")
        #expect(first.content == XMLMessage.notWellFormed(reader: "Opening and ending tag mismatch: title line 3 and checklist").message)
        // The closing tag `</checklist>` on line 7 ends at column 13.
        #expect(first.location == Location(file: path, line: 7, column: 13))
        #expect(first.description.hasPrefix("\(path):7:13: error: the file is not well-formed XML; the XML reader says: Opening and ending tag mismatch"))
        #expect(first.description(in: .fr).hasPrefix("\(path):7:13: error: le fichier n'est pas un XML bien formé ; le lecteur XML dit : Opening and ending tag mismatch"))
        #expect(diagnostics.allSatisfy { $0.location.file == path && $0.location.line > 0 })
    }

    @Test func anEmptyFileIsAnError() throws {
        let path = Self.hostile("empty.xml")
        let diagnostics = parseErrors(file: path)
        let first = try #require(diagnostics.first)
        #expect(first.isError)
        #expect(first.location.file == path)
        #expect(first.message.contains("Document is empty"))
        // The same from memory, where the buffer has no bytes at all.
        #expect(parseErrors(bytes: [], path: "empty").first?.message.contains("Document is empty") == true)
    }

    @Test func aMissingFileIsAnErrorNamingIt() throws {
        let path = Self.hostile("no-such-file.xml")
        let diagnostics = parseErrors(file: path)
        #expect(diagnostics == [.error(at: .file(path), XMLMessage.cannotReadFile(reason: .reasonNoSuchFile))])
        #expect(diagnostics.first?.description == "\(path): error: cannot read file: no such file")
    }

    @Test func aDirectoryIsNotAFile() throws {
        let path = Fixtures.path("hostile")
        let diagnostics = parseErrors(file: path)
        #expect(diagnostics == [.error(at: .file(path), XMLMessage.pathIsFolder)])
    }

    @Test(.enabled(if: getuid() != 0, "root reads every file, whatever its mode"))
    func anUnreadableFileIsAnError() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.write("locked.xml", "<r/>")
        chmod(path, 0)
        #expect(parseErrors(file: path) == [.error(at: .file(path), XMLMessage.cannotReadFile(reason: .reasonPermissionDenied))])
    }

    @Test func aHugeFileIsRefusedBeforeParsing() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.write("huge.xml", "<r>")
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(Parser.maximumFileSize) + 1)
        try handle.close()
        let diagnostics = parseErrors(file: path)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location == .file(path))
        #expect(diagnostics.first?.message.hasPrefix("file too large") == true)
    }

    @Test func aDocumentWithTooManyElementsIsRefusedAtTheFirstOneOver() throws {
        let within = "<r>\n" + String(repeating: "<a/>", count: 49_999) + "\n</r>\n"
        #expect(try Parser.parse(bytes: Array(within.utf8), path: "within.xml").root?.children.count == 49_999)
        // Elements in comments and CDATA sections are not elements; end tags are not counted.
        let over = "<r>\n<!-- <a/><a/> --><![CDATA[<a/>]]>\n" + String(repeating: "<a></a>", count: 49_999) + "\n<b/>\n</r>\n"
        let errors = parseErrors(bytes: Array(over.utf8), path: "over.xml")
        #expect(errors.map(\.description) == ["over.xml:4:1: error: more than 50000 elements: a checklist needs a few thousand, an assessment a few hundred"])
    }

    @Test func aUTF8ByteOrderMarkIsAccepted() throws {
        let path = Self.hostile("bom.xml")
        let bytes = try #require(FileManager.default.contents(atPath: path))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let document = try Parser.parse(file: path)
        let root = try #require(document.root)
        #expect(root.name == "checklist")
        #expect(root.children.first?.text == "Hygiène avec BOM")
        #expect(root.location.line == 2)
    }

    @Test func aLatin1DocumentDecodesToTheRightCharacters() throws {
        let path = Self.hostile("latin1.xml")
        let bytes = try #require(FileManager.default.contents(atPath: path))
        #expect(bytes.contains(0xE8), "the fixture holds a Latin-1 è")
        #expect(String(data: bytes, encoding: .utf8) == nil, "the fixture is not UTF-8")
        let document = try Parser.parse(file: path)
        let root = try #require(document.root)
        #expect(root.children.first?.text == "Hygiène des établissements")
        #expect(root.children.last?.children.first?.text == "Agrément à 100 %")
        #expect(root.children.last?.location == Location(file: path, line: 4, column: 3))
    }

    @Test func anUnsupportedEncodingIsAnError() throws {
        let path = Self.hostile("unsupported-encoding.xml")
        let diagnostics = parseErrors(file: path)
        let first = try #require(diagnostics.first)
        #expect(first.isError)
        #expect(first.location.file == path)
        #expect(first.location.line == 1)
        #expect(first.message.hasPrefix("unsupported encoding 'X-SALAMA-NO-SUCH-ENCODING': Salama reads UTF-8"))
    }

    @Test func invalidUTF8IsAnError() throws {
        let path = Self.hostile("invalid-utf8.xml")
        let diagnostics = parseErrors(file: path)
        let first = try #require(diagnostics.first)
        #expect(first.isError)
        #expect(first.location.file == path)
        #expect(first.location.line == 3)
        #expect(first.message.contains("Input is not proper UTF-8"))
        #expect(!first.description.contains("\n"), "libxml2's second line (the bytes) joins the first")
    }

    @Test func everyHostileFileFailsOrParsesWithoutLeakingTheSecret() throws {
        for path in Fixtures.files(in: "hostile") {
            do {
                let document = try Parser.parse(file: path)
                let text = document.root?.text ?? ""
                #expect(!text.contains(Self.secret), "\(path)")
            } catch {
                #expect(!error.errors.isEmpty, "\(path)")
                #expect(!error.description.contains(Self.secret), "\(path): \(error)")
                #expect(error.diagnostics.allSatisfy { !$0.message.contains("\n") }, "one line per diagnostic: \(error)")
            }
        }
    }

    @Test func concurrentParsesKeepTheirOwnDiagnostics() async throws {
        // libxml2 reports errors through a per-thread handler: parses on other threads at the
        // same time must not steal or mix each other's diagnostics.
        let results = await withTaskGroup(of: (Int, [Diagnostic]).self) { group in
            for index in 0..<32 {
                group.addTask {
                    let path = "doc-\(index).xml"
                    return (index, parseErrors(bytes: Array("<r>\n<open>\n</r>".utf8), path: path))
                }
            }
            var all: [(Int, [Diagnostic])] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 32)
        for (index, diagnostics) in results {
            #expect(!diagnostics.isEmpty)
            #expect(diagnostics.allSatisfy { $0.location.file == "doc-\(index).xml" }, "\(diagnostics)")
        }
    }

    @Test func theLibraryVersionIsReported() {
        let version = XMLLibrary.runtimeVersion
        #expect(Int(version).map { $0 >= 20900 } == true, "\(version)")
    }
}
