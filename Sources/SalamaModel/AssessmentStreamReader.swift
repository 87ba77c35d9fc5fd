import SalamaXML
import Glibc

/// The fast path for assessments: one streaming pass that builds the model while checking
/// everything the schema and the contract's section 2 ask.
///
/// It is deliberately stricter than the schema: whatever it is not sure of (an unusual but
/// valid spelling, any problem at all) makes it give up and return nil, and the caller then
/// takes the careful path (tree, XSD validation, located errors) that has the last word.
/// So it never accepts a file the careful path refuses — the differential tests check that
/// on every fixture and on mutated files.
public enum AssessmentStreamReader {
    /// The assessment in `bytes`, or nil when the careful path must decide.
    public static func read(bytes: [UInt8], path: String) -> Assessment? {
        let builder = StreamBuilder(path: path)
        guard XMLEventParser.parse(bytes: bytes, path: path, handler: builder) == .completed, !builder.state.rejected else { return nil }
        return builder.state.result()
    }
}

/// Receives the parser's events; the work happens in a value, so that Swift checks exclusive
/// access once per event rather than at every field.
private final class StreamBuilder: XMLEventHandler {
    // One access per event, never overlapping: no need for a run-time check.
    @exclusivity(unchecked) var state: StreamState

    init(path: String) {
        state = StreamState(path: path)
    }

    func start(_ tag: XMLStartTag) -> XMLContent? {
        guard state.start(tag), let place = state.place else { return nil }
        switch place {
        case .assessment, .cooperative, .answer, .document, .done: return .elements
        case .cooperativeField, .answerField, .assessor: return .text
        }
    }
    func end() { state.end() }
    func characters(_ text: UnsafeBufferPointer<UInt8>) { state.characters(text) }
}

private struct StreamState {
    /// Where the reader stands; each case says what may come next.
    enum Place {
        case document
        case assessment(next: Int)          // 0: cooperative, 1: assessor, 2: assessor or answer, 3: answer; a visit goes the careful way
        case cooperative(next: Int)         // index into cooperativeSequence
        case cooperativeField(Field)
        case assessor
        case answer(next: Int)              // 0: evidence, 1: measurement, 2: note
        case answerField(Field)
        case done
    }

    /// Elements that hold text.
    enum Field {
        case region, province, commune, members, product, activity
        case evidence, measurement, note
    }

    let path: String
    var rejected = false
    private var stack: [Place] = [.document]
    private var text: [UInt8] = []

    private var checklistID: String?
    private var checklistVersion: String?
    private var date: Day?
    private var kind = AssessmentKind.selfAssessment
    private var rootLocation = SourceLocation.file("")
    private var cooperative = Cooperative(id: "", name: "", region: "", province: "", products: [])
    private var hasRegion = false, hasProvince = false
    private var assessors: [Assessor] = []
    private var answers: [Answer] = []
    private var answered: Set<String> = []
    private var current: Answer?
    /// The evidence and measurement refs of the current answer, so that a duplicate is found
    /// without a scan of the answer's records (an answer may hold hundreds of thousands).
    private var currentEvidenceRefs: Set<String> = [], currentMeasurementRefs: Set<String> = []
    /// Where the cooperative's field being read starts.
    private var fieldLocation = SourceLocation.file("")
    private var currentEvidence: EvidenceRecord?
    private var currentMeasurement: Measurement?

    init(path: String) {
        self.path = path
        answered.reserveCapacity(256)
    }

    func result() -> Assessment? {
        guard let checklistID, let date, hasRegion, hasProvince, !cooperative.products.isEmpty, !assessors.isEmpty else { return nil }
        return Assessment(path: path, checklistID: checklistID, checklistVersion: checklistVersion, date: date, kind: kind,
                          cooperative: cooperative, assessors: assessors, answers: answers, location: rootLocation)
    }

    private mutating func reject() -> Bool {
        rejected = true
        return false
    }

