import Foundation
import Hummingbird
import SalamaEvaluation
import SalamaModel
import SalamaReports
import SalamaWorkbook
import SalamaXML
import ZIPFoundation

/// The trainer's pages: the dashboard, adding cooperatives and inspections, handouts, reports,
/// the workshop summary, the zip of everything, and importing workbooks.
struct TrainerController {
    let workshop: Workshop
    let views: Views
    /// The addresses phones reach the server at (`http://192.168.…:8080`); empty when the
    /// server listens on this computer only.
    let publicBaseURLs: [String]

    func addRoutes(to group: RouterGroup<TrainerRequestContext>) {
        group.get("", use: dashboard)
        group.get("language/{lang}", use: language)
        group.get("new", use: newCooperative)
        group.post("cooperatives", use: createCooperative)
        group.get("a/{key}/handout", use: handout)
        group.get("a/{key}/report", use: report)
        group.post("a/{key}/inspection", use: createInspection)
        group.get("summary", use: summary)
        group.get("export.zip", use: export)
        group.get("import", use: importPage)
        group.post("import", use: importWorkbook)
    }

    // MARK: - Dashboard

    @Sendable func dashboard(_ request: Request, context: TrainerRequestContext) async throws -> HTML {
        let language = TrainerLanguage.of(request)
        let say = Localizer(language)
        let checklist = workshop.checklist
        let evaluator = workshop.run.evaluator(for: checklist)
        var rows: [[String: Any]] = []
        for cell in workshop.all {
            let assessment = await cell.state().assessment
            let evaluation = evaluator.evaluate(assessment)
            let required = evaluation.requiredTarget
            let rubrics = Rubrics(checklist: checklist, evaluator: evaluator, cooperative: cell.cooperative)
            let progress = rubrics.progress(assessment)
            rows.append([
                "key": cell.key, "name": cell.cooperative.name, "province": cell.cooperative.province,
                "kind": say.kind(cell.kind), "inspection": cell.kind == .inspection,
                "answered": progress.answered, "applicable": progress.applicable,
                "percent": progress.applicable > 0 ? progress.answered * 100 / progress.applicable : 0,
                "required": checklist.text(required.target.title, in: language.rawValue),
                "verdict": say.verdict(required.verdict), "ready": required.verdict == .ready,
                "critical": required.open.critical, "major": required.open.major,
            ])
        }
        // The workshop at a glance: `salama summary` of the folder (each cooperative once).
        let summary = rows.isEmpty ? nil : try? summaryReport().summary
        let levels: [[String: Any]] = (summary?.targets ?? []).map { count in
            ["title": checklist.text(count.target.title, in: language.rawValue), "ready": count.ready,
             "notReady": count.notReady, "incomplete": count.incomplete, "requiredOf": count.requiredOf]
        }
        return views.render("dashboard", language: language, [
            "csrf": context.trainer.csrf, "rows": rows, "empty": rows.isEmpty, "levels": levels,
            "verdicts": ["ready": say.verdict(.ready), "notReady": say.verdict(.notReady), "incomplete": say.verdict(.incomplete)],
            "checklist": checklist.text(checklist.title, in: language.rawValue),
            "addresses": publicBaseURLs, "local": publicBaseURLs.isEmpty,
        ])
    }

    @Sendable func language(_ request: Request, context: TrainerRequestContext) async throws -> Response {
        guard let language = Language(rawValue: try context.parameters.require("lang")) else { throw HTTPError(.notFound) }
        var response = Response.redirect(to: "/trainer")
        response.setCookie(Cookie(name: TrainerLanguage.cookie, value: language.rawValue, maxAge: 365 * 24 * 3600, path: "/", sameSite: .strict))
        return response
    }

    // MARK: - Cooperatives

    struct CooperativeForm: Decodable {
        var name: String?
        var id: String?
        var region: String?
        var province: String?
        var commune: String?
        var members: String?
        var products: [String]?
        var activities: [String]?
    }

    @Sendable func newCooperative(_ request: Request, context: TrainerRequestContext) async throws -> HTML {
        let language = TrainerLanguage.of(request)
        return views.render("cooperative-new", language: language, newCooperativeValues(language, context: context, form: nil, problems: []))
    }

    @Sendable func createCooperative(_ request: Request, context: TrainerRequestContext) async throws -> Response {
        let language = TrainerLanguage.of(request)
        let form = try await request.decode(as: CooperativeForm.self, context: context)
        let name = (form.name ?? "").trimmed
        var problems: [String] = []
        if name.isEmpty { problems.append(views.words(language)["name"].map { "\($0) ?" } ?? "name") }
        let members = (form.members ?? "").trimmed
        if !members.isEmpty && Int(members) == nil { problems.append("\(views.words(language)["members"] ?? "members") : \(members)") }
        let cooperative = Cooperative(
            id: (form.id ?? "").trimmed, name: name, region: (form.region ?? "").trimmed, province: (form.province ?? "").trimmed,
            commune: (form.commune ?? "").trimmed.isEmpty ? nil : form.commune!.trimmed, members: Int(members),
            products: form.products ?? [], activities: form.activities ?? [])
        if problems.isEmpty {
            do {
                _ = try workshop.addCooperative(cooperative)
                return .redirect(to: "/trainer")
            } catch let problem as WorkshopProblem {
                problems = problem.lines(in: language)
            }
        }
        return try views.render("cooperative-new", language: language, newCooperativeValues(language, context: context, form: form, problems: problems),
                                status: .badRequest).response(from: request, context: context)
    }

