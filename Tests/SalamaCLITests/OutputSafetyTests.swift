import Foundation
import SalamaTestSupport
import Testing

/// Outputs that never destroy an input or a previous report, and write errors that end in one
/// message instead of a crash (issue 15, items 1–3).
@Suite("Output files and standard streams under failure")
struct OutputSafetyTests {
    static let checklist = "Checklists/onssa-hygiene.xml"
    static let sample = "Samples/ghris-goulmima-self.xml"

    private func copySample(into folder: TemporaryFolder, as name: String = "a.xml") throws -> String {
        folder.write(name, try Data(contentsOf: URL(fileURLWithPath: Fixtures.repository.path + "/" + Self.sample)))
    }

    @Test func anOutputNamingAnInputIsRefusedWhateverItsName() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let input = try copySample(into: folder)
        let before = try Data(contentsOf: URL(fileURLWithPath: input))
        try FileManager.default.linkItem(atPath: input, toPath: folder.path + "/hard.xml")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/soft.xml", withDestinationPath: input)
        for output in [input, folder.path + "/hard.xml", folder.path + "/soft.xml", folder.path + "/./a.xml"] {
            let result = try SalamaBinary.run(["check", "--lang", "en", "--checklist", Self.checklist, input, "--output", output])
            #expect(result.status == 64, "\(output)")
            #expect(result.standardError.contains("writing it would replace the input"))
            #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == before)
        }
        let checklistCopy = folder.write("list.xml", try Data(contentsOf: URL(fileURLWithPath: Fixtures.repository.path + "/Tests/Fixtures/workbook/checklist.xml")))
        let template = try SalamaBinary.run(["template", "--lang", "en", "--checklist", checklistCopy, "--products", "honey", "--output", checklistCopy])
        #expect(template.status == 64)
        #expect(template.standardError.contains("writing it would replace the input"))
        let csv = folder.write("f.csv", "whatever")
        let imported = try SalamaBinary.run(["import", "--lang", "en", csv, "--output", csv])
        #expect(imported.status == 64)
        #expect(try String(contentsOfFile: csv, encoding: .utf8) == "whatever")
        let lists = folder.write("lists/wb.xml", try Data(contentsOf: URL(fileURLWithPath: Fixtures.repository.path + "/Tests/Fixtures/workbook/checklist.xml")))
        let listBefore = try Data(contentsOf: URL(fileURLWithPath: lists))
        let assessment = folder.write("wb.xml", "<?xml version=\"1.0\"?><assessment xmlns=\"urn:salama:assessment:1\" checklist=\"workbook-test\" date=\"2026-11-20\" kind=\"self\"><cooperative id=\"C1\" name=\"C\"><region>R</region><province>P</province><product>honey</product></cooperative><assessor name=\"A\" role=\"member\"/></assessment>")
        let byID = try SalamaBinary.run(["check", "--lang", "en", "--checklists", folder.path + "/lists", assessment, "--output", lists])
        #expect(byID.status == 64, "the checklist found by id is an input too: \(byID.standardError)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: lists)) == listBefore)
        let summary = try SalamaBinary.run(["summary", "--lang", "en", "--checklist", Self.checklist, folder.path, "--output", input])
        #expect(summary.status == 64)
        #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == before)
    }

    @Test func aFailedOutputLeavesThePreviousReportAndSaysWhy() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let input = try copySample(into: folder)
        let report = folder.write("report.txt", "previous report")
        // A folder standing where a file is expected fails the atomic writer's temp file.
        let intoFolder = try SalamaBinary.run(["check", "--lang", "en", "--checklist", Self.checklist, input, "--output", folder.path])
        #expect(intoFolder.status == 1)
        #expect(intoFolder.standardError.contains("it is a folder, not a file (EISDIR)"))
        let missing = try SalamaBinary.run(["check", "--lang", "en", "--checklist", Self.checklist, input, "--output", folder.path + "/none/report.txt"])
        #expect(missing.status == 1)
        #expect(missing.standardError.contains("the folder does not exist (ENOENT)"))
        let full = try SalamaBinary.run(["check", "--lang", "en", "--checklist", Self.checklist, input, "--output", "/dev/full"])
        #expect(full.status == 1)
        #expect(full.standardError.contains("no space left on the device (ENOSPC)"))
        #expect(try String(contentsOfFile: report, encoding: .utf8) == "previous report")

        let written = try SalamaBinary.run(["check", "--lang", "en", "--checklist", Self.checklist, input, "--output", report])
        #expect(written.status == 0)
        #expect(try String(contentsOfFile: report, encoding: .utf8).contains("Ghris Goulmima"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["a.xml", "report.txt"], "no temp file left")
    }

    @Test func aWriteThatFailsHalfwayLeavesThePreviousReportWhole() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let input = try copySample(into: folder)
        let previous = String(repeating: "previous report\n", count: 10)
        let report = folder.write("report.html", previous)
        // A file size limit of 4 KiB (SIGXFSZ ignored): the write fails with EFBIG part way
        // through a regular file, as it would on a full disk.
        let result = try SalamaBinary.runShell("trap '' XFSZ; ulimit -f 4; \"$SALAMA\" check --lang en --checklist '\(Fixtures.repository.path)/\(Self.checklist)' --format html '\(input)' --output '\(report)'")
        #expect(result.status == 1)
        #expect(result.standardError.contains("the file is too large (EFBIG)"))
        #expect(try String(contentsOfFile: report, encoding: .utf8) == previous)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["a.xml", "report.html"], "the temp file is removed")
    }

    @Test("Write errors on standard output and error end in one message, never a trap", arguments: [
        ("check --lang en --checklist Checklists/onssa-hygiene.xml Samples/ghris-goulmima-self.xml > /dev/full", Int32(1), "no space left"),
        ("validate --lang en Samples/ghris-goulmima-self.xml > /dev/full", 1, "no space left"),
        ("summary --lang en --checklist Checklists/onssa-hygiene.xml Samples >&-", 1, "standard output"),
        // The JSON summary is written in pieces as it is made: the first failure is the one message.
        ("summary --lang en --checklist Checklists/onssa-hygiene.xml --format json Samples > /dev/full", 1, "no space left"),
        ("summary --lang en --checklist Checklists/onssa-hygiene.xml --format json Samples --output /dev/full", 1, "no space left"),
        ("template --lang en --checklist Checklists/onssa-hygiene.xml --products couscous >&-", 1, "standard output"),
    ])
    func standardOutputErrors(command: String, status: Int32, message: String) throws {
        let result = try SalamaBinary.runShell("\"$SALAMA\" \(command)")
        #expect(result.status == status)
        #expect(result.standardError.components(separatedBy: "\n").filter { !$0.isEmpty }.count == 1)
        #expect(result.standardError.contains(message))
        #expect(!result.standardError.contains("Fatal error"))
    }

    @Test func aReaderThatGoesAwayEndsTheRunQuietly() throws {
        // SIGPIPE ignored, as some shells and services leave it: the write fails with EPIPE.
        let result = try SalamaBinary.runShell("""
            trap '' PIPE
            errors=$(mktemp)
            "$SALAMA" check --checklist Checklists/onssa-hygiene.xml --format html Samples/*.xml 2>"$errors" | (sleep 1; head -c 10 >/dev/null)
            cat "$errors" >&2; rm -f "$errors"
            """)
        #expect(!result.standardError.contains("Fatal error"))
        #expect(result.standardError.isEmpty)
    }

    @Test func fileNamesThatAreNotUTF8AreReadAndWritten() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        _ = try copySample(into: folder)
        // Latin-1 names: 'café.xml' in, 'rapport-é.txt' out.
        let result = try SalamaBinary.runShell("""
            input=$(printf 'caf\\351.xml'); output=$(printf 'rapport-\\351.txt')
            cp a.xml "$input"
            "$SALAMA" check --checklist '\(Fixtures.repository.path)/\(Self.checklist)' "$input" --output "$output" && ls "$output" >/dev/null
            "$SALAMA" check --lang en --checklist '\(Fixtures.repository.path)/\(Self.checklist)' "$(printf 'absent-\\351.xml')"
            """, in: folder.path)
        #expect(result.status == 1, "the absent file, after the Latin-1 one was read and its report written")
        #expect(result.standardError.contains("absent-<0xE9>.xml: error: cannot read file: no such file"))
        #expect(!result.standardError.contains("caf"))
        #expect(!result.standardError.contains("rapport"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 3, "a.xml, the Latin-1 input and its report")

        // A broken file with such a name, in each summary format.
        let broken = try SalamaBinary.runShell("""
            mkdir -p in && printf '<assessment' > "in/$(printf 'bad-\\351.xml')" && cp a.xml in/a.xml
            for format in json html markdown text; do "$SALAMA" summary --checklist '\(Fixtures.repository.path)/\(Self.checklist)' --format $format in; done
            """, in: folder.path)
        #expect(broken.status == 1)
        #expect(broken.standardOutput.contains("bad-<0xE9>.xml"), "json, markdown (escaped) and text")
        #expect(broken.standardOutput.contains("bad-&lt;0xE9&gt;.xml"), "html")
        #expect(!broken.standardOutput.unicodeScalars.contains { $0.value >= 0x10FF80 })
    }

    @Test func diagnosticsThatCannotBeWrittenFailTheRun() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        // An answer to a requirement the checklist does not have: a warning on standard error.
        let sample = try String(contentsOfFile: Fixtures.repository.path + "/" + Self.sample, encoding: .utf8)
        let input = folder.write("w.xml", sample.replacingOccurrences(of: "<answer ref=\"IMP-01\"", with: "<answer ref=\"NOPE-99\" status=\"yes\"/><answer ref=\"IMP-01\""))
        let shown = try SalamaBinary.run(["check", "--lang", "en", "--checklist", Self.checklist, input, "--output", folder.path + "/r.txt"])
        #expect(shown.status == 0)
        #expect(shown.standardError.contains("NOPE-99"))
        for redirection in ["2>/dev/full", "2>&-"] {
            let lost = try SalamaBinary.runShell("\"$SALAMA\" check --lang en --checklist Checklists/onssa-hygiene.xml '\(input)' --output '\(folder.path)/r.txt' \(redirection)")
            #expect(lost.status == 1, "\(redirection)")
            #expect(!lost.standardError.contains("Fatal error"))
        }
        // Closed standard output: no file opened later becomes the report's destination.
        let closed = try SalamaBinary.runShell("\"$SALAMA\" check --lang en --checklist Checklists/onssa-hygiene.xml '\(input)' >&-")
        #expect(closed.status == 1)
        #expect(closed.standardError.contains("standard output: cannot write: the file is closed (EBADF)"))
    }
}

