import Foundation
import SalamaEvaluation
import SalamaModel
import SalamaTestSupport

/// A small checklist written for the evaluation rules, with scores computable by hand.
///
/// Targets: t1 (level 1, min 70, max-major 1) ⊂ t2 (level 2, min 80, max-major 0, required for
/// cheese) ⊂ t3 (level 3, min 90, includes t2: a chain of three); t4 (level 4, min 50) has no
/// requirement of its own and includes nothing, so its score is 100. W2 may be declared not
/// applicable (`allow-na`).
enum EvaluationFixture {
    static func checklist(partial: String = "0.5") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <checklist xmlns="urn:salama:checklist:1" id="eval" version="1" xml:lang="fr">
          <title>Évaluation</title>
          <source id="law">Loi</source>
          <product id="cheese"><title>Fromage</title><title xml:lang="ar">جبن</title><alias>fromages</alias></product>
          <product id="honey"><title>Miel</title></product>
          <product id="dates"><title>Dattes</title><alias>datte</alias></product>
          <activity id="storage"><title>Stockage</title></activity>
          <scoring partial="\(partial)"/>
          <target id="t1" level="1" min-score="70" max-major="1"><title>T1</title></target>
          <target id="t2" level="2" min-score="80" max-major="0" includes="t1"><title>T2</title>
            <required-for products="cheese"/></target>
          <target id="t3" level="3" min-score="90" includes="t2"><title>T3</title></target>
          <target id="t4" level="4" min-score="50"><title>T4</title></target>
          <section id="water">
            <title>Eau</title>
            <requirement id="W1" severity="critical" target="t1" weight="2">
              <title>Eau potable</title>
              <cite source="law" at="art. 1"/>
              <evidence id="analysis" max-age-days="365"><title>Analyse</title></evidence>
              <measure id="chlorine" unit="mg/L" min="0.1" max="1.0"><title>Chlore</title></measure>
              <action cost="low">Analyser l'eau</action>
            </requirement>
            <requirement id="W2" severity="major" target="t1" allow-na="true"><title>Réservoir propre</title></requirement>
          </section>
          <section id="dairy">
            <title>Lait</title>
            <applies-when products="cheese"/>
            <section id="cold">
              <title>Froid</title>
              <applies-when activities="storage"/>
              <requirement id="D1" severity="major" target="t2" weight="3"><title>Chambre froide</title></requirement>
            </section>
            <requirement id="D2" severity="minor" target="t2"><title>Étiquettes</title></requirement>
          </section>
          <section id="export">
            <title>Export</title>
            <requirement id="E1" severity="minor" target="t3"><title>Traçabilité</title></requirement>
            <requirement id="E2" severity="major" target="t3"><title>Plan de résidus</title>
              <applies-when products="honey"/></requirement>
          </section>
        </checklist>
        """
    }

    /// An assessment of a cooperative with `products` and `activities`, dated 2026-11-20.
    static func assessment(products: [String] = ["cheese"], activities: [String] = [], version: String? = nil, answers: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <assessment xmlns="urn:salama:assessment:1" checklist="eval"\(version.map { " checklist-version=\"\($0)\"" } ?? "") date="2026-11-20" kind="self">
          <cooperative id="C1" name="Test">
            <region>Drâa-Tafilalet</region><province>Errachidia</province>
            \(products.map { "<product>\($0)</product>" }.joined())
            \(activities.map { "<activity>\($0)</activity>" }.joined())
          </cooperative>
          <assessor name="Aicha" role="member"/>
          \(answers)
        </assessment>
        """
    }

    /// Loads both texts and evaluates.
    static func evaluate(checklist: String = checklist(), assessment: String) throws -> Evaluation {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let checklistPath = folder.write("eval.xml", checklist)
        let assessmentPath = folder.write("a.xml", assessment)
        let loadedChecklist = try ChecklistLoader.load(path: checklistPath).value
        let loadedAssessment = try AssessmentLoader.load(path: assessmentPath).value
        return Evaluator(loadedChecklist).evaluate(loadedAssessment)
    }

    /// Every requirement of the fixture answered `status`.
    static func allAnswered(_ status: String) -> String {
        ["W1", "W2", "D1", "D2", "E1", "E2"].map { "<answer ref=\"\($0)\" status=\"\(status)\"/>" }.joined()
    }

    /// A `yes` answer to W1 with everything in order, but for what `evidenceDate` and
    /// `chlorine` say.
    static func waterAnswer(status: String = "yes", evidenceDate: String? = "2026-01-10", chlorine: String? = "0.4") -> String {
        var answer = "<answer ref=\"W1\" status=\"\(status)\">"
        if let evidenceDate { answer += "<evidence ref=\"analysis\" date=\"\(evidenceDate)\">a.pdf</evidence>" }
        if let chlorine { answer += "<measurement ref=\"chlorine\" value=\"\(chlorine)\"/>" }
        return answer + "</answer>"
    }
}

extension Evaluation {
    func result(_ id: String) -> RequirementResult? { results.first { $0.requirement.id == id } }
    func target(_ id: String) -> TargetResult? { targets.first { $0.target.id == id } }
}
