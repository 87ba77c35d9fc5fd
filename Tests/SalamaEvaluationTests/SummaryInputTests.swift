import Foundation
import SalamaEvaluation
import SalamaModel
import SalamaTestSupport
import SalamaXML
import Testing

/// Summaries that never lie about what they read (issue 15, items 4–9).
@Suite("Summary: what it reads, what it skips, and why")
struct SummaryInputTests {
    static func assessment(id: String = "C1", province: String = "Errachidia") -> String {
        EvaluationFixture.assessment(answers: "<answer ref=\"W2\" status=\"yes\"/>")
            .replacingOccurrences(of: "<province>Errachidia</province>", with: "<province>\(province)</province>")
            .replacingOccurrences(of: "id=\"C1\"", with: "id=\"\(id)\"")
    }

    @Test func eachFileIsReadOnceWhateverReachesIt() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let first = folder.write("in/a.xml", Self.assessment(id: "A"))
        folder.write("in/b.xml", Self.assessment(id: "B"))
        try FileManager.default.linkItem(atPath: first, toPath: folder.path + "/in/hard-a.xml")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/in/soft-a.xml", withDestinationPath: first)
        let listing = SummaryRun.listing(under: [folder.path + "/in", folder.path + "/in/", first, folder.path + "/in/../in/b.xml"])
        #expect(listing.files == [first, folder.path + "/in/b.xml"])
        #expect(listing.skipped.isEmpty)
    }

    @Test func onlyRegularFilesAreReadInAFolder() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("in/a.xml", Self.assessment())
        #expect(mkfifo(folder.path + "/in/fifo.xml", 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/in/stdin.xml", withDestinationPath: "/dev/stdin")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/in/null.csv", withDestinationPath: "/dev/null")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/in/dangling.xml", withDestinationPath: folder.path + "/nothing")
        let listing = SummaryRun.listing(under: [folder.path + "/in"])
        #expect(listing.files == [folder.path + "/in/a.xml"])
        #expect(listing.skipped.map { ($0.file as NSString).lastPathComponent } == ["dangling.xml", "fifo.xml", "null.csv", "stdin.xml"])
        #expect(listing.skipped[0].error.contains("no such file"))
        #expect(listing.skipped[1].error.contains("not a regular file (a FIFO)"))
        #expect(listing.skipped[2].error.contains("a character device"))

        let checklist = folder.write("checklist/eval.xml", EvaluationFixture.checklist())
        let report = try SummaryRun(catalog: ChecklistCatalog(.file(checklist))).run(listing, workers: 2)
        #expect(report.summary.assessments == 1)
        #expect(report.invalid.count == 4)
    }

    @Test func aFileWhoseNameIsNotUTF8IsReadAndShownEscaped() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("in/plain.xml", Self.assessment(id: "P"))
        // "café.xml" in Latin-1: the byte 0xE9 alone is not UTF-8.
        let name: [UInt8] = Array((folder.path + "/in/caf").utf8) + [0xE9] + Array(".xml".utf8)
        let data = Array(Self.assessment(id: "L").utf8)
        let descriptor = (name.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
        #expect(descriptor >= 0)
        _ = data.withUnsafeBytes { write(descriptor, $0.baseAddress!, $0.count) }
        close(descriptor)

        let listing = SummaryRun.listing(under: [folder.path + "/in"])
        #expect(listing.files.count == 2)
        #expect(listing.skipped.isEmpty)
        let latin = try #require(listing.files.first { $0.hasSuffix(".xml") && !$0.hasSuffix("plain.xml") })
        #expect(VisibleText.escaping(latin).hasSuffix("/caf<0xE9>.xml"))
        let loaded = try AssessmentLoader.load(path: latin)
        #expect(loaded.value.cooperative.id == "L")

        let checklist = folder.write("checklist/eval.xml", EvaluationFixture.checklist())
        let report = try SummaryRun(catalog: ChecklistCatalog(.file(checklist))).run(listing, workers: 2)
        #expect(report.summary.assessments == 2)
        #expect(report.invalid.isEmpty)
    }

    @Test func aProvinceSpelledInNFCAndNFDIsOneGroupWithOneSpelling() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let composed = "T\u{E2}ta", decomposed = "Ta\u{302}ta"
        for index in 0..<40 {
            folder.write(String(format: "in/%02d.xml", index), Self.assessment(id: "C\(index)", province: index % 2 == 0 ? decomposed : composed))
        }
        let checklist = folder.write("checklist/eval.xml", EvaluationFixture.checklist())
        for _ in 0..<5 {
            let report = try SummaryRun(catalog: ChecklistCatalog(.file(checklist)), grouping: .province)
                .run(SummaryRun.listing(under: [folder.path + "/in"]), workers: 2)
            #expect(report.groups.count == 1)
            #expect(report.groups.first.map { Array($0.value.unicodeScalars) } == Array(composed.unicodeScalars))
            #expect(report.groups.first?.summary.assessments == 40)
        }
    }

    @Test func twoChecklistsWithOneIdAreAnErrorNamingBoth() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("lists/a.xml", EvaluationFixture.checklist())
        folder.write("lists/b.xml", EvaluationFixture.checklist(partial: "0.25"))
        let catalog = ChecklistCatalog(.directory(folder.path + "/lists"))
        let error = #expect(throws: InvalidInputError.self) { try catalog.checklist(for: "eval") }
        let message = error?.description ?? ""
        #expect(message.contains("2 checklists have the id 'eval'"))
        #expect(message.contains("/lists/a.xml'") && message.contains("/lists/b.xml'"))
        #expect(throws: InvalidInputError.self) { try catalog.location(of: "eval") }
        #expect(try catalog.location(of: "other") == nil)
    }
}
