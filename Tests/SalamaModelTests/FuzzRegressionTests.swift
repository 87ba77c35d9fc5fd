import Foundation
import SalamaModel
import SalamaTestSupport
import SalamaXML
import Testing

/// Inputs found by the fuzzer (`scripts/fuzz.sh`), kept under Tests/Fixtures/fuzz-regressions/,
/// and the hostile inputs of docs/hostile-inputs.md that needed a fix.
@Suite("Fuzz and hostile-input regressions")
struct FuzzRegressionTests {
    // MARK: Inputs the fuzzer kept

    /// Each kept input goes through the fuzz target's oracles: split at a NUL byte into a
    /// checklist and an assessment (or the whole file for both); the streaming reader never
    /// accepts what the careful path refuses, nor builds another model; the checklist loads or
    /// is refused without crashing.
    @Test("A kept fuzz input keeps the fuzz target's promises", arguments: Fixtures.files(in: "fuzz-regressions"))
    func keptInput(path: String) throws {
        let bytes = try FileReader.read(path, limit: XMLParser.maximumFileSize)
        let parts = bytes.firstIndex(of: 0).map { (Array(bytes[..<$0]), Array(bytes[($0 + 1)...])) } ?? (bytes, bytes)

        let fast = AssessmentStreamReader.read(bytes: parts.1, path: path)
        let careful = try? AssessmentLoader.loadCarefully(bytes: parts.1, path: path).value
        if let fast {
            let expected = try #require(careful, "the streaming reader accepted an assessment the careful path refuses")
            #expect(fast == expected, "the streaming reader and the careful path build different assessments")
        }

        let folder = TemporaryFolder()
        defer { folder.remove() }
        let checklist = folder.write("fuzz.xml", Data(parts.0))
        _ = try? ChecklistLoader.load(path: checklist)
    }

    /// Found by the fuzzer: the careful path located an element by the first `<name` of its
    /// line, so two answers on one line (or a `<name` in a comment before the tag) were
    /// located at the same, wrong column, and the two readers built different assessments.
    @Test func elementsAreLocatedAtTheirOwnStartTag() throws {
        for (file, columns) in [("two-answers-on-one-line.xml", [1, 33]), ("tag-name-in-comment.xml", [29])] {
            let path = Fixtures.path("fuzz-regressions/" + file)
            let bytes = try FileReader.read(path, limit: XMLParser.maximumFileSize)
            let careful = try AssessmentLoader.loadCarefully(bytes: bytes, path: path).value
            #expect(careful.answers.map(\.location.line) == columns.map { _ in 3 }, "\(file)")
            #expect(careful.answers.map(\.location.column) == columns, "\(file)")
            #expect(AssessmentStreamReader.read(bytes: bytes, path: path) == careful, "\(file)")
        }
    }

    // MARK: Hostile inputs (docs/hostile-inputs.md)