/// `salama summary` on the built binary: what it counts, and what it lists as invalid.
@Suite("salama summary: each file once, every skipped folder named")
struct SummaryCommandInputTests {
    @Test func theSameFolderTwiceCountsEachFileOnce() throws {
        let result = try SalamaBinary.run(["summary", "--checklist", "Checklists/onssa-hygiene.xml", "--format", "json", "Samples", "Samples/", "Samples/tamr-draa-self.xml"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.repository.path + "/Samples").filter { $0.hasSuffix(".xml") }
        #expect(json["assessments"] as? Int == files.count)
    }

    @Test func aFolderThatCannotBeOpenedIsListedAndFailsTheRun() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let sample = try Data(contentsOf: URL(fileURLWithPath: Fixtures.repository.path + "/Samples/tamr-draa-self.xml"))
        folder.write("deep/top.xml", sample)
        folder.write("deep/" + Array(repeating: "d", count: 40).joined(separator: "/") + "/bottom.xml", sample)
        // Too few descriptors for 40 nested folders: opendir fails with EMFILE at some depth.
        let result = try SalamaBinary.runShell("ulimit -n 16; \"$SALAMA\" summary --lang en --checklist '\(Fixtures.repository.path)/Checklists/onssa-hygiene.xml' deep", in: folder.path)
        #expect(result.status == 1)
        #expect(result.standardError.contains("error: cannot open the folder: too many open files; its files were not read"))
    }
}
