public import SalamaXML

/// Loads an assessment file on its own: strict parse, schema validation, then the rules of the
/// contract's section 2 (real dates, no duplicate answers). References to a checklist are
/// checked by `AssessmentCheck`.
public enum AssessmentLoader {
    public static let namespace = namespaceLiteral.description
    /// The namespace as the streaming reader compares it, in place.
    static let namespaceLiteral: StaticString = "urn:salama:assessment:1"

    /// Loads the assessment at `path`: a streaming pass for the common, valid file; the
    /// careful path (tree, schema, located errors) whenever that pass is not sure.
    public static func load(path: String) throws(InvalidInputError) -> Loaded<Assessment> {
        try load(bytes: FileReader.read(path, limit: XMLParser.maximumFileSize), path: path)
    }

    /// Loads an assessment's bytes, naming them `path`: the streaming pass, then the careful path
    /// whenever that pass is not sure (for programs that hold the file in memory).
    public static func load(bytes: [UInt8], path: String) throws(InvalidInputError) -> Loaded<Assessment> {
        if let assessment = AssessmentStreamReader.read(bytes: bytes, path: path) {
            return Loaded(value: assessment, warnings: [])
        }
        return try loadCarefully(bytes: bytes, path: path)
    }

    /// The careful path alone: tree, schema validation, every rule, every located error.
    public static func loadCarefully(bytes: [UInt8], path: String) throws(InvalidInputError) -> Loaded<Assessment> {
        try load(document: XMLParser.parse(bytes: bytes, path: path))
    }

    public static func load(document: XMLDocument) throws(InvalidInputError) -> Loaded<Assessment> {
        guard let root = document.root, root.name == "assessment", root.namespaceURI == namespace else {
            throw InvalidInputError(.error(at: document.root?.location ?? .file(document.path),
                                           ModelMessage.notAnAssessment(namespace: namespace)))
        }
        let schemaDiagnostics = Schemas.assessment.validate(document)
        var context = LoadContext(documentLanguage: root.language ?? "fr")
        let assessment = build(root, path: document.path, context: &context)
        let diagnostics = (schemaDiagnostics + context.diagnostics).sortedForDisplay()
        guard let assessment, !diagnostics.containsErrors else {
            throw InvalidInputError(diagnostics.isEmpty ? [.error(at: root.location, ModelMessage.invalidAssessment)] : diagnostics)
        }
        return Loaded(value: assessment, warnings: diagnostics)
    }

    private static func build(_ root: XMLElement, path: String, context: inout LoadContext) -> Assessment? {
        let date = context.day(root, "date")
        var cooperative: Cooperative?
        var assessors: [Assessor] = []
        var visit: Visit?
        var answers: [Answer] = []
        var answered: [String: SourceLocation] = [:]
        for child in root.children {
            switch child.name {
            case "cooperative":
                cooperative = buildCooperative(child, context: &context)
            case "assessor":
                if let role = child.attribute("role").flatMap(AssessorRole.init(rawValue:)) {
                    assessors.append(Assessor(name: child.attribute("name") ?? "", role: role))
                }
            case "visit":
                visit = buildVisit(child, context: &context)
            case "answer":
                guard let answer = buildAnswer(child, context: &context) else { continue }
                if let first = answered[answer.ref] {
                    context.error(child, .secondAnswer(ref: answer.ref, first: first.description))
                    continue
                }
                answered[answer.ref] = answer.location
                answers.append(answer)
            default: continue
            }
        }
        guard let date, let cooperative, let checklist = root.attribute("checklist") else { return nil }
        return Assessment(
            path: path,
            checklistID: checklist,
            checklistVersion: root.attribute("checklist-version"),
            date: date,
            kind: root.attribute("kind").flatMap(AssessmentKind.init(rawValue:)) ?? .selfAssessment,
            cooperative: cooperative,
            assessors: assessors,
            visit: visit,
            answers: answers,
            location: root.location
        )
    }

    private static func buildCooperative(_ element: XMLElement, context: inout LoadContext) -> Cooperative? {
        guard let id = element.attribute("id"), let name = element.attribute("name") else { return nil }
        var cooperative = Cooperative(id: id, name: name, region: "", province: "", products: [])
        for child in element.children {
            let text = Syntax.collapsingWhitespace(child.text)
            switch child.name {
            case "region": cooperative.region = text
            case "province": cooperative.province = text
            case "commune": cooperative.commune = text
            case "members": cooperative.members = context.integer(text, at: child, what: .subjectMembers)
            case "product":
                cooperative.products.append(text)
                cooperative.productLocations.append(child.location)
            case "activity":
                cooperative.activities.append(text)
                cooperative.activityLocations.append(child.location)
            default: continue
            }
        }
        return cooperative
    }

    private static func buildVisit(_ element: XMLElement, context: inout LoadContext) -> Visit {
        var visit = Visit(
            number: element.attribute("number"),
            purpose: element.attribute("purpose").flatMap(VisitPurpose.init(rawValue:)),
            start: element.attribute("start"),
            end: element.attribute("end"),
            place: element.attribute("place"))
        // Times that are no times are the schema's to report, not compared.
        if let start = visit.start, let end = visit.end, Lexical.isTime(start), Lexical.isTime(end), end < start {
            context.error(element, .visitEndsBeforeStart(end: "\(end)", start: "\(start)"))
        }
        for child in element.children {
            switch child.name {
            case "service": visit.service = Syntax.collapsingWhitespace(child.text)
            case "met": visit.met.append(PersonMet(name: child.attribute("name") ?? "", function: child.attribute("function")))
            case "sample":
                visit.samples.append(VisitSample(id: child.attribute("id") ?? "", product: child.attribute("product"),
                                                 analysis: child.attribute("analysis"), laboratory: child.attribute("laboratory")))
            default: continue
            }
        }
        return visit
    }

    private static func buildAnswer(_ element: XMLElement, context: inout LoadContext) -> Answer? {
        guard let ref = element.attribute("ref") else { return nil }
        var answer = Answer(
            ref: ref,
            status: element.attribute("status").flatMap(AnswerStatus.init(rawValue:)),
            deadline: context.day(element, "deadline"),
            evidence: [], measurements: [], notes: [],
            location: element.location)
        var evidenceIDs = UniqueIDs(.idEvidenceRecordFor(ref: ref))
        var measureIDs = UniqueIDs(.idMeasurementFor(ref: ref))
        for child in element.children {
            switch child.name {
            case "evidence":
                guard let evidenceRef = child.attribute("ref"), evidenceIDs.register(evidenceRef, at: child, in: &context) else { continue }
                answer.evidence.append(EvidenceRecord(
                    ref: evidenceRef, date: context.day(child, "date"),
                    document: Syntax.collapsingWhitespace(child.text), location: child.location))
            case "measurement":
                guard let measureRef = child.attribute("ref"), measureIDs.register(measureRef, at: child, in: &context) else { continue }
                answer.measurements.append(Measurement(ref: measureRef, value: context.decimal(child, "value"), location: child.location))
            case "note":
                answer.notes.append(Syntax.collapsingWhitespace(child.text))
            default: continue
            }
        }
        return answer
    }
}
