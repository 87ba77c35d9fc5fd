import Hummingbird
import SalamaModel
import SalamaReports
import SalamaWorkbook
import SalamaXML

/// The visit data of an inspection (`<visit>`): number, purpose, times, place, service, the
/// persons met and the samples taken. Blank boxes are left out of the file.
struct VisitController {
    let workshop: Workshop
    let views: Views
    /// Rows of persons met and of samples the form offers.
    static let rows = 4

    struct VisitForm: Decodable {
        var rev: String?
        var number: String?
        var purpose: String?
        var start: String?
        var end: String?
        var place: String?
        var service: String?
        var met: [String: [String: String]]?
        var sample: [String: [String: String]]?
    }

    func addRoutes(to group: RouterGroup<LinkRequestContext>) {
        group.get("{lang}/visit", use: show)
        group.post("{lang}/visit", use: save)
    }

    @Sendable func show(_ request: Request, context: LinkRequestContext) async throws -> HTML {
        let (language, base) = try page(context)
        let state = await context.cell.state()
        return render(language: language, base: base, visit: state.assessment.visit, revision: state.answerRevisions[AssessmentCell.visitKey] ?? 0,
                      problems: [], status: .ok)
    }

    @Sendable func save(_ request: Request, context: LinkRequestContext) async throws -> Response {
        let (language, base) = try page(context)
        let form = try await request.decode(as: VisitForm.self, context: context)
        let words = views.words(language)
        var problems: [String] = []
        func text(_ value: String?) -> String? {
            let trimmed = (value ?? "").trimmed
            return trimmed.isEmpty ? nil : String(trimmed.prefix(300))
        }
        func time(_ value: String?) -> String? {
            guard let value = text(value) else { return nil }
            let parts = value.split(separator: ":")
            guard parts.count >= 2, let hours = Int(parts[0]), let minutes = Int(parts[1]), (0...23).contains(hours), (0...59).contains(minutes),
                  parts[0].count == 2, parts[1].count == 2 else {
                problems.append("\(value) ?")
                return nil
            }
            return "\(parts[0]):\(parts[1])"
        }
        let purpose = text(form.purpose).flatMap(VisitPurpose.init(rawValue:))
        if text(form.purpose) != nil && purpose == nil { throw HTTPError(.badRequest) }
        let met = (0..<Self.rows).compactMap { row -> PersonMet? in
            guard let name = text(form.met?["p\(row)"]?["name"]) else { return nil }
            return PersonMet(name: name, function: text(form.met?["p\(row)"]?["function"]))
        }
        var samples: [VisitSample] = []
        for row in 0..<Self.rows {
            let fields = form.sample?["s\(row)"] ?? [:]
            guard let id = text(fields["id"]) else { continue }
            guard WorkbookProfile.isCooperativeID(id) else {
                problems.append("\(id) ?")
                continue
            }
            samples.append(VisitSample(id: id, product: text(fields["product"]), analysis: text(fields["analysis"]), laboratory: text(fields["laboratory"])))
        }
        var visit = Visit(number: text(form.number), purpose: purpose, start: time(form.start), end: time(form.end), place: text(form.place),
                          service: text(form.service), met: met, samples: samples)
        let empty = Visit()
        let value: Visit? = visit == empty ? nil : visit
        let seen = Int((form.rev ?? "").trimmed) ?? 0
        guard problems.isEmpty else {
            visit = value ?? empty
            return try render(language: language, base: base, visit: visit, revision: seen, problems: problems, status: .badRequest)
                .response(from: request, context: context)
        }
        let outcome: SaveOutcome
        do {
            outcome = try await context.cell.save([], requirements: workshop.requirements, today: workshop.todayDay, visit: (seen, value))
        } catch {
            context.logger.error("save refused: \(error)")
            throw HTTPError(.internalServerError)
        }
        if outcome.visitConflict {
            let state = await context.cell.state()
            return try render(language: language, base: base, visit: state.assessment.visit, revision: state.answerRevisions[AssessmentCell.visitKey] ?? 0,
                              problems: [words["conflict_page"] as? String ?? ""], status: .conflict)
                .response(from: request, context: context)
        }
        return .redirect(to: "\(base)/r/1")
    }

    private func render(language: Language, base: String, visit: Visit?, revision: Int, problems: [String], status: HTTPResponse.Status) -> HTML {
        let say = Localizer(language)
        let visit = visit ?? Visit()
        let purposes: [[String: Any]] = VisitPurpose.allCases.map {
            ["value": $0.rawValue, "label": say.purpose($0), "selected": visit.purpose == $0]
        }
        let met: [[String: Any]] = (0..<Self.rows).map { row in
            let person = row < visit.met.count ? visit.met[row] : nil
            return ["row": row, "name": person?.name ?? "", "function": person?.function ?? ""]
        }
        let samples: [[String: Any]] = (0..<Self.rows).map { row in
            let sample = row < visit.samples.count ? visit.samples[row] : nil
            return ["row": row, "id": sample?.id ?? "", "product": sample?.product ?? "", "analysis": sample?.analysis ?? "", "laboratory": sample?.laboratory ?? ""]
        }
        return views.render("visit", language: language, [
            "action": "\(base)/visit", "back": "\(base)/r/1", "rev": revision, "problems": problems,
            "number": visit.number ?? "", "start": visit.start ?? "", "end": visit.end ?? "", "place": visit.place ?? "",
            "service": visit.service ?? "", "purposes": purposes, "met": met, "samples": samples,
            "labels": ["met": say(.personsMet), "samples": say(.samplesTaken), "product": say(.sampleProduct),
                       "analysis": say(.sampleAnalysis), "laboratory": say(.laboratory)],
        ], status: status)
    }

    private func page(_ context: LinkRequestContext) throws -> (Language, String) {
        guard context.cell.kind == .inspection else { throw HTTPError(.notFound) }
        let link = try context.parameters.require("link")
        guard let language = Language(rawValue: try context.parameters.require("lang")) else { throw HTTPError(.notFound) }
        return (language, "/c/\(link)/\(language.rawValue)")
    }
}