    /// Only the named attributes (and xml:*) may appear: the index of each (nil when absent),
    /// or nil when another attribute appears.
    private func attributes(of tag: XMLStartTag, _ a: StaticString = "", _ b: StaticString = "", _ c: StaticString = "",
                            _ d: StaticString = "") -> (Int?, Int?, Int?, Int?)? {
        var found: (Int?, Int?, Int?, Int?) = (nil, nil, nil, nil)
        for index in 0..<tag.attributeCount {
            let attribute = tag.attribute(at: index)
            if attribute.hasNamespace {
                guard attribute.isInNamespace(XMLElement.xmlNamespaceLiteral) else { return nil }
                continue
            }
            if a.utf8CodeUnitCount > 0 && attribute.isNamed(a) { found.0 = index }
            else if b.utf8CodeUnitCount > 0 && attribute.isNamed(b) { found.1 = index }
            else if c.utf8CodeUnitCount > 0 && attribute.isNamed(c) { found.2 = index }
            else if d.utf8CodeUnitCount > 0 && attribute.isNamed(d) { found.3 = index }
            else { return nil }
        }
        return found
    }

    /// The value of the attribute at `index`, decoded.
    private func value(_ tag: XMLStartTag, _ index: Int?) -> String? {
        index.flatMap { tag.attribute(at: $0).value }
    }

    /// The value of the attribute at `index` when it is an id (see `Lexical.isID`).
    private func id(_ tag: XMLStartTag, _ index: Int?) -> String? {
        guard let index else { return nil }
        let attribute = tag.attribute(at: index)
        guard Lexical.isID(attribute.rawValue) else { return nil }
        return String(decoding: attribute.rawValue, as: UTF8.self)
    }

    /// The value of the attribute at `index` read as a day; `.some(nil)` when absent, nil when
    /// present and not a day.
    private func day(_ tag: XMLStartTag, _ index: Int?) -> Day?? {
        guard let index else { return .some(nil) }
        return Day(iso: tag.attribute(at: index).rawValue).map { .some($0) }
    }

    /// A child of `cooperative` and its position in the schema's sequence.
    private static func cooperativeField(_ tag: XMLStartTag) -> (Field, Int)? {
        if tag.isNamed("region") { return (.region, 0) }
        if tag.isNamed("province") { return (.province, 1) }
        if tag.isNamed("commune") { return (.commune, 2) }
        if tag.isNamed("members") { return (.members, 3) }
        if tag.isNamed("product") { return (.product, 4) }
        if tag.isNamed("activity") { return (.activity, 5) }
        return nil
    }

