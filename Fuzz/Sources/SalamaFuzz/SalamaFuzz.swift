// libFuzzer entry point for Salama's loaders and evaluation (built only by scripts/fuzz.sh).
//
// One input is either one file, given to both loaders, or a checklist and an assessment
// separated by a NUL byte (XML never holds one): `CHECKLIST \0 ASSESSMENT`.
//
// For the assessment bytes, the streaming reader and the careful path must agree: when the
// streaming reader returns a value, the careful path must accept the file and build an equal
// `Assessment`. For the checklist bytes, the file is written into a private folder that holds
// modules to include and, just outside it, a module that must never be reached (directly, by
// `..`, or through symbolic links): a checklist that loads with it is a confinement breach.
// When a checklist and an assessment load, they are evaluated (directly and by `SummaryRun`).
// Every broken promise stops the process on purpose, so libFuzzer keeps the input.

import Foundation
import SalamaEvaluation
import SalamaModel
import SalamaXML

/// The id of the section that sits outside the checklist folder: no loaded checklist may hold it.
private let escapedMarker = "escaped-secret"

/// Made once per process: the private folders and the reference checklists.
private final class FuzzWorld: Sendable {
    /// A private temporary folder (mkdtemp), removed at exit.
    let root: String
    /// The checklist's folder: the fuzzed checklist is written here, beside `modules/`.
    let checklistPath: String
    let assessmentPath: String
    /// Valid checklists, loaded once, to evaluate every loaded assessment against.
    let references: [Checklist]

    init() {
        XMLLibrary.initialize()
        var template = Array("\(NSTemporaryDirectory())/salama-fuzz-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            fatalError("salama-fuzz: cannot make a temporary folder")
        }
        root = String(cString: made)
        let manager = FileManager.default
        let repository = ProcessInfo.processInfo.environment["SALAMA_REPOSITORY"]
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().path
        let folder = root + "/checklists"
        let modules = folder + "/modules"
        let outside = root + "/outside"
        try! manager.createDirectory(atPath: modules, withIntermediateDirectories: true)
        try! manager.createDirectory(atPath: outside, withIntermediateDirectories: true)

        // Modules that includes may name: the bundled checklist's and the fixtures'.
        for source in ["Checklists/modules", "Tests/Fixtures/checklists/valid/modules", "Tests/Fixtures/hostile/modules"] {
            let from = repository + "/" + source
            guard let enumerator = manager.enumerator(atPath: from) else { continue }
            while let relative = enumerator.nextObject() as? String {
                guard relative.hasSuffix(".xml") else { continue }
                let target = modules + "/" + relative
                try? manager.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try? manager.copyItem(atPath: from + "/" + relative, toPath: target)
            }
        }
        // What must stay out of reach: a valid module and a text file outside the folder, and
        // symbolic links inside the folder that lead to them.
        let secretModule = """
            <section xmlns="urn:salama:checklist:1" id="\(escapedMarker)"><title>\(escapedMarker)</title>\
            <requirement id="\(escapedMarker)-1" target="autorisation"><title>\(escapedMarker)</title></requirement></section>
            """
        try! secretModule.write(toFile: outside + "/secret-module.xml", atomically: true, encoding: .utf8)
        try! escapedMarker.write(toFile: outside + "/secret.txt", atomically: true, encoding: .utf8)
        try? manager.createSymbolicLink(atPath: modules + "/link.xml", withDestinationPath: "../../outside/secret-module.xml")
        try? manager.createSymbolicLink(atPath: modules + "/outside", withDestinationPath: "../../outside")
        try? manager.createSymbolicLink(atPath: folder + "/absolute-link.xml", withDestinationPath: outside + "/secret-module.xml")

        checklistPath = folder + "/fuzz.xml"
        assessmentPath = root + "/assessment.xml"
        references = ["Checklists/onssa-hygiene.xml", "Tests/Fixtures/checklists/valid/mini.xml"].compactMap {
            try? ChecklistLoader.load(path: repository + "/" + $0).value
        }
        if references.isEmpty {
            FileHandle.standardError.write(Data("salama-fuzz: no reference checklist under \(repository) (set SALAMA_REPOSITORY)\n".utf8))
        }
    }
}

/// The private folder, for its removal at exit (libFuzzer ends with `exit`).
private nonisolated(unsafe) var temporaryRoot: String?
private let world: FuzzWorld = {
    let made = FuzzWorld()
    temporaryRoot = made.root
    atexit { if let root = temporaryRoot { try? FileManager.default.removeItem(atPath: root) } }
    return made
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func salamaFuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let checklistBytes: [UInt8], assessmentBytes: [UInt8]
    if let separator = bytes.firstIndex(of: 0) {
        checklistBytes = Array(bytes[..<separator])
        assessmentBytes = Array(bytes[(separator + 1)...])
    } else {
        checklistBytes = bytes
        assessmentBytes = bytes
    }

    let assessment = checkAssessment(assessmentBytes)
    let checklist = checkChecklist(checklistBytes)

    if let assessment {
        for reference in world.references { evaluate(assessment, reference) }
    }
    if let checklist {
        // An assessment answering every requirement, to take the evaluation through the
        // fuzzed checklist's rules.
        let synthetic = syntheticAssessment(for: checklist)
        if let answered = checkAssessment(synthetic) { evaluate(answered, checklist) }
        if let assessment {
            evaluate(assessment, checklist)
            summarize(assessment: assessmentBytes)
        }
    }
    return 0
}

