import Foundation
import SalamaTestSupport
import Testing

/// Contract 1.1 through the built binary: an assessment whose cooperative names a product or an
/// activity the checklist does not declare is invalid (exit 1), with located errors on stderr.
@Suite("An undeclared product through the commands")
struct VocabularyCommandTests {
    static let miniChecklist = "Tests/Fixtures/checklists/valid/mini.xml"
    static let undeclared = "Tests/Fixtures/assessments/invalid/undeclared-product.xml"
    static let miniSelf = "Tests/Fixtures/assessments/valid/mini-self.xml"

    /// The two errors the fixture marks, as the commands print them: its <product>dattes</product>
    /// on line 11 and <activity>drying</activity> on line 13, each indented by four spaces.
    static let productError = "\(undeclared):11:5: error: unknown product 'dattes': did you mean 'dates'? (declared products: cheese, dairy, goat-cheese, honey, milk, dates)"
    static let activityError = "\(undeclared):13:5: error: unknown activity 'drying': the closest declared id is 'ripening' (declared activities: ripening, packaging)"

    static func errorLines(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { $0.contains(": error: ") }
    }

    @Test(arguments: ["text", "json"])
    func checkRefusesTheAssessment(format: String) throws {
        let result = try SalamaBinary.run(["check", "--lang", "en", Self.undeclared, "--checklist", Self.miniChecklist, "--format", format])
        #expect(result.status == 1, "exit 1: an input is invalid")
        let errors = Self.errorLines(result.standardError)
        #expect(errors.count == 2, "\(result.standardError)")
        #expect(errors.first?.hasPrefix(Self.productError) == true, "\(result.standardError)")
        #expect(errors.last?.hasPrefix(Self.activityError) == true, "\(result.standardError)")
        #expect(!result.standardOutput.contains("COOP-1"), "no verdict is given for it")
    }

    @Test func checkStillEvaluatesTheOtherFiles() throws {
        let result = try SalamaBinary.run(["check", Self.miniSelf, Self.undeclared, "--checklist", Self.miniChecklist, "--format", "json"])
        #expect(result.status == 1)
        #expect(Self.errorLines(result.standardError).count == 2)
        #expect(result.standardOutput.contains("\"COOP-ERR-0042\""), "the valid assessment is still evaluated")
    }

    @Test func validateRefusesTheAssessment() throws {
        let result = try SalamaBinary.run(["validate", "--lang", "en", "--checklist", Self.miniChecklist, Self.undeclared])
        #expect(result.status == 1)
        let errors = Self.errorLines(result.standardError)
        #expect(errors.count == 2, "\(result.standardError)")
        #expect(errors.first?.hasPrefix(Self.productError) == true, "\(result.standardError)")
        #expect(errors.last?.hasPrefix(Self.activityError) == true, "\(result.standardError)")
    }
}