    private func newCooperativeValues(_ language: Language, context: TrainerRequestContext, form: CooperativeForm?, problems: [String]) -> [String: Any] {
        let vocabulary = Vocabulary(workshop.checklist, language: language)
        func choices(_ terms: [Vocabulary.Term], _ chosen: [String]) -> [[String: Any]] {
            terms.map { ["id": $0.id, "title": $0.title, "checked": chosen.contains($0.id)] }
        }
        return [
            "csrf": context.trainer.csrf, "problems": problems,
            "name": form?.name ?? "", "id": form?.id ?? "", "region": form?.region ?? "", "province": form?.province ?? "",
            "commune": form?.commune ?? "", "members": form?.members ?? "",
            "products": choices(vocabulary.products, form?.products ?? []),
            "activities": choices(vocabulary.activities, form?.activities ?? []),
        ]
    }

    @Sendable func createInspection(_ request: Request, context: TrainerRequestContext) async throws -> Response {
        let cell = try cell(context)
        guard cell.kind == .selfAssessment else { throw HTTPError(.badRequest) }
        let inspection = try workshop.addInspection(following: cell)
        return .redirect(to: "/trainer/a/\(inspection.key)/handout")
    }

    // MARK: - Handout, report, summary

    @Sendable func handout(_ request: Request, context: TrainerRequestContext) async throws -> HTML {
        let cell = try cell(context)
        let base = publicBaseURLs.first ?? "http://" + (request.head.authority ?? "127.0.0.1")
        let link = base + "/c/" + cell.link
        let qr = QRCode(link)
        return views.render("handout", language: .fr, [
            "cooperative": cell.cooperative.name, "link": link, "inspection": cell.kind == .inspection,
            "qr": qr.map { ["size": $0.size, "path": $0.svgPath] } as Any,
            "fr": views.words(.fr), "ar": views.words(.ar), "local": publicBaseURLs.isEmpty,
        ])
    }

    @Sendable func report(_ request: Request, context: TrainerRequestContext) async throws -> HTML {
        let cell = try cell(context)
        let language = TrainerLanguage.of(request)
        let html = try ReportPage.html(workshop: workshop, cell: cell, language: language)
        return HTML(text: ReportPage.withBackLink(html, href: "/trainer", label: views.words(language)["dashboard"] as? String ?? ""))
    }

    @Sendable func summary(_ request: Request, context: TrainerRequestContext) async throws -> HTML {
        let language = TrainerLanguage.of(request)
        let report = try summaryReport()
        let html = SummaryHTMLReporter().report(report, options: SummaryReportOptions(language: language))
        return HTML(text: ReportPage.withBackLink(html, href: "/trainer", label: views.words(language)["dashboard"] as? String ?? ""))
    }

    /// `salama summary DATA/assessments` as the CLI runs it.
    private func summaryReport() throws -> SummaryReport {
        let files = SummaryRun.files(under: [workshop.folder.assessments])
        do {
            return try SummaryRun(catalog: workshop.catalog, loadAssessment: { [catalog = workshop.catalog] path throws(InvalidInputError) in try AssessmentFiles.load(path: path, checklists: catalog) })
                .run(files: files)
        } catch {
            throw HTTPError(.internalServerError)
        }
    }

    /// Every assessment's XML as it stands, and the summary JSON, in one zip.
    @Sendable func export(_ request: Request, context: TrainerRequestContext) async throws -> Response {
        let archive = try Archive(accessMode: .create)
        func add(_ name: String, _ bytes: [UInt8]) throws {
            let data = Data(bytes)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        for cell in workshop.all {
            try add("assessments/\(cell.key).xml", await cell.xml())
        }
        let summary = SummaryJSONReporter().report(try summaryReport(), options: SummaryReportOptions())
        try add("summary.json", Array(summary.utf8))
        guard let data = archive.data else { throw HTTPError(.internalServerError) }
        return Response(status: .ok, headers: [
            .contentType: "application/zip", .cacheControl: "no-store",
            .contentDisposition: "attachment; filename=\"salama-workshop.zip\"",
        ], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    // MARK: - Import

    struct ImportForm: Decodable {
        var name: String?
        var content: String?
    }

    @Sendable func importPage(_ request: Request, context: TrainerRequestContext) async throws -> HTML {
        views.render("import", language: TrainerLanguage.of(request), ["csrf": context.trainer.csrf])
    }

    /// Adds an assessment from a file's text: pasted, or read from the chosen file by the
    /// page's script. Named `.csv`, it is read as a filled workbook.
    @Sendable func importWorkbook(_ request: Request, context: TrainerRequestContext) async throws -> Response {
        let form = try await request.decode(as: ImportForm.self, context: context)
        var name = (form.name ?? "").trimmed
        name = String(name.split(separator: "/").last ?? "")
        if name.isEmpty { name = "import.xml" }
        do {
            _ = try workshop.addExisting(bytes: Array((form.content ?? "").utf8), name: name)
            return .redirect(to: "/trainer")
        } catch let problem as WorkshopProblem {
            let language = TrainerLanguage.of(request)
            return try views.render("import", language: language,
                                    ["csrf": context.trainer.csrf, "problems": problem.lines(in: language), "name": name], status: .badRequest)
                .response(from: request, context: context)
        }
    }

    private func cell(_ context: TrainerRequestContext) throws -> AssessmentCell {
        guard let cell = workshop.cell(key: try context.parameters.require("key")) else { throw HTTPError(.notFound) }
        return cell
    }
}

/// The products and activities a trainer picks from: the checklist's vocabulary, titled in
/// the trainer's language, in document order.
struct Vocabulary {
    struct Term {
        var id: String
        var title: String
    }

    var products: [Term]
    var activities: [Term]

    init(_ checklist: Checklist, language: Language) {
        products = checklist.products.map { Term(id: $0.id, title: checklist.text($0.title, in: language.rawValue)) }
        activities = checklist.activities.map { Term(id: $0.id, title: checklist.text($0.title, in: language.rawValue)) }
    }
}