/// The streaming reader and the careful path on the same bytes; the assessment when it loads.
private func checkAssessment(_ bytes: [UInt8]) -> Assessment? {
    let path = world.assessmentPath
    let fast = AssessmentStreamReader.read(bytes: bytes, path: path)
    let careful: Assessment?
    do {
        careful = try AssessmentLoader.loadCarefully(bytes: bytes, path: path).value
    } catch {
        if fast != nil {
            fatalError("the streaming reader accepted an assessment that the careful path refuses: \(error)")
        }
        careful = nil
    }
    if let fast, let careful, fast != careful {
        fatalError("the streaming reader and the careful path build different assessments:\nstreaming: \(fast)\ncareful:   \(careful)")
    }
    return careful
}

/// Loads the bytes as a checklist file of the private folder, so that XInclude runs confined.
private func checkChecklist(_ bytes: [UInt8]) -> Checklist? {
    guard FileManager.default.createFile(atPath: world.checklistPath, contents: Data(bytes)) else {
        fatalError("salama-fuzz: cannot write \(world.checklistPath)")
    }
    guard let checklist = try? ChecklistLoader.load(path: world.checklistPath).value else { return nil }
    func breach(_ section: Section) -> Bool {
        section.id.hasPrefix(escapedMarker) || section.items.contains {
            switch $0 {
            case .section(let child): breach(child)
            case .requirement(let requirement): requirement.id.hasPrefix(escapedMarker)
            }
        }
    }
    if checklist.sections.contains(where: breach) {
        fatalError("a checklist loaded a module from outside its folder")
    }
    return checklist
}

private func evaluate(_ assessment: Assessment, _ checklist: Checklist) {
    _ = AssessmentCheck.mismatch(assessment, checklist)
    _ = AssessmentCheck.warnings(assessment, checklist)
    let evaluation = Evaluator(checklist).evaluate(assessment)
    _ = evaluation.requiredTarget
    _ = evaluation.sectionCompliance
    _ = evaluation.documents
    for target in evaluation.targets where !(0...100).contains(target.score) {
        fatalError("target \(target.target.id) scored \(target.score), outside 0…100")
    }
}

/// `SummaryRun` over the assessment file, with the fuzzed checklist (written by `checkChecklist`).
private func summarize(assessment bytes: [UInt8]) {
    guard FileManager.default.createFile(atPath: world.assessmentPath, contents: Data(bytes)) else {
        fatalError("salama-fuzz: cannot write \(world.assessmentPath)")
    }
    let run = SummaryRun(catalog: ChecklistCatalog(.file(world.checklistPath)))
    guard let report = try? run.run(files: [world.assessmentPath], workers: 1) else { return }
    if report.summary.assessments + report.invalid.count != 1 {
        fatalError("the summary of one file counted \(report.summary.assessments) assessments and \(report.invalid.count) invalid files")
    }
}

/// An assessment of `checklist` that answers each requirement, in turn yes, partial, no, na or
/// nothing, with its evidence (dated or not) and its measures (inside, outside or missing).
private func syntheticAssessment(for checklist: Checklist) -> [UInt8] {
    func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
    var xml = """
        <assessment xmlns="urn:salama:assessment:1" checklist="\(escaped(checklist.id))" date="2026-11-20">
        <cooperative id="FUZZ-1" name="Fuzz"><region>R</region><province>P</province>
        <product>dates</product><product>cheese</product><activity>ripening</activity></cooperative>

        """
    let statuses = ["yes", "partial", "no", "na", nil]
    for (index, requirement) in checklist.requirements.enumerated() {
        let status = statuses[index % statuses.count].map { " status=\"\($0)\"" } ?? ""
        xml += "<answer ref=\"\(escaped(requirement.id))\"\(status)>"
        for (slot, evidence) in requirement.evidence.enumerated() {
            let date = slot % 2 == 0 ? " date=\"20\(10 + index % 20)-01-15\"" : ""
            xml += "<evidence ref=\"\(escaped(evidence.id))\"\(date)>doc</evidence>"
        }
        for (slot, measure) in requirement.measures.enumerated() where slot % 3 != 2 {
            let value = (slot % 3 == 0 ? measure.min ?? measure.max : (measure.max ?? 0) + 1) ?? 0
            xml += "<measurement ref=\"\(escaped(measure.id))\" value=\"\(value.isFinite ? String(format: "%.3f", value) : "0")\"/>"
        }
        xml += "</answer>\n"
    }
    xml += "</assessment>\n"
    return Array(xml.utf8)
}
