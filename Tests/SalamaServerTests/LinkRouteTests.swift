import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SalamaModel
@testable import SalamaServer
import SalamaTestSupport
import Testing

@Suite("Private link pages")
struct LinkRouteTests {
    @Test("The language comes first and is kept; Arabic pages are right to left")
    func language() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        try await harness.withCooperative(name: "Nakhil") { client, trainer, _, link in
            try await client.execute(uri: link, method: .get) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(page.contains("العربية") && page.contains("Français") && page.contains("English"))
                #expect(response.headers[.referrerPolicy] == "no-referrer")
                #expect(response.headers[.cacheControl] == "no-store")
            }
            let cookie = try await client.execute(uri: "\(link)/ar", method: .get) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "\(link)/ar/r/1")
                return String(try #require(response.headers[.setCookie]).split(separator: ";")[0])
            }
            try await client.execute(uri: link, method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.headers[.location] == "\(link)/ar")
            }
            try await client.execute(uri: "\(link)/ar/r/1", method: .get) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(page.contains("<html lang=\"ar\" dir=\"rtl\">"))
                #expect(page.contains("نعم"))
                #expect(!page.contains("<script>"))
                #expect(page.contains("<script src=\"/static/app.js\" defer></script>"))
            }
            try await client.execute(uri: "\(link)/xx/r/1", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "\(link)/fr/r/99", method: .get) { #expect($0.status == .notFound) }
        }
    }

    @Test("Saving a rubric without script: the answers are in the XML file, shown again, and counted")
    func saveRubric() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        let data = harness.data
        try await harness.withCooperative(name: "Nakhil") { client, trainer, key, link in
            let refs = try await client.execute(uri: "\(link)/fr/r/1", method: .get) { response in
                String(buffer: response.body).matches(of: /data-ref="([^"]+)"/).map { String($0.1) }
            }
            #expect(refs.first == "IMP-01")
            let body = encode([
                ("a[IMP-01][status]", "yes"), ("a[IMP-01][rev]", "0"),
                ("a[IMP-02][status]", "partial"), ("a[IMP-02][rev]", "0"), ("a[IMP-02][note]", "Cour boueuse <après> la pluie"),
                ("a[IMP-10][status]", "yes"), ("a[IMP-10][rev]", "0"), ("a[IMP-10][ev][water-analysis]", "2026-05-21"),
                ("a[IMP-04][status]", "na"), ("a[IMP-04][rev]", "0"),
                ("a[IMP-05][rev]", "0"), ("a[IMP-05][status]", ""),
            ])
            try await client.execute(uri: "\(link)/fr/r/1", method: .post, headers: formHeaders, body: ByteBuffer(string: body)) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "\(link)/fr/r/2")
            }
            let assessment = try AssessmentLoader.load(path: data.assessment(key)).value
            let answers = Dictionary(uniqueKeysWithValues: assessment.answers.map { ($0.ref, $0) })
            #expect(answers["IMP-01"]?.status == .yes)
            #expect(answers["IMP-02"]?.status == .partial)
            #expect(answers["IMP-02"]?.notes == ["Cour boueuse <après> la pluie"])
            #expect(answers["IMP-10"]?.evidence.first?.date == Day(iso: "2026-05-21"))
            // Not applicable is offered, and kept, only where the checklist allows it.
            #expect(answers["IMP-04"]?.status == .na)
            #expect(answers["IMP-05"]?.status == nil)
            #expect(assessment.date == Day(iso: "2026-11-20"))
            // The previous version is in the history.
            #expect(FileManager.default.fileExists(atPath: data.history(key, revision: 0)))
            try await client.execute(uri: "\(link)/fr/r/1", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("value=\"yes\" id=\"s-IMP-01-yes\" checked"))
                #expect(page.contains("Cour boueuse &lt;après&gt; la pluie"))
                #expect(page.contains("value=\"2026-05-21\""))
                #expect(page.contains("<bdi id=\"answered\">4</bdi>"))
                #expect(page.contains("id=\"s-IMP-04-na\""))
                #expect(!page.contains("id=\"s-IMP-01-na\""))
            }
            try await client.execute(uri: "/trainer", method: .get, headers: trainer.headers) { response in
                #expect(String(buffer: response.body).contains("4 / \(assessment.answers.count)"))
            }
            // The result is the check report of the saved file.
            try await client.execute(uri: "\(link)/fr/result", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("<article class=\"report\""))
            }
        }
    }

    @Test("A wrong number or date is refused with the box marked, and nothing of that card is saved; a decimal comma and Arabic digits are read")
    func invalidBoxes() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        let data = harness.data
        try await harness.withCooperative(name: "Tislit", products: ["honey"], activities: ["extraction"]) { client, trainer, key, link in
            var rubric = 0
            for number in 1...20 {
                let found = try await client.execute(uri: "\(link)/fr/r/\(number)", method: .get) { String(buffer: $0.body).contains("data-ref=\"HON-03\"") }
                if found { rubric = number; break }
            }
            #expect(rubric > 0)
            let bad = encode([("a[HON-03][status]", "yes"), ("a[HON-03][rev]", "0"), ("a[HON-03][m][moisture]", "1e3")])
            try await client.execute(uri: "\(link)/fr/r/\(rubric)", method: .post, headers: formHeaders, body: ByteBuffer(string: bad)) { response in
                #expect(response.status == .badRequest)
                let page = String(buffer: response.body)
                #expect(page.contains("is-invalid"))
                #expect(page.contains("value=\"1e3\""))
            }
            #expect(try AssessmentLoader.load(path: data.assessment(key)).value.answers.first { $0.ref == "HON-03" }?.status == nil)
            let comma = encode([("a[HON-03][status]", "yes"), ("a[HON-03][rev]", "0"), ("a[HON-03][m][moisture]", "١٧,٥")])
            try await client.execute(uri: "\(link)/fr/r/\(rubric)", method: .post, headers: formHeaders, body: ByteBuffer(string: comma)) {
                #expect($0.status == .seeOther)
            }
            let answer = try AssessmentLoader.load(path: data.assessment(key)).value.answers.first { $0.ref == "HON-03" }
            #expect(answer?.measurements.first?.value == 17.5)
            // A status that does not exist, or "not applicable" where the checklist does not allow it, is refused.
            for refused in ["maybe", "na"] {
                let status = encode([("a[HON-03][status]", refused), ("a[HON-03][rev]", "1")])
                try await client.execute(uri: "\(link)/fr/r/\(rubric)", method: .post, headers: formHeaders, body: ByteBuffer(string: status)) {
                    #expect($0.status == .badRequest)
                }
            }
        }
    }

    @Test("Two people on one answer: the stale save is refused with the latest answer shown, other answers of the same form are saved")
    func staleSave() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        let data = harness.data
        try await harness.withCooperative(name: "Nakhil") { client, trainer, key, link in
            // Both opened the page at revision 0; the first saves "yes".
            try await client.execute(uri: "\(link)/fr/r/1", method: .post, headers: formHeaders,
                                     body: ByteBuffer(string: encode([("a[IMP-01][status]", "yes"), ("a[IMP-01][rev]", "0")]))) {
                #expect($0.status == .seeOther)
            }
            // The second, who never saw it, says "no" to the same answer and "yes" to another.
            let stale = encode([("a[IMP-01][status]", "no"), ("a[IMP-01][rev]", "0"), ("a[IMP-05][status]", "yes"), ("a[IMP-05][rev]", "0")])
            try await client.execute(uri: "\(link)/fr/r/1", method: .post, headers: formHeaders, body: ByteBuffer(string: stale)) { response in
                #expect(response.status == .conflict)
                let page = String(buffer: response.body)
                #expect(page.contains("value=\"yes\" id=\"s-IMP-01-yes\" checked"))
                #expect(page.contains("class=\"refused\""))
                #expect(page.contains("<bdi>Non</bdi>"))
            }
            let answers = try AssessmentLoader.load(path: data.assessment(key)).value.answers
            #expect(answers.first { $0.ref == "IMP-01" }?.status == .yes)
            #expect(answers.first { $0.ref == "IMP-05" }?.status == .yes)
            // Saving again what is already there is no conflict, whatever the revision.
            try await client.execute(uri: "\(link)/fr/r/1", method: .post, headers: formHeaders,
                                     body: ByteBuffer(string: encode([("a[IMP-01][status]", "yes"), ("a[IMP-01][rev]", "0")]))) {
                #expect($0.status == .seeOther)
            }
            // The script's save answers in JSON, with the revision to send next time.
            let json = try await client.execute(uri: "\(link)/fr/r/1", method: .post, headers: [.contentType: "application/x-www-form-urlencoded", .accept: "application/json"],
                                                body: ByteBuffer(string: encode([("a[IMP-01][status]", "partial"), ("a[IMP-01][rev]", "1")]))) { response in
                #expect(response.status == .ok)
                return try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any]
            }
            let saved = try #require(json?["saved"] as? [String: Int])
            let revision = try #require(saved["IMP-01"])
            #expect(revision == 3)
            let conflict = try await client.execute(uri: "\(link)/fr/r/1", method: .post, headers: [.contentType: "application/x-www-form-urlencoded", .accept: "application/json"],
                                                    body: ByteBuffer(string: encode([("a[IMP-01][status]", "no"), ("a[IMP-01][rev]", "1")]))) { response in
                #expect(response.status == .conflict)
                return try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any]
            }
            let latest = try #require((conflict?["conflicts"] as? [String: Any])?["IMP-01"] as? [String: Any])
            #expect(latest["revision"] as? Int == 3)
            #expect((latest["fields"] as? [String: Any])?["status"] as? String == "partial")
        }
    }

    @Test("A link opens its own assessment only: B's answers are not on A's pages, A's saves do not touch B's file, other links get 404")
    func isolation() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        let data = harness.data
        try await harness.withCooperative(name: "Coopérative A") { client, trainer, keyA, linkA in
            let (keyB, linkB) = try await client.addCooperative(trainer, name: "Coopérative B")
            #expect(linkA != linkB)
            try await client.execute(uri: "\(linkB)/fr/r/1", method: .post, headers: formHeaders,
                                     body: ByteBuffer(string: encode([("a[IMP-01][status]", "no"), ("a[IMP-01][rev]", "0"), ("a[IMP-01][note]", "secret de B")]))) {
                #expect($0.status == .seeOther)
            }
            let before = try Data(contentsOf: URL(fileURLWithPath: data.assessment(keyB)))
            try await client.execute(uri: "\(linkA)/fr/r/1", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("Coopérative A"))
                #expect(!page.contains("secret de B"))
                #expect(!page.contains("Coopérative B"))
            }
            try await client.execute(uri: "\(linkA)/fr/r/1", method: .post, headers: formHeaders,
                                     body: ByteBuffer(string: encode([("a[IMP-01][status]", "yes"), ("a[IMP-01][rev]", "0")]))) {
                #expect($0.status == .seeOther)
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: data.assessment(keyB))) == before)
            #expect(try AssessmentLoader.load(path: data.assessment(keyA)).value.answers.first?.status == .yes)
            // Guessed, truncated, altered, or other kinds of paths: 404, the same page.
            let secret = String(linkA.dropFirst(3))
            var altered = Array(secret)
            altered[0] = altered[0] == "A" ? "B" : "A"
            for guess in ["/c/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "/c/" + secret.dropLast(), "/c/" + String(altered), "/c/" + secret + "x",
                          "/c/\(keyA)", "/c/" + secret.lowercased() + "Z"] {
                try await client.execute(uri: "\(guess)/fr/r/1", method: .get) { #expect($0.status == .notFound, "\(guess)") }
                try await client.execute(uri: "\(guess)/fr/r/1", method: .post, headers: formHeaders,
                                         body: ByteBuffer(string: encode([("a[IMP-01][status]", "no"), ("a[IMP-01][rev]", "1")]))) {
                    #expect($0.status == .notFound, "\(guess)")
                }
            }
            try await client.execute(uri: "/c/../trainer/a/\(keyB)/report", method: .get) { #expect($0.status != .ok) }
            // The trainer's pages stay closed to a link holder.
            try await client.execute(uri: "/trainer/a/\(keyB)/report", method: .get) { #expect($0.headers[.location] == "/login") }
        }
    }

    @Test("The log names route patterns, never a link's secret")
    func logs() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        let secret = try await harness.run { client in
            let trainer = try await client.login()
            let (_, link) = try await client.addCooperative(trainer, name: "Nakhil")
            try await client.execute(uri: "\(link)/fr/r/1", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "\(link)/nope", method: .get) { _ in }
            return String(link.dropFirst(3))
        }
        let lines = harness.logs.all
        #expect(lines.contains { $0.contains("/c/{link}/{lang}/r/{number}") })
        #expect(!lines.contains { $0.contains(secret) })
    }

    @Test("Bodies over 64 KB and other content types are refused")
    func limits() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        try await harness.withCooperative(name: "Nakhil") { client, trainer, _, link in
            let big = encode([("a[IMP-01][status]", "yes"), ("a[IMP-01][note]", String(repeating: "x", count: 70_000))])
            try await client.execute(uri: "\(link)/fr/r/1", method: .post, headers: formHeaders, body: ByteBuffer(string: big)) {
                #expect($0.status == .contentTooLarge)
            }
            try await client.execute(uri: "\(link)/fr/r/1", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: "{}")) {
                #expect($0.status == .unsupportedMediaType)
            }
            try await client.execute(uri: "\(link)/fr/r/1", method: .post, headers: formHeaders.merging([.secFetchSite: "cross-site"]),
                                     body: ByteBuffer(string: "a%5BIMP-01%5D%5Bstatus%5D=yes")) {
                #expect($0.status == .forbidden)
            }
        }
    }

    @Test("An inspection's form takes a deadline and a corrective measure per finding; blanks stay unassessed; its result is the visit report")
    func inspection() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        let data = harness.data
        try await harness.withCooperative(name: "Nakhil") { client, trainer, key, _ in
            let handout = try await client.execute(uri: "/trainer/a/\(key)/inspection", method: .post, headers: trainer.formHeaders(),
                                                   body: form(["csrf": trainer.csrf])) { response in
                #expect(response.status == .seeOther)
                return try #require(response.headers[.location])
            }
            #expect(handout == "/trainer/a/COOP-0001-inspection/handout")
            let page = try await client.execute(uri: handout, method: .get, headers: trainer.headers) { String(buffer: $0.body) }
            let link = String(try #require(page.firstMatch(of: /https?:\/\/[^\/<]+(\/c\/[A-Za-z0-9_-]+)/)?.1))
            try await client.execute(uri: "\(link)/fr/r/1", method: .get) { response in
                #expect(String(buffer: response.body).contains("name=\"a[IMP-01][deadline]\""))
            }
            let body = encode([("a[IMP-01][status]", "no"), ("a[IMP-01][rev]", "0"), ("a[IMP-01][deadline]", "2027-01-31"),
                               ("a[IMP-01][note]", "Évacuer les déchets du site"), ("a[IMP-02][rev]", "0"), ("a[IMP-02][status]", "")])
            try await client.execute(uri: "\(link)/fr/r/1", method: .post, headers: formHeaders, body: ByteBuffer(string: body)) {
                #expect($0.status == .seeOther)
            }
            let assessment = try AssessmentLoader.load(path: data.assessment("COOP-0001-inspection")).value
            #expect(assessment.kind == .inspection)
            let answer = try #require(assessment.answers.first { $0.ref == "IMP-01" })
            #expect(answer.deadline == Day(iso: "2027-01-31"))
            #expect(answer.notes == ["Évacuer les déchets du site"])
            #expect(assessment.answers.first { $0.ref == "IMP-02" }?.status == nil)
            // The visit data.
            let visit = encode([("rev", "0"), ("number", "ONSSA-ERR/2026/118"), ("purpose", "first"), ("start", "09:30"), ("end", "12:15"),
                                ("place", "Douar Tazzarine"), ("service", "Service vétérinaire d'Errachidia"),
                                ("met[p0][name]", "Fatima Zahra Ouali"), ("met[p0][function]", "présidente"),
                                ("sample[s0][id]", "E1"), ("sample[s0][product]", "dates"), ("sample[s0][analysis]", "aflatoxines B1")])
            try await client.execute(uri: "\(link)/fr/visit", method: .post, headers: formHeaders, body: ByteBuffer(string: visit)) {
                #expect($0.status == .seeOther)
            }
            // A malformed form is the sender's fault.
            try await client.execute(uri: "\(link)/fr/visit", method: .post, headers: formHeaders, body: ByteBuffer(string: "met[0][name]=x&number=a&number=b")) {
                #expect($0.status == .badRequest)
            }
            let saved = try #require(try AssessmentLoader.load(path: data.assessment("COOP-0001-inspection")).value.visit)
            #expect(saved == Visit(number: "ONSSA-ERR/2026/118", purpose: .first, start: "09:30", end: "12:15", place: "Douar Tazzarine",
                                   service: "Service vétérinaire d'Errachidia", met: [PersonMet(name: "Fatima Zahra Ouali", function: "présidente")],
                                   samples: [VisitSample(id: "E1", product: "dates", analysis: "aflatoxines B1")]))
            // A second inspector who opened the form before that save is refused.
            try await client.execute(uri: "\(link)/fr/visit", method: .post, headers: formHeaders,
                                     body: ByteBuffer(string: encode([("rev", "0"), ("number", "AUTRE")]))) { response in
                #expect(response.status == .conflict)
                #expect(String(buffer: response.body).contains("ONSSA-ERR/2026/118"))
            }
            try await client.execute(uri: "\(link)/fr/visit", method: .post, headers: formHeaders,
                                     body: ByteBuffer(string: encode([("rev", "2"), ("start", "9h30")]))) {
                #expect($0.status == .badRequest)
            }
            try await client.execute(uri: "\(link)/fr/result", method: .get) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(page.contains("<article class=\"report\""))
                #expect(page.contains("ONSSA-ERR/2026/118"))
            }
            // A cooperative's own link has no visit form.
            let (_, memberLink) = try await client.addCooperative(trainer, name: "Autre")
            try await client.execute(uri: "\(memberLink)/fr/visit", method: .get) { #expect($0.status == .notFound) }
        }
    }
}

