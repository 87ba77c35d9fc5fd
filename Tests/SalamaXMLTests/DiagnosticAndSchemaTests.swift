import Foundation
import SalamaTestSupport
import SalamaXML
import Testing

@Suite("Locations and diagnostics")
struct DiagnosticTests {
    @Test("A location prints path:line:column", arguments: [
        (Location(file: "Checklists/x.xml", line: 12, column: 5), "Checklists/x.xml:12:5"),
        (Location(file: "a b/é.xml", line: 1, column: 1), "a b/é.xml:1:1"),
        (Location(file: "x.xml", line: 3, column: 0), "x.xml:3:1"),
        (Location.file("x.xml"), "x.xml"),
    ])
    func locationDescription(location: Location, expected: String) {
        #expect(location.description == expected)
    }

    @Test func diagnosticsPrintCompilerStyle() {
        let location = Location(file: "in/a.xml", line: 7, column: 3)
        #expect(Diagnostic.error(at: location, XMLMessage.outOfMemory).description == "in/a.xml:7:3: error: out of memory")
        #expect(Diagnostic.warning(at: location, XMLMessage.notHTMLDocument).description == "in/a.xml:7:3: warning: not an HTML document")
        #expect(Diagnostic.error(at: .file("in/a.xml"), XMLMessage.pathIsFolder).description == "in/a.xml: error: is a directory, not a file")
        #expect(Diagnostic.error(at: location, XMLMessage.outOfMemory).isError)
        #expect(!Diagnostic.warning(at: location, XMLMessage.outOfMemory).isError)
    }

    @Test func locationsOrderByFileThenLineThenColumn() {
        let a = Location(file: "a.xml", line: 9, column: 9)
        let b1 = Location(file: "b.xml", line: 1, column: 5)
        let b2 = Location(file: "b.xml", line: 2, column: 1)
        let b3 = Location(file: "b.xml", line: 2, column: 4)
        #expect([b3, b1, a, b2].sorted() == [a, b1, b2, b3])
    }

    @Test func displayOrderRemovesDuplicatesAndKeepsTheOrderOfEqualLocations() {
        let first = Location(file: "a.xml", line: 2, column: 1)
        let second = Location(file: "a.xml", line: 5, column: 3)
        let diagnostics: [Diagnostic] = [
            .error(at: second, XMLMessage.encodingEBCDIC),
            .error(at: first, XMLMessage.encodingUTF32),
            .warning(at: first, XMLMessage.nulCharacter),
            .error(at: second, XMLMessage.encodingEBCDIC),
            .error(at: first, XMLMessage.encodingUTF32),
        ]
        #expect(diagnostics.sortedForDisplay() == [.error(at: first, XMLMessage.encodingUTF32), .warning(at: first, XMLMessage.nulCharacter),
                                                   .error(at: second, XMLMessage.encodingEBCDIC)])
        #expect(diagnostics.containsErrors)
        #expect(![Diagnostic.warning(at: first, XMLMessage.nulCharacter)].containsErrors)
    }

    @Test func anInvalidInputErrorListsItsErrors() {
        let location = Location(file: "a.xml", line: 2, column: 1)
        let error = InvalidInputError([.warning(at: location, XMLMessage.notHTMLDocument), .error(at: location, XMLMessage.outOfMemory)])
        #expect(error.errors == [.error(at: location, XMLMessage.outOfMemory)])
        #expect(error.description == "a.xml:2:1: warning: not an HTML document\na.xml:2:1: error: out of memory")
    }
}

@Suite("XML Schema validation")
struct SchemaValidationTests {
    static let schema = """
    <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:salama:test" targetNamespace="urn:salama:test" elementFormDefault="qualified">
      <xs:element name="r">
        <xs:complexType>
          <xs:sequence>
            <xs:element name="n" type="xs:positiveInteger" maxOccurs="unbounded"/>
          </xs:sequence>
          <xs:attribute name="kind" use="required">
            <xs:simpleType>
              <xs:restriction base="xs:string">
                <xs:enumeration value="a"/>
                <xs:enumeration value="b"/>
              </xs:restriction>
            </xs:simpleType>
          </xs:attribute>
        </xs:complexType>
      </xs:element>
    </xs:schema>
    """

    @Test func aValidDocumentHasNoDiagnostics() throws {
        let schema = try XMLSchema(text: Self.schema, name: "t.xsd")
        let document = try #require(parse("<r xmlns=\"urn:salama:test\" kind=\"a\"><n>1</n><n>2</n></r>"))
        #expect(schema.validate(document).isEmpty)
    }

    @Test func violationsAreLocatedAtTheirElements() throws {
        let schema = try XMLSchema(text: Self.schema, name: "t.xsd")
        let text = """
        <r xmlns="urn:salama:test" kind="c">
          <n>1</n>
          <n>zero</n>
          <n>-4</n>
        </r>
        """
        let document = try #require(parse(text, path: "doc.xml"))
        let diagnostics = schema.validate(document)
        #expect(diagnostics.allSatisfy { $0.isError })
        #expect(diagnostics.map(\.location.line) == [1, 3, 4])
        #expect(diagnostics.map(\.location.column) == [1, 3, 3])
        #expect(diagnostics.allSatisfy { $0.location.file == "doc.xml" })
        #expect(diagnostics[0].message.contains("The value 'c' is not an element of the set {'a', 'b'}"))
        #expect(diagnostics[1].message.contains("'zero' is not a valid value of the atomic type 'xs:positiveInteger'"))
        #expect(!diagnostics[0].message.contains("{urn:"), "namespaces in braces are dropped from messages")
        #expect(!diagnostics[0].message.hasSuffix("\n"))
    }

    @Test func oneCompiledSchemaValidatesFromManyThreads() async throws {
        let schema = try XMLSchema(text: Self.schema, name: "t.xsd")
        let counts = await withTaskGroup(of: Int.self) { group in
            for index in 0..<16 {
                group.addTask {
                    let kind = index.isMultiple(of: 2) ? "a" : "bad"
                    guard let document = try? Parser.parse(bytes: Array("<r xmlns=\"urn:salama:test\" kind=\"\(kind)\"><n>1</n></r>".utf8), path: "d\(index).xml") else { return -1 }
                    return schema.validate(document).count
                }
            }
            var all: [Int] = []
            for await count in group { all.append(count) }
            return all
        }
        #expect(counts.sorted() == Array(repeating: 0, count: 8) + Array(repeating: 1, count: 8))
    }

    @Test func aBrokenSchemaDoesNotCompile() {
        do {
            _ = try XMLSchema(text: "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"><xs:element name=\"r\" type=\"xs:nope\"/></xs:schema>", name: "broken.xsd")
            Issue.record("a schema naming an unknown type compiled")
        } catch {
            #expect(error.errors.contains { $0.message.contains("nope") }, "\(error)")
            #expect(error.errors.allSatisfy { $0.location.file == "broken.xsd" }, "\(error)")
        }
        do {
            _ = try XMLSchema(text: "<not-a-schema/>", name: "other.xsd")
            Issue.record("a document that is not a schema compiled")
        } catch {
            #expect(!error.errors.isEmpty)
        }
    }
}
