import SalamaXML

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
    var state: StreamState

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
        case assessment(next: Int)          // 0: cooperative, 1: assessor or answer, 2: answer
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

    static let namespace = AssessmentLoader.namespace
    static let xmlNamespace = XMLElement.xmlNamespace

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
    private var assessor: Assessor?
    private var answers: [Answer] = []
    private var answered: Set<String> = []
    private var current: Answer?
    /// The evidence and measurement refs of the current answer, so that a duplicate is found
    /// without a scan of the answer's records (an answer may hold hundreds of thousands).
    private var currentEvidenceRefs: Set<String> = [], currentMeasurementRefs: Set<String> = []
    private var currentEvidence: EvidenceRecord?
    private var currentMeasurement: Measurement?

    init(path: String) {
        self.path = path
    }

    func result() -> Assessment? {
        guard let checklistID, let date, hasRegion, hasProvince, !cooperative.products.isEmpty else { return nil }
        return Assessment(path: path, checklistID: checklistID, checklistVersion: checklistVersion, date: date, kind: kind,
                          cooperative: cooperative, assessor: assessor, answers: answers, location: rootLocation)
    }

    private mutating func reject() -> Bool {
        rejected = true
        return false
    }

    /// Only the named attributes (and xml:*) may appear; returns their values in the order of
    /// the names (nil for those absent), or nil when another attribute appears.
    private func attributes(of tag: XMLStartTag, _ a: String = "", _ b: String = "", _ c: String = "", _ d: String = "")
        -> (String?, String?, String?, String?)? {
        var values: (String?, String?, String?, String?) = (nil, nil, nil, nil)
        for attribute in tag.attributes {
            if attribute.namespaceURI == Self.xmlNamespace { continue }
            guard attribute.namespaceURI == nil, !attribute.name.isEmpty else { return nil }
            switch attribute.name {
            case a: values.0 = attribute.value
            case b: values.1 = attribute.value
            case c: values.2 = attribute.value
            case d: values.3 = attribute.value
            default: return nil
            }
        }
        return values
    }

    /// A child of `cooperative` and its position in the schema's sequence.
    private static func cooperativeField(_ name: String) -> (Field, Int)? {
        switch name {
        case "region": (.region, 0)
        case "province": (.province, 1)
        case "commune": (.commune, 2)
        case "members": (.members, 3)
        case "product": (.product, 4)
        case "activity": (.activity, 5)
        default: nil
        }
    }

    mutating func start(_ tag: XMLStartTag) -> Bool {
        guard tag.namespaceURI == Self.namespace, let place = stack.last else { return reject() }
        text.removeAll(keepingCapacity: true)
        switch place {
        case .document:
            guard tag.name == "assessment",
                  let values = attributes(of: tag, "checklist", "checklist-version", "date", "kind"),
                  let checklist = values.0, Lexical.isID(checklist),
                  let dateText = values.2, let day = Lexical.day(dateText) else { return reject() }
            if let kindText = values.3 {
                guard let parsed = AssessmentKind(rawValue: kindText) else { return reject() }
                kind = parsed
            }
            checklistID = checklist
            checklistVersion = values.1
            date = day
            rootLocation = tag.location
            replaceTop(.assessment(next: 0))
            return true
        case .assessment(let next):
            switch (tag.name, next) {
            case ("cooperative", 0):
                guard let values = attributes(of: tag, "id", "name"),
                      let id = values.0, Lexical.isID(id), let name = values.1 else { return reject() }
                cooperative.id = id
                cooperative.name = name
                replaceTop(.assessment(next: 1))
                stack.append(.cooperative(next: 0))
            case ("assessor", 1):
                guard let values = attributes(of: tag, "name", "role"),
                      let name = values.0, let role = values.1.flatMap(AssessorRole.init(rawValue:)) else { return reject() }
                assessor = Assessor(name: name, role: role)
                replaceTop(.assessment(next: 2))
                stack.append(.assessor)
            case ("answer", 1), ("answer", 2):
                guard let values = attributes(of: tag, "ref", "status", "deadline"),
                      let ref = values.0, Lexical.isID(ref), answered.insert(ref).inserted else { return reject() }
                var status: AnswerStatus?
                if let statusText = values.1 {
                    guard let parsed = AnswerStatus(rawValue: statusText) else { return reject() }
                    status = parsed
                }
                var deadline: Day?
                if let deadlineText = values.2 {
                    guard let parsed = Lexical.day(deadlineText) else { return reject() }
                    deadline = parsed
                }
                current = Answer(ref: ref, status: status, deadline: deadline, evidence: [], measurements: [], notes: [], location: tag.location)
                currentEvidenceRefs.removeAll(keepingCapacity: true)
                currentMeasurementRefs.removeAll(keepingCapacity: true)
                replaceTop(.assessment(next: 2))
                stack.append(.answer(next: 0))
            default:
                return reject()
            }
            return true
        case .cooperative(let next):
            // region, province, commune?, members?, product+, activity*
            guard let (field, position) = Self.cooperativeField(tag.name), attributes(of: tag) != nil else { return reject() }
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
            replaceTop(.cooperative(next: following))
            stack.append(.cooperativeField(field))
            return true
        case .answer(let next):
            let field: Field
            switch tag.name {
            case "evidence" where next == 0:
                guard let values = attributes(of: tag, "ref", "date"),
                      let ref = values.0, Lexical.isID(ref),
                      current != nil, currentEvidenceRefs.insert(ref).inserted else { return reject() }
                var day: Day?
                if let dateText = values.1 {
                    guard let parsed = Lexical.day(dateText) else { return reject() }
                    day = parsed
                }
                currentEvidence = EvidenceRecord(ref: ref, date: day, document: "", location: tag.location)
                field = .evidence
            case "measurement" where next <= 1:
                guard let values = attributes(of: tag, "ref", "value"),
                      let ref = values.0, Lexical.isID(ref),
                      current != nil, currentMeasurementRefs.insert(ref).inserted else { return reject() }
                var value: Double?
                if let valueText = values.1 {
                    guard let parsed = Lexical.decimal(valueText) else { return reject() }
                    value = parsed
                }
                currentMeasurement = Measurement(ref: ref, value: value, location: tag.location)
                replaceTop(.answer(next: 1))
                field = .measurement
            case "note":
                guard attributes(of: tag) != nil else { return reject() }
                replaceTop(.answer(next: 2))
                field = .note
            default:
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
        case .cooperativeField, .answerField: content = String(decoding: text, as: UTF8.self)
        default: content = ""
        }
        text.removeAll(keepingCapacity: true)
        switch place {
        case .cooperativeField(let field):
            switch field {
            case .region: cooperative.region = Lexical.collapsed(content); hasRegion = true
            case .province: cooperative.province = Lexical.collapsed(content); hasProvince = true
            case .commune: cooperative.commune = Lexical.collapsed(content)
            case .members:
                guard let members = Lexical.count(content) else { rejected = true; return }
                cooperative.members = members
            case .product, .activity:
                let token = Lexical.collapsed(content)
                guard Lexical.isToken(token) else { rejected = true; return }
                if field == .product { cooperative.products.append(token) } else { cooperative.activities.append(token) }
            case .evidence, .measurement, .note: rejected = true
            }
        case .answerField(let field):
            switch field {
            case .evidence:
                currentEvidence?.document = Lexical.collapsed(content)
                if let record = currentEvidence { current?.evidence.append(record) }
                currentEvidence = nil
            case .measurement:
                if let measurement = currentMeasurement { current?.measurements.append(measurement) }
                currentMeasurement = nil
            default:
                current?.notes.append(Lexical.collapsed(content))
            }
        case .answer:
            if let answer = current { answers.append(answer) }
            current = nil
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
    static func isID(_ text: String) -> Bool {
        var first = true
        for byte in text.utf8 {
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

    /// `[a-z0-9-]+`
    static func isToken(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x7A).contains($0) || $0 == 0x2D }
    }

    /// Exactly `YYYY-MM-DD` and a real day.
    static func day(_ text: String) -> Day? { Day(iso: text) }

    /// Digits with an optional sign and fraction, nothing else (no white space, no exponent).
    static func decimal(_ text: String) -> Double? {
        var digits = 0, dots = 0
        for (index, byte) in text.utf8.enumerated() {
            if (0x30...0x39).contains(byte) { digits += 1 }
            else if byte == 0x2E { dots += 1 }
            else if (byte == 0x2D || byte == 0x2B) && index == 0 { continue }
            else { return nil }
        }
        guard digits > 0, dots <= 1, digits <= 30 else { return nil }
        return Double(text)
    }

    /// A non-negative integer written with digits only (white space around it allowed).
    static func count(_ text: String) -> Int? {
        let trimmed = collapsed(text)
        guard !trimmed.isEmpty, trimmed.utf8.count <= 9, trimmed.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return Int(trimmed)
    }

    /// White space collapsed to single spaces and trimmed, as the loaders store texts.
    static func collapsed(_ text: String) -> String {
        // Most texts need nothing done: no white space but single spaces between words.
        var clean = true
        var afterSpace = true
        for byte in text.utf8 {
            if isWhitespace(byte) {
                if byte != 0x20 || afterSpace { clean = false; break }
                afterSpace = true
            } else {
                afterSpace = false
            }
        }
        if clean && (text.isEmpty || !afterSpace) { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            if isWhitespace(byte) {
                pendingSpace = !bytes.isEmpty
            } else {
                if pendingSpace { bytes.append(0x20); pendingSpace = false }
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
