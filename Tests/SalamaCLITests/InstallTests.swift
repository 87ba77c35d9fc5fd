import Foundation
import SalamaTestSupport
import Testing

/// An installed binary, run from any folder, finds the checklist installed beside it
/// (`PREFIX/share/salama/Checklists` for `PREFIX/bin/salama`), as the README installs it.
@Suite("salama installed under a prefix")
struct InstallTests {
    static let sample = Fixtures.repositoryPath("Samples/nakhil-erfoud-self.xml")

    @Test func anInstalledBinaryFindsTheChecklistInstalledBesideIt() throws {
        let prefix = TemporaryFolder()
        let files = FileManager.default
        let binary = URL(fileURLWithPath: prefix.path).appendingPathComponent("bin/salama")
        try files.createDirectory(at: binary.deletingLastPathComponent(), withIntermediateDirectories: true)
        try files.copyItem(at: SalamaBinary.url, to: binary)
        try files.createDirectory(atPath: prefix.path + "/share/salama", withIntermediateDirectories: true)
        try files.copyItem(atPath: Fixtures.repositoryPath("Checklists"), toPath: prefix.path + "/share/salama/Checklists")
        let elsewhere = TemporaryFolder()

        let installed = try SalamaBinary.run(["check", Self.sample, "--format", "json"], in: elsewhere.path, executable: binary)
        let fromRepository = try SalamaBinary.run(["check", Self.sample, "--format", "json"])
        #expect(installed.status == 0, "\(installed.standardError)")
        #expect(installed.standardError == "")
        #expect(installed.standardOutput == fromRepository.standardOutput.replacingOccurrences(
            of: "\"Checklists/", with: "\"\(prefix.path)/share/salama/Checklists/"))
    }

    @Test func withoutAnyChecklistFolderTheMessageSaysHowToNameOne() throws {
        let elsewhere = TemporaryFolder()
        let result = try SalamaBinary.run(["check", Self.sample], in: elsewhere.path)
        #expect(result.status == 1)
        #expect(result.standardOutput == "")
        #expect(result.standardError.contains("checklist folder not found"))
        #expect(result.standardError.contains("--checklists"))
        #expect(result.standardError.contains("SALAMA_CHECKLISTS"))
    }
}