    mutating func start(_ tag: XMLStartTag) -> Bool {
        guard tag.isInNamespace(AssessmentLoader.namespaceLiteral), let place = stack.last else { return reject() }
        if !text.isEmpty { text.removeAll(keepingCapacity: true) }
        switch place {
        case .document:
            guard tag.isNamed("assessment"),
                  let slots = attributes(of: tag, "checklist", "checklist-version", "date", "kind"),
                  let checklist = id(tag, slots.0), let date = day(tag, slots.2), let date else { return reject() }
            if let kindSlot = slots.3 {
                guard let parsed = value(tag, kindSlot).flatMap(AssessmentKind.init(rawValue:)) else { return reject() }
                kind = parsed
            }
            if let versionSlot = slots.1 {
                guard let version = value(tag, versionSlot) else { return reject() }
                checklistVersion = version
            }
            checklistID = checklist
            self.date = date
            rootLocation = tag.location
            replaceTop(.assessment(next: 0))
            return true
        case .assessment(let next):
            if tag.isNamed("answer") && next >= 2 {
                guard let slots = attributes(of: tag, "ref", "status", "deadline"),
                      let ref = id(tag, slots.0), answered.insert(ref).inserted,
                      let deadline = day(tag, slots.2) else { return reject() }
                var status: AnswerStatus?
                if let statusSlot = slots.1 {
                    guard let parsed = Lexical.answerStatus(tag.attribute(at: statusSlot).rawValue) else { return reject() }
                    status = parsed
                }
                current = Answer(ref: ref, status: status, deadline: deadline, evidence: [], measurements: [], notes: [], location: tag.location)
                currentEvidenceRefs.removeAll(keepingCapacity: true)
                currentMeasurementRefs.removeAll(keepingCapacity: true)
                replaceTop(.assessment(next: 3))
                stack.append(.answer(next: 0))
            } else if tag.isNamed("cooperative") && next == 0 {
                guard let slots = attributes(of: tag, "id", "name"),
                      let id = id(tag, slots.0), let name = value(tag, slots.1) else { return reject() }
                cooperative.id = id
                cooperative.name = name
                replaceTop(.assessment(next: 1))
                stack.append(.cooperative(next: 0))
            } else if tag.isNamed("assessor") && (next == 1 || next == 2) {
                guard let slots = attributes(of: tag, "name", "role"),
                      let name = value(tag, slots.0), let role = value(tag, slots.1).flatMap(AssessorRole.init(rawValue:)) else { return reject() }
                assessors.append(Assessor(name: name, role: role))
                replaceTop(.assessment(next: 2))
                stack.append(.assessor)
            } else {
                return reject()
            }
            return true
        case .cooperative(let next):
            // region, province, commune?, members?, product+, activity*
            guard let (field, position) = Self.cooperativeField(tag), attributes(of: tag) != nil else { return reject() }
            let allowed: Bool
            switch position {
            case 0: allowed = next == 0
            case 1: allowed = next == 1
            case 2, 3: allowed = next >= 2 && next <= position
            case 4: allowed = next >= 2 && next <= 5
            default: allowed = next >= 5
            }
            guard allowed else { return reject() }
            let following = position == 4 ? 5 : position == 5 ? 6 : position + 1
            fieldLocation = tag.location
            replaceTop(.cooperative(next: following))
            stack.append(.cooperativeField(field))
            return true
        case .answer(let next):
            let field: Field
            if tag.isNamed("evidence") && next == 0 {
                guard let slots = attributes(of: tag, "ref", "date"),
                      let ref = id(tag, slots.0), current != nil, currentEvidenceRefs.insert(ref).inserted,
                      let date = day(tag, slots.1) else { return reject() }
                currentEvidence = EvidenceRecord(ref: ref, date: date, document: "", location: tag.location)
                field = .evidence
            } else if tag.isNamed("measurement") && next <= 1 {
                guard let slots = attributes(of: tag, "ref", "value"),
                      let ref = id(tag, slots.0), current != nil, currentMeasurementRefs.insert(ref).inserted else { return reject() }
                var value: Double?
                if let valueSlot = slots.1 {
                    guard let parsed = Lexical.decimal(tag.attribute(at: valueSlot).rawValue) else { return reject() }
                    value = parsed
                }
                currentMeasurement = Measurement(ref: ref, value: value, location: tag.location)
                replaceTop(.answer(next: 1))
                field = .measurement
            } else if tag.isNamed("note") {
                guard attributes(of: tag) != nil else { return reject() }
                replaceTop(.answer(next: 2))
                field = .note
            } else {
                return reject()
            }
            stack.append(.answerField(field))
            return true
        case .cooperativeField, .assessor, .answerField, .done:
            return reject()
        }
    }

    mutating func end() {
        guard !rejected, let place = stack.popLast() else { return }
        let content: String
        switch place {
        case .cooperativeField, .answerField: content = text.withUnsafeBufferPointer { Lexical.collapsed($0) }
        default: content = ""
        }
        if !text.isEmpty { text.removeAll(keepingCapacity: true) }
        switch place {
        case .cooperativeField(let field):
            switch field {
            case .region: cooperative.region = content; hasRegion = true
            case .province: cooperative.province = content; hasProvince = true
            case .commune: cooperative.commune = content
            case .members:
                guard let members = Lexical.count(content) else { rejected = true; return }
                cooperative.members = members
            case .product, .activity:
                let token = content
                guard Lexical.isToken(token) else { rejected = true; return }
                if field == .product {
                    cooperative.products.append(token)
                    cooperative.productLocations.append(fieldLocation)
                } else {
                    cooperative.activities.append(token)
                    cooperative.activityLocations.append(fieldLocation)
                }
            case .evidence, .measurement, .note: rejected = true
            }
        case .answerField(let field):
            switch field {
            case .evidence:
                currentEvidence?.document = content
                if let record = currentEvidence.take() { current?.evidence.append(record) }
            case .measurement:
                if let measurement = currentMeasurement.take() { current?.measurements.append(measurement) }
            default:
                current?.notes.append(content)
            }
        case .answer:
            if let answer = current.take() { answers.append(answer) }
        case .cooperative(let next):
            if next < 5 { rejected = true }  // no product
        case .assessment, .assessor, .document, .done:
            break
        }
    }

