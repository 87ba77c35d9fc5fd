import Foundation
import Hummingbird
import SalamaEvaluation
import SalamaModel
import SalamaReports
import SalamaXML

/// The pages a private link opens: the language choice, one form per rubric, the result. A
/// cooperative's link opens its self-assessment; an inspector's link opens the inspection, whose
/// cards also take a deadline and a corrective measure and whose result is the visit report.
struct LinkController {
    let workshop: Workshop
    let views: Views

    /// The cookie that keeps the language a member chose.
    static let languageCookie = "salama_lang"

    func addRoutes(to group: RouterGroup<LinkRequestContext>) {
        group.get("", use: chooseLanguage)
        group.get("{lang}", use: start)
        group.get("{lang}/r/{number}", use: rubric)
        group.post("{lang}/r/{number}", use: save)
        group.get("{lang}/result", use: result)
    }

    // MARK: - Handlers

    @Sendable func chooseLanguage(_ request: Request, context: LinkRequestContext) async throws -> Response {
        let link = try context.parameters.require("link")
        if request.uri.queryParameters.get("choose") == nil,
           let kept = request.cookies[Self.languageCookie].flatMap({ Language(rawValue: $0.value) }) {
            return .redirect(to: "/c/\(link)/\(kept.rawValue)")
        }
        let choices: [[String: Any]] = [Language.ar, .fr, .en].map { language in
            ["href": "/c/\(link)/\(language.rawValue)", "name": views.words(language)["language_name"] ?? "",
             "lang": language.rawValue, "dir": language.isRightToLeft ? "rtl" : "ltr", "welcome": views.words(language)["welcome"] ?? ""]
        }
        return try views.render("language", language: .fr, ["choices": choices, "cooperative": context.cell.cooperative.name])
            .response(from: request, context: context)
    }

    /// Keeps the language and opens the first rubric with a question left unanswered.
    @Sendable func start(_ request: Request, context: LinkRequestContext) async throws -> Response {
        let (language, base) = try page(context)
        let rubrics = rubrics(for: context.cell)
        let assessment = await context.cell.state().assessment
        let answered = Set(assessment.answers.filter { $0.status != nil }.map(\.ref))
        let first = rubrics.rubrics.firstIndex { $0.requirements.contains { !answered.contains($0.id) } } ?? 0
        var response = Response.redirect(to: "\(base)/r/\(first + 1)")
        response.setCookie(Cookie(name: Self.languageCookie, value: language.rawValue, maxAge: 365 * 24 * 3600, path: "/", sameSite: .strict))
        return response
    }

    @Sendable func rubric(_ request: Request, context: LinkRequestContext) async throws -> HTML {
        let (language, base) = try page(context)
        let rubrics = rubrics(for: context.cell)
        let index = try rubricIndex(context, rubrics)
        let state = await context.cell.state()
        let view = RubricView(rubrics: rubrics, language: language, words: views.words(language), inspection: context.cell.kind == .inspection)
        return views.render("rubric", language: language, view.context(index: index, assessment: state.assessment, revisions: state.answerRevisions, base: base))
    }

    /// Saves the cards posted: a whole rubric (the plain form) or one card (the page's script,
    /// which asks for JSON). Cards with a wrong box and cards someone else changed meanwhile are
    /// not saved; the others are.
    @Sendable func save(_ request: Request, context: LinkRequestContext) async throws -> Response {
        let (language, base) = try page(context)
        let rubrics = rubrics(for: context.cell)
        let index = try rubricIndex(context, rubrics)
        let form = try await request.decode(as: RubricForm.self, context: context)
        let inspection = context.cell.kind == .inspection

        var changes: [AnswerChange] = []
        var overrides: [String: RubricView.Override] = [:]
        for (ref, card) in form.a ?? [:] {
            guard let requirement = rubrics.applicable[ref] else { continue }
            switch card.change(for: requirement, allowsNotApplicable: allowsNotApplicable(requirement), withDeadline: inspection) {
            case .success(let change): changes.append(change)
            case .failure(let error): overrides[ref] = .init(posted: card, problems: error.problems, badStatus: error.badStatus)
            }
        }
        let outcome: SaveOutcome
        do {
            outcome = try await context.cell.save(changes, requirements: workshop.requirements, today: workshop.todayDay)
        } catch {
            context.logger.error("save refused: \(error)")
            throw HTTPError(.internalServerError)
        }
        for (ref, _) in outcome.conflicts {
            overrides[ref] = .init(refused: changes.first { $0.ref == ref }?.fields)
        }
        let state = await context.cell.state()

        if request.headers[.accept]?.contains("application/json") == true {
            return try json(outcome: outcome, overrides: overrides, state: state, rubrics: rubrics)
        }
        guard !overrides.isEmpty else {
            let next = index + 1 < rubrics.rubrics.count ? "\(base)/r/\(index + 2)" : "\(base)/result"
            return .redirect(to: next)
        }
        let words = views.words(language)
        let banner = (outcome.conflicts.isEmpty ? words["invalid_page"] : words["conflict_page"]) as? String
        let view = RubricView(rubrics: rubrics, language: language, words: words, inspection: inspection)
        let values = view.context(index: index, assessment: state.assessment, revisions: state.answerRevisions, base: base,
                                  overrides: overrides, banner: banner)
        return try views.render("rubric", language: language, values, status: outcome.conflicts.isEmpty ? .badRequest : .conflict)
            .response(from: request, context: context)
    }