    /// `salama validate fifo.xml` on a FIFO no process writes to waited forever in open(2).
    @Test func aFIFOWithoutWriterReadsAsEmptyInsteadOfHanging() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let fifo = folder.path + "/fifo.xml"
        try #require(mkfifo(fifo, 0o600) == 0)

        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var outcome: Result<[UInt8], InvalidInputError>?
        Thread.detachNewThread {
            do throws(InvalidInputError) { outcome = .success(try FileReader.read(fifo, limit: 1024)) } catch { outcome = .failure(error) }
            done.signal()
        }
        if done.wait(timeout: .now() + 20) == .timedOut {
            Issue.record("reading a FIFO without writer still blocks")
            // Release the reader: opening the FIFO for writing lets its open(2) return.
            let writer = open(fifo, O_WRONLY | O_NONBLOCK)
            if writer >= 0 { close(writer) }
            _ = done.wait(timeout: .now() + 20)
            return
        }
        #expect(try outcome?.get() == [])
        #expect(throws: InvalidInputError.self) { try AssessmentLoader.load(path: fifo) }
    }

    /// The streaming reader looked for a duplicate evidence ref among the answer's earlier
    /// records, one by one: 300,000 records in one answer took hours. (Files now hold at most
    /// 50,000 elements.)
    @Test func oneAnswerWithManyEvidenceRecordsStreamsInLinearTime() throws {
        let records = (0..<49_000).map { "<evidence ref=\"e\($0)\"/>" }.joined()
        let text = Self.assessment(answers: "<answer ref=\"A-1\" status=\"yes\">\(records)</answer>")
        let elapsed = try ContinuousClock().measure {
            let read = try #require(AssessmentStreamReader.read(bytes: Array(text.utf8), path: "a.xml"))
            #expect(read.answers.first?.evidence.count == 49_000)
        }
        #expect(elapsed < .seconds(30), "took \(elapsed)")
    }

    /// buildSources and the texts of one element looked up earlier entries one by one.
    @Test func manySourcesAndTextsLoadInLinearTime() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let sources = (0..<16_000).map { "<source id=\"s\($0)\">S</source><source id=\"s\($0)\" xml:lang=\"ar\">S</source>" }.joined(separator: "\n")
        let titles = (0..<16_000).map { "<title xml:lang=\"x-\($0)\">T</title>" }.joined()
        let path = folder.write("many.xml", Self.checklist(titles: titles, sources: sources))
        let elapsed = try ContinuousClock().measure {
            let checklist = try ChecklistLoader.load(path: path).value
            #expect(checklist.sources.count == 16_000)
            #expect(checklist.title.entries.count == 16_001)
        }
        #expect(elapsed < .seconds(60), "took \(elapsed)")
        // The duplicate checks still work.
        let duplicate = folder.write("duplicate.xml", Self.checklist(sources: "<source id=\"s\">S</source><source id=\"s\">T</source>"))
        #expect(throws: InvalidInputError.self) { try ChecklistLoader.load(path: duplicate) }
    }

    /// Following `includes` chains cost the cube of the number of targets (20,000 targets:
    /// hours), and evaluation their square: a checklist with more than 100 is refused.
    @Test func aChecklistWithTooManyTargetsIsRefused() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        func chain(_ count: Int) -> String {
            (1..<count).map { "<target id=\"t\($0)\" level=\"\($0 + 1)\" min-score=\"50\" includes=\"\($0 == 1 ? "autorisation" : "t\($0 - 1)")\"><title>T</title></target>" }.joined(separator: "\n")
        }
        let most = folder.write("most.xml", Self.checklist(body: chain(ChecklistLoader.maximumTargets)))
        #expect(try ChecklistLoader.load(path: most).value.targets.count == ChecklistLoader.maximumTargets)

        let tooMany = folder.write("too-many.xml", Self.checklist(body: chain(20_000)))
        let elapsed = ContinuousClock().measure {
            do throws(InvalidInputError) {
                _ = try ChecklistLoader.load(path: tooMany)
                Issue.record("a checklist with 20,000 targets loaded")
            } catch {
                #expect(error.errors.contains { $0.message.contains("more than \(ChecklistLoader.maximumTargets) targets") }, "\(error)")
            }
        }
        #expect(elapsed < .seconds(60), "took \(elapsed)")
    }

    /// A module including another ten times, which includes another ten times…: the check
    /// parsed 10^7 modules and libxml2 would have copied them all in.
    @Test func anInclusionBombIsRefused() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        for level in 0..<8 {
            let inner = level < 7 ? String(repeating: "<xi:include href=\"b\(level + 1).xml\"/>", count: 10) : ""
            folder.write("modules/b\(level).xml", "<section xmlns=\"urn:salama:checklist:1\" xmlns:xi=\"http://www.w3.org/2001/XInclude\" id=\"b\"><title>b</title>\(inner)</section>")
        }
        let bomb = folder.write("bomb.xml", Self.checklist(body: "<xi:include href=\"modules/b0.xml\"/>"))
        let elapsed = ContinuousClock().measure {
            #expect(Self.errors(loading: bomb).contains { $0.message.contains("inclusions in all") })
        }
        #expect(elapsed < .seconds(60), "took \(elapsed)")

        // Few inclusions of a big module: their size is bounded too.
        let big = "<section xmlns=\"urn:salama:checklist:1\" id=\"big\"><title>\(String(repeating: "x", count: 4 << 20))</title></section>"
        folder.write("modules/big.xml", big)
        let heavy = folder.write("heavy.xml", Self.checklist(body: String(repeating: "<xi:include href=\"modules/big.xml\"/>", count: 20)))
        #expect(Self.errors(loading: heavy).contains { $0.message.contains("add up to more than") })
    }

    /// libxml2 2.9 compares each attribute of a tag with the earlier ones, and looks each
    /// prefix up among all declarations in scope: such documents are refused before parsing.
    @Test func tooManyAttributesOrNamespaceDeclarationsAreRefusedBeforeParsing() throws {
        let attributes = (0..<300).map { " a\($0)=\"\"" }.joined()
        let manyAttributes = Self.assessment(answers: "<answer ref=\"A-1\"\(attributes)/>")
        #expect(Self.parseErrors(Array(manyAttributes.utf8)).contains { $0.message.contains("more than 256 attributes") })
        #expect(AssessmentStreamReader.read(bytes: Array(manyAttributes.utf8), path: "a.xml") == nil)
        // The same in UTF-16: NUL bytes do not hide the markup.
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in manyAttributes.replacingOccurrences(of: "<assessment", with: "<?xml version=\"1.0\" encoding=\"UTF-16\"?><assessment").utf16 {
            utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        #expect(Self.parseErrors(utf16).contains { $0.message.contains("more than 256 attributes") })

        let declarations = (0..<300).map { "<e xmlns:p\($0)=\"urn:p\($0)\">" }.joined() + String(repeating: "</e>", count: 300)
        let manyNamespaces = Self.assessment(answers: "<answer ref=\"A-1\"><note>\(declarations)</note></answer>")
        #expect(Self.parseErrors(Array(manyNamespaces.utf8)).contains { $0.message.contains("more than 256 namespace declarations") })

        // Attributes and declarations inside comments, CDATA and values do not count.
        let quiet = Self.assessment(answers: "<!--\(attributes)--><answer ref=\"A-1\"><note><![CDATA[<x\(attributes)>]]></note></answer>")
        #expect(Self.parseErrors(Array(quiet.utf8)).isEmpty)
    }

    // MARK: Helpers

    static func assessment(answers: String) -> String {
        """
        <assessment xmlns="urn:salama:assessment:1" checklist="salama-mini" date="2026-11-20">
        <cooperative id="C-1" name="C"><region>R</region><province>P</province><product>dates</product></cooperative>
        <assessor name="F" role="member"/>
        \(answers)
        </assessment>
        """
    }

    static func checklist(titles: String = "", sources: String = "", body: String = "") -> String {
        """
        <checklist xmlns="urn:salama:checklist:1" xmlns:xi="http://www.w3.org/2001/XInclude" id="regression" version="1" xml:lang="fr">
        <title>Régression</title>\(titles)
        \(sources)
        <target id="autorisation" level="1" min-score="70"><title>Autorisation</title></target>
        \(body)
        </checklist>
        """
    }

    static func errors(loading path: String) -> [Diagnostic] {
        do {
            _ = try ChecklistLoader.load(path: path)
            return []
        } catch {
            return error.errors
        }
    }

    static func parseErrors(_ bytes: [UInt8]) -> [Diagnostic] {
        do {
            _ = try XMLParser.parse(bytes: bytes, path: "a.xml")
            return []
        } catch {
            return error.errors
        }
    }
}