    mutating func characters(_ chunk: UnsafeBufferPointer<UInt8>) {
        guard !rejected, let place = stack.last else { return }
        switch place {
        case .answerField(.measurement):
            rejected = true
        case .cooperativeField, .answerField:
            text.append(contentsOf: chunk)
        case .assessor:
            rejected = true
        case .assessment, .cooperative, .answer, .document, .done:
            // Element-only content: white space only.
            if !chunk.allSatisfy(Lexical.isWhitespace) { rejected = true }
        }
    }

    /// Where the reader stands now.
    var place: Place? { stack.last }

    private mutating func replaceTop(_ place: Place) {
        stack[stack.count - 1] = place
    }
}

/// Conservative lexical checks: each accepts a subset of what the schema type accepts.
enum Lexical {
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    /// `[A-Za-z0-9][A-Za-z0-9._-]*`
    static func isID(_ text: some Sequence<UInt8>) -> Bool {
        var first = true
        for byte in text {
            let alphanumeric = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            if first {
                guard alphanumeric else { return false }
                first = false
            } else if !(alphanumeric || byte == 0x2E || byte == 0x5F || byte == 0x2D) {
                return false
            }
        }
        return !first
    }

    /// `HH:MM` on a 24-hour clock, as the schema's visit times.
    static func isTime(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 5, bytes[2] == 0x3A, bytes.indices.allSatisfy({ $0 == 2 || (0x30...0x39).contains(bytes[$0]) }) else { return false }
        let hours = Int(bytes[0] - 0x30) * 10 + Int(bytes[1] - 0x30), minutes = Int(bytes[3] - 0x30) * 10 + Int(bytes[4] - 0x30)
        return hours < 24 && minutes < 60
    }

    /// `[a-z0-9-]+`
    static func isToken(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x7A).contains($0) || $0 == 0x2D }
    }

    /// An answer's status, spelled exactly as the schema's enumeration.
    static func answerStatus(_ text: UnsafeBufferPointer<UInt8>) -> AnswerStatus? {
        func spells(_ word: StaticString) -> Bool {
            text.count == word.utf8CodeUnitCount && memcmp(text.baseAddress!, word.utf8Start, text.count) == 0
        }
        if spells("yes") { return .yes }
        if spells("no") { return .no }
        if spells("partial") { return .partial }
        if spells("na") { return .na }
        return nil
    }

    /// Digits with an optional sign and fraction, nothing else (no white space, no exponent).
    /// Longer numbers than `Syntax.plainDecimalDigits` go the careful way, whose schema
    /// validator has the last word on them: both paths then follow one rule.
    static func decimal(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        var digits = 0, dots = 0
        for (index, byte) in text.enumerated() {
            if (0x30...0x39).contains(byte) { digits += 1 }
            else if byte == 0x2E { dots += 1 }
            else if (byte == 0x2D || byte == 0x2B) && index == 0 { continue }
            else { return nil }
        }
        guard digits > 0, dots <= 1, digits <= Syntax.plainDecimalDigits else { return nil }
        return Double(String(decoding: text, as: UTF8.self))
    }

    /// A non-negative integer written with digits only (white space around it allowed).
    static func count(_ text: String) -> Int? {
        let trimmed = collapsed(text)
        guard !trimmed.isEmpty, trimmed.utf8.count <= 9, trimmed.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return Int(trimmed)
    }

    /// White space collapsed to single spaces and trimmed, as the loaders store texts.
    static func collapsed(_ text: String) -> String {
        var text = text
        return text.withUTF8 { collapsed($0) }
    }

    /// UTF-8 bytes as a string, white space collapsed to single spaces and trimmed.
    static func collapsed(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        // Most texts need nothing done: no white space but single spaces between words.
        var clean = true
        var afterSpace = true
        for byte in bytes {
            if isWhitespace(byte) {
                if byte != 0x20 || afterSpace { clean = false; break }
                afterSpace = true
            } else {
                afterSpace = false
            }
        }
        if clean && (bytes.isEmpty || !afterSpace) { return String(decoding: bytes, as: UTF8.self) }
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count)
        var pendingSpace = false
        for byte in bytes {
            if isWhitespace(byte) {
                pendingSpace = !kept.isEmpty
            } else {
                if pendingSpace { kept.append(0x20); pendingSpace = false }
                kept.append(byte)
            }
        }
        return String(decoding: kept, as: UTF8.self)
    }
}