    /// The check report of the assessment as saved (an inspection's is the visit report):
    /// the same loading, evaluation and reporter as `salama check --format html`.
    @Sendable func result(_ request: Request, context: LinkRequestContext) async throws -> HTML {
        let (language, base) = try page(context)
        let html = try ReportPage.html(workshop: workshop, cell: context.cell, language: language)
        return HTML(text: ReportPage.withBackLink(html, href: "\(base)/r/1", label: views.words(language)["back_to_form"] as? String ?? ""))
    }

    // MARK: - Helpers

    private func page(_ context: LinkRequestContext) throws -> (Language, String) {
        let link = try context.parameters.require("link")
        guard let language = Language(rawValue: try context.parameters.require("lang")) else { throw HTTPError(.notFound) }
        return (language, "/c/\(link)/\(language.rawValue)")
    }

    private func rubrics(for cell: AssessmentCell) -> Rubrics {
        Rubrics(checklist: workshop.checklist, evaluator: workshop.run.evaluator(for: workshop.checklist), cooperative: cell.cooperative)
    }

    private func rubricIndex(_ context: LinkRequestContext, _ rubrics: Rubrics) throws -> Int {
        guard let number = Int(try context.parameters.require("number")), (1...rubrics.rubrics.count).contains(number) else {
            throw HTTPError(.notFound)
        }
        return number - 1
    }

    private func json(outcome: SaveOutcome, overrides: [String: RubricView.Override], state: (assessment: Assessment, revision: Int, answerRevisions: [String: Int]),
                      rubrics: Rubrics) throws -> Response {
        let progress = rubrics.progress(state.assessment)
        var conflicts: [String: Any] = [:]
        for (ref, conflict) in outcome.conflicts {
            conflicts[ref] = ["revision": conflict.revision, "fields": conflict.latest.json]
        }
        var invalid: [String: Any] = [:]
        for (ref, override) in overrides where override.refused == nil {
            invalid[ref] = ["evidence": Array(override.problems?.evidence ?? []), "measures": Array(override.problems?.measures ?? []),
                            "deadline": override.problems?.deadline ?? false, "status": override.badStatus]
        }
        let body: [String: Any] = ["revision": outcome.revision, "saved": outcome.saved, "conflicts": conflicts, "invalid": invalid,
                                   "answered": progress.answered, "applicable": progress.applicable]
        let data = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])
        let status: HTTPResponse.Status = !conflicts.isEmpty ? .conflict : (!invalid.isEmpty ? .unprocessableContent : .ok)
        return Response(status: status, headers: [.contentType: "application/json", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// The check report of one assessment of the workshop, as `salama check --format html` writes it.
enum ReportPage {
    static func html(workshop: Workshop, cell: AssessmentCell, language: Language) throws -> String {
        let outcome = workshop.run.check(workshop.folder.assessment(cell.key))
        guard let evaluation = outcome.evaluation else {
            throw HTTPError(.internalServerError)
        }
        return HTMLReporter().report([evaluation], options: ReportOptions(language: language, audit: cell.kind == .inspection))
    }

    /// The report with a link back to the form at the top (the report itself is a print page).
    static func withBackLink(_ html: String, href: String, label: String) -> String {
        guard let body = html.range(of: "<body>\n") else { return html }
        var out = html
        out.insert(contentsOf: "<p class=\"kicker\"><a href=\"\(MarkupEscaping.escapeAttribute(href))\">\(MarkupEscaping.escape(label))</a></p>\n", at: body.upperBound)
        return out
    }
}
