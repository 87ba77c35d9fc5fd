public import SalamaXML

/// What the cooperative (or the inspector) declared for one requirement.
public enum AnswerStatus: String, Sendable, Hashable, CaseIterable {
    case yes
    case partial
    case no
    case na
}

public enum AssessmentKind: String, Sendable, Hashable, CaseIterable {
    case selfAssessment = "self"
    case inspection
}

public enum AssessorRole: String, Sendable, Hashable, CaseIterable {
    case member
    case inspector
    case trainer
}

public struct Cooperative: Sendable, Hashable {
    public var id: String
    public var name: String
    public var region: String
    public var province: String
    public var commune: String?
    public var members: Int?
    public var products: [String]
    public var activities: [String]

    public init(id: String, name: String, region: String, province: String, commune: String? = nil,
                members: Int? = nil, products: [String], activities: [String] = []) {
        self.id = id
        self.name = name
        self.region = region
        self.province = province
        self.commune = commune
        self.members = members
        self.products = products
        self.activities = activities
    }
}

public struct Assessor: Sendable, Hashable {
    public var name: String
    public var role: AssessorRole
}

/// A document shown for an evidence item. An undated record is an unfilled slot.
public struct EvidenceRecord: Sendable, Hashable {
    public var ref: String
    public var date: Day?
    public var document: String
    public var location: SourceLocation
}

/// A measured value. One without value is an unfilled slot.
public struct Measurement: Sendable, Hashable {
    public var ref: String
    public var value: Double?
    public var location: SourceLocation
}

public struct Answer: Sendable, Hashable {
    public var ref: String
    /// Nil while a workbook is being filled in: it counts as no answer.
    public var status: AnswerStatus?
    public var deadline: Day?
    public var evidence: [EvidenceRecord]
    public var measurements: [Measurement]
    public var notes: [String]
    public var location: SourceLocation
}

/// A loaded, valid assessment.
public struct Assessment: Sendable, Hashable {
    public var path: String
    public var checklistID: String
    public var checklistVersion: String?
    public var date: Day
    public var kind: AssessmentKind
    public var cooperative: Cooperative
    public var assessor: Assessor?
    public var answers: [Answer]
    public var location: SourceLocation

    public init(path: String, checklistID: String, checklistVersion: String?, date: Day, kind: AssessmentKind,
                cooperative: Cooperative, assessor: Assessor?, answers: [Answer], location: SourceLocation) {
        self.path = path
        self.checklistID = checklistID
        self.checklistVersion = checklistVersion
        self.date = date
        self.kind = kind
        self.cooperative = cooperative
        self.assessor = assessor
        self.answers = answers
        self.location = location
    }
}
