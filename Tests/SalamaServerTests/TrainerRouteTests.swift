import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SalamaEvaluation
import SalamaModel
@testable import SalamaServer
import SalamaTestSupport
import SalamaWorkbook
import Testing
import ZIPFoundation

@Suite("Trainer pages")
struct TrainerRouteTests {
    @Test("Login: the form's token, the passphrase, and a new HttpOnly SameSite=Strict session")
    func login() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        try await harness.run { client in
            let (cookie, token) = try await client.execute(uri: "/login", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.csp]?.contains("default-src 'none'") == true)
                #expect(response.headers[.csp]?.contains("script-src 'self'") == true)
                let cookie = String(try #require(response.headers[.setCookie]).split(separator: ";")[0])
                let token = try #require(String(buffer: response.body).firstMatch(of: /name="csrf" value="([^"]+)"/)?.1)
                return (cookie, String(token))
            }
            var headers = formHeaders
            headers[.cookie] = cookie
            // Without the form's token.
            try await client.execute(uri: "/login", method: .post, headers: headers, body: form(["passphrase": Harness.passphrase, "csrf": "x"])) {
                #expect($0.status == .forbidden)
            }
            // From another site.
            var crossSite = headers
            crossSite[.secFetchSite] = "cross-site"
            try await client.execute(uri: "/login", method: .post, headers: crossSite, body: form(["passphrase": Harness.passphrase, "csrf": token])) {
                #expect($0.status == .forbidden)
            }
            // Wrong passphrase.
            try await client.execute(uri: "/login", method: .post, headers: headers, body: form(["passphrase": "wrong", "csrf": token])) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.setCookie]?.contains("salama_session") != true)
                #expect(String(buffer: response.body).contains("Phrase de passe incorrecte"))
            }
            try await client.execute(uri: "/login", method: .post, headers: headers, body: form(["passphrase": Harness.passphrase, "csrf": token])) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/trainer")
                let setCookie = try #require(response.headers[.setCookie])
                #expect(setCookie.hasPrefix("salama_session="))
                #expect(setCookie.contains("HttpOnly"))
                #expect(setCookie.contains("SameSite=Strict"))
            }
        }
    }

    @Test("Login attempts are limited: the sixth wrong passphrase in a minute gets 429, even a right one")
    func loginRateLimit() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        try await harness.run { client in
            for _ in 0..<5 {
                let (cookie, token) = try await client.loginForm()
                try await client.execute(uri: "/login", method: .post, headers: formHeaders.merging([.cookie: cookie]),
                                         body: form(["passphrase": "guess", "csrf": token])) { #expect($0.status == .unauthorized) }
            }
            let (cookie, token) = try await client.execute(uri: "/login", method: .get) { response in
                (String(try #require(response.headers[.setCookie]).split(separator: ";")[0]),
                 String(try #require(String(buffer: response.body).firstMatch(of: /name="csrf" value="([^"]+)"/)?.1)))
            }
            var headers = formHeaders
            headers[.cookie] = cookie
            try await client.execute(uri: "/login", method: .post, headers: headers, body: form(["passphrase": Harness.passphrase, "csrf": token])) {
                #expect($0.status == .tooManyRequests)
            }
        }
    }

    @Test("Trainer pages: without a session, a redirect to the login page; a POST without the session's token, 403")
    func accessRules() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        try await harness.run { client in
            for path in ["/trainer", "/trainer/new", "/trainer/summary", "/trainer/export.zip", "/trainer/import", "/trainer/a/COOP-0001-self/report",
                         "/trainer/a/COOP-0001-self/handout", "/trainer/language/ar"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .seeOther, "\(path)")
                    #expect(response.headers[.location] == "/login", "\(path)")
                }
            }
            try await client.execute(uri: "/trainer/cooperatives", method: .post, headers: formHeaders, body: form(["name": "X"])) {
                #expect($0.status == .seeOther)
            }
            let trainer = try await client.login()
            try await client.execute(uri: "/trainer/cooperatives", method: .post, headers: trainer.formHeaders(),
                                     body: form(["name": "Sans jeton", "products[]": "dates"])) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(uri: "/trainer/cooperatives", method: .post, headers: trainer.formHeaders(),
                                     body: form(["name": "Mauvais jeton", "products[]": "dates", "csrf": "not-the-token"])) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(uri: "/trainer/cooperatives", method: .post, headers: trainer.formHeaders([.secFetchSite: "cross-site"]),
                                     body: form(["name": "Autre site", "products[]": "dates", "csrf": trainer.csrf])) {
                #expect($0.status == .forbidden)
            }
            // Nothing was created by the refused requests.
            try await client.execute(uri: "/trainer", method: .get, headers: trainer.headers) { response in
                #expect(!String(buffer: response.body).contains("data-key="))
            }
            try await client.execute(uri: "/trainer/a/NOPE/report", method: .get, headers: trainer.headers) {
                #expect($0.status == .notFound)
            }
            // Logging out ends the session.
            try await client.execute(uri: "/logout", method: .post, headers: trainer.formHeaders(), body: form(["csrf": trainer.csrf])) {
                #expect($0.status == .seeOther)
            }
            try await client.execute(uri: "/trainer", method: .get, headers: trainer.headers) {
                #expect($0.headers[.location] == "/login")
            }
        }
    }

    @Test("The other pages: home, the new-cooperative and import forms, the language switch, static files")
    func otherPages() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        try await harness.run { client in
            try await client.execute(uri: "/", method: .get) { #expect($0.headers[.location] == "/trainer") }
            try await client.execute(uri: "/static/app.js", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.csp]?.contains("script-src 'self'") == true)
            }
            try await client.execute(uri: "/static/../Templates/login.mustache", method: .get) { #expect($0.status != .ok) }
            let trainer = try await client.login()
            try await client.execute(uri: "/trainer/new", method: .get, headers: trainer.headers) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("name=\"products[]\" value=\"dates\""))
                #expect(page.contains("Dattes"))
            }
            try await client.execute(uri: "/trainer/import", method: .get, headers: trainer.headers) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("<script src=\"/static/trainer.js\" defer></script>"))
            }
            let cookie = try await client.execute(uri: "/trainer/language/ar", method: .get, headers: trainer.headers) { response in
                #expect(response.headers[.location] == "/trainer")
                return String(try #require(response.headers[.setCookie]).split(separator: ";")[0])
            }
            try await client.execute(uri: "/trainer", method: .get, headers: [.cookie: trainer.cookie + "; " + cookie]) { response in
                #expect(String(buffer: response.body).contains("<html lang=\"ar\" dir=\"rtl\">"))
            }
            try await client.execute(uri: "/trainer/language/xx", method: .get, headers: trainer.headers) { #expect($0.status == .notFound) }
        }
    }

    @Test("A new cooperative: a blank self-assessment file for its products, a row on the dashboard, a handout with its QR code")
    func addCooperative() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        let data = harness.data
        try await harness.run { client in
            let trainer = try await client.login()
            let (key, link) = try await client.addCooperative(trainer, name: "Coopérative <Nakhil> & Co", products: ["dates"], activities: ["packaging"])
            #expect(key == "COOP-0001-self")
            #expect(link.count >= "/c/".count + 22)
            let assessment = try AssessmentLoader.load(path: data.assessment(key)).value
            #expect(assessment.cooperative.name == "Coopérative <Nakhil> & Co")
            #expect(assessment.cooperative.products == ["dates"])
            #expect(assessment.kind == .selfAssessment)
            #expect(assessment.answers.allSatisfy { $0.status == nil })
            try await client.execute(uri: "/trainer", method: .get, headers: trainer.headers) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("Coopérative &lt;Nakhil&gt; &amp; Co"))
                #expect(!page.contains("<Nakhil>"))
                #expect(page.contains("0 / \(assessment.answers.count)"))
                // The workshop summary: one cooperative, incomplete at every level, required the autorisation.
                #expect(page.contains("<h2><a href=\"/trainer/summary\">"))
                #expect(page.contains("<tr><td>Autorisation sanitaire</td><td class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">1</td></tr>"))
            }
            try await client.execute(uri: "/trainer/a/\(key)/handout", method: .get, headers: trainer.headers) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("<svg"))
                #expect(page.contains("lang=\"ar\" dir=\"rtl\""))
                #expect(page.contains("Scannez ce code"))
            }
            // A cooperative without a product is refused with the reason.
            let english: HTTPFields = [.cookie: trainer.cookie + "; \(TrainerLanguage.cookie)=en", .contentType: "application/x-www-form-urlencoded"]
            try await client.execute(uri: "/trainer/cooperatives", method: .post, headers: english,
                                     body: form(["name": "Sans produit", "csrf": trainer.csrf])) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("give at least one product"))
            }
            // In the page's language: French by default.
            try await client.execute(uri: "/trainer/cooperatives", method: .post, headers: trainer.formHeaders(),
                                     body: form(["name": "Sans produit", "csrf": trainer.csrf])) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("donnez au moins un produit"))
            }
        }
    }

    @Test("The report, the workshop summary and the zip are those of the CLI's reporters")
    func reportsAndExport() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        try await harness.run { client in
            let trainer = try await client.login()
            let (key, _) = try await client.addCooperative(trainer, name: "Tamr")
            try await client.execute(uri: "/trainer/a/\(key)/report", method: .get, headers: trainer.headers) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(page.contains("<article class=\"report\""))
                let style = try #require(page.firstMatch(of: /<style>([\s\S]*?)<\/style>/)?.1)
                let hash = ContentPolicy.hash(String(style))
                #expect(response.headers[.csp]?.contains("'sha256-\(hash)'") == true)
            }
            try await client.execute(uri: "/trainer/summary", method: .get, headers: trainer.headers) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                let style = try #require(page.firstMatch(of: /<style>([\s\S]*?)<\/style>/)?.1)
                #expect(response.headers[.csp]?.contains("'sha256-\(ContentPolicy.hash(String(style)))'") == true)
            }
            try await client.execute(uri: "/trainer/export.zip", method: .get, headers: trainer.headers) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/zip")
                let archive = try Archive(data: Data(response.body.readableBytesView), accessMode: .read)
                let names = archive.map(\.path).sorted()
                #expect(names == ["assessments/\(key).xml", "summary.json"])
            }
        }
    }

    @Test("Importing an XML sample and a CSV workbook adds them; a file of another checklist is refused")
    func importing() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        let sample = try String(contentsOfFile: Fixtures.repositoryPath("Samples/nakhil-erfoud-self.xml"), encoding: .utf8)
        try await harness.run { client in
            let trainer = try await client.login()
            try await client.execute(uri: "/trainer/import", method: .post, headers: trainer.formHeaders(),
                                     body: ByteBuffer(string: encode([("csrf", trainer.csrf), ("name", "nakhil.xml"), ("content", sample)]))) {
                #expect($0.status == .seeOther)
            }
            try await client.execute(uri: "/trainer", method: .get, headers: trainer.headers) { response in
                #expect(String(buffer: response.body).contains("Nakhil"))
            }
            // A blank CSV workbook from `salama template --format csv`.
            let checklist = try ChecklistLoader.load(path: Fixtures.repositoryPath("Checklists/onssa-hygiene.xml")).value
            let profile = WorkbookProfile(cooperative: Cooperative(id: "COOP-CSV-1", name: "Coopérative Zitoune", region: "", province: "Ouarzazate",
                                                                   products: ["olive-oil"]), date: Day(iso: "2026-11-20")!)
            let csv = WorkbookTemplate(checklist: checklist, profile: profile).csv()
            try await client.execute(uri: "/trainer/import", method: .post, headers: trainer.formHeaders(),
                                     body: ByteBuffer(string: encode([("csrf", trainer.csrf), ("name", "zitoune.csv"), ("content", csv)]))) {
                #expect($0.status == .seeOther)
            }
            try await client.execute(uri: "/trainer", method: .get, headers: trainer.headers) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("data-key=\"COOP-CSV-1-self\""))
                #expect(page.contains("Coopérative Zitoune"))
            }
            let other = sample.replacingOccurrences(of: "checklist=\"onssa-hygiene\"", with: "checklist=\"other\"")
            // The refusal in the page's language: French by default, English or Arabic as chosen.
            for (language, expected) in [(nil, "other.xml : cette évaluation est faite pour le référentiel « other », l'atelier utilise « onssa-hygiene »"),
                                         ("en", "other.xml: this assessment is for checklist 'other', the workshop uses 'onssa-hygiene'"),
                                         ("ar", "هذا التقييم خاص بالمرجع «\u{2068}other\u{2069}»، والورشة تستعمل «\u{2068}onssa-hygiene\u{2069}»")] {
                let headers: HTTPFields = [.cookie: trainer.cookie + (language.map { "; \(TrainerLanguage.cookie)=\($0)" } ?? ""),
                                           .contentType: "application/x-www-form-urlencoded"]
                try await client.execute(uri: "/trainer/import", method: .post, headers: headers,
                                         body: ByteBuffer(string: encode([("csrf", trainer.csrf), ("name", "other.xml"), ("content", other)]))) { response in
                    #expect(response.status == .badRequest)
                    let page = String(buffer: response.body)
                    // The page escapes the apostrophe as &#39;.
                    #expect(page.contains(expected.replacingOccurrences(of: "'", with: "&#39;")), "\(language ?? "fr"): \(page)")
                }
            }
            try await client.execute(uri: "/trainer/import", method: .post, headers: trainer.formHeaders(),
                                     body: ByteBuffer(string: encode([("csrf", trainer.csrf), ("name", "broken.xml"), ("content", "<assessment")]))) {
                #expect($0.status == .badRequest)
            }
        }
    }
}
