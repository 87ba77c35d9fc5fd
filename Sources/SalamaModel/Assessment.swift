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
    /// Where each product and activity is written (same order), for located errors; empty for
    /// a cooperative that was not read from a file.
    public var productLocations: [SourceLocation]
    public var activityLocations: [SourceLocation]

    public init(id: String, name: String, region: String, province: String, commune: String? = nil,
                members: Int? = nil, products: [String], activities: [String] = [],
                productLocations: [SourceLocation] = [], activityLocations: [SourceLocation] = []) {
        self.id = id
        self.name = name
        self.region = region
        self.province = province
        self.commune = commune
        self.members = members
        self.products = products
        self.activities = activities
        self.productLocations = productLocations
        self.activityLocations = activityLocations
    }

    /// Two cooperatives are the same when what they say is the same, wherever it was written.
    public static func == (lhs: Cooperative, rhs: Cooperative) -> Bool {
        lhs.id == rhs.id && lhs.name == rhs.name && lhs.region == rhs.region && lhs.province == rhs.province
            && lhs.commune == rhs.commune && lhs.members == rhs.members && lhs.products == rhs.products && lhs.activities == rhs.activities
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(products)
        hasher.combine(activities)
    }
}

public struct Assessor: Sendable, Hashable {
    public var name: String
    public var role: AssessorRole

    public init(name: String, role: AssessorRole) {
        self.name = name
        self.role = role
    }
}

/// Why an inspector came.
public enum VisitPurpose: String, Sendable, Hashable, CaseIterable {
    case first
    case regular
    case followUp = "follow-up"
    case complaint
    case other
}

/// A person the inspectors met during the visit.
public struct PersonMet: Sendable, Hashable {
    public var name: String
    public var function: String?

    public init(name: String, function: String? = nil) {
        self.name = name
        self.function = function
    }
}

/// A sample taken during the visit for a laboratory.
public struct VisitSample: Sendable, Hashable {
    public var id: String
    public var product: String?
    public var analysis: String?
    public var laboratory: String?

    public init(id: String, product: String? = nil, analysis: String? = nil, laboratory: String? = nil) {
        self.id = id
        self.product = product
        self.analysis = analysis
        self.laboratory = laboratory
    }
}

/// What the official visit report records of the visit itself (contract 1.1); every part optional.
public struct Visit: Sendable, Hashable {
    public var number: String?
    public var purpose: VisitPurpose?
    /// Times as written, `HH:MM`.
    public var start: String?
    public var end: String?
    public var place: String?
    public var service: String?
    public var met: [PersonMet]
    public var samples: [VisitSample]

    public init(number: String? = nil, purpose: VisitPurpose? = nil, start: String? = nil, end: String? = nil, place: String? = nil,
                service: String? = nil, met: [PersonMet] = [], samples: [VisitSample] = []) {
        self.number = number
        self.purpose = purpose
        self.start = start
        self.end = end
        self.place = place
        self.service = service
        self.met = met
        self.samples = samples
    }
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
    /// Who assessed, in file order (1.1: one or more).
    public var assessors: [Assessor]
    public var visit: Visit?
    public var answers: [Answer]
    public var location: SourceLocation

    public init(path: String, checklistID: String, checklistVersion: String?, date: Day, kind: AssessmentKind,
                cooperative: Cooperative, assessors: [Assessor], visit: Visit? = nil, answers: [Answer], location: SourceLocation) {
        self.path = path
        self.checklistID = checklistID
        self.checklistVersion = checklistVersion
        self.date = date
        self.kind = kind
        self.cooperative = cooperative
        self.assessors = assessors
        self.visit = visit
        self.answers = answers
        self.location = location
    }
}
