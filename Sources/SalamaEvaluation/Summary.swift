public import SalamaModel

/// The aggregate of many assessments of one checklist (the contract's section 5): readiness
/// per target, the most frequent open findings, compliance by section.
public struct Summary: Sendable {
    public struct TargetCount: Sendable, Hashable {
        public var target: Target
        public var ready: Int
        public var notReady: Int
        public var incomplete: Int
        /// Cooperatives whose required target this is.
        public var requiredOf: Int

        /// Cooperatives counted: ready + not ready + incomplete.
        public var cooperatives: Int { ready + notReady + incomplete }
    }

    public struct FindingCount: Sendable, Hashable {
        public var requirement: Requirement
        /// Cooperatives to which the requirement applies (exempted ones left out), those that
        /// assessed it, and those for which it is an open finding.
        public var applicable: Int
        public var assessed: Int
        public var open: Int
        /// Cooperatives for which it is open and within their required level's scope: what
        /// keeps them from the level they need.
        public var blockingRequired: Int = 0
        /// Position in the checklist.
        public var index: Int

        /// Open ÷ assessed.
        public var share: Double { assessed > 0 ? Double(open) / Double(assessed) : 0 }
    }

    public struct SectionShare: Sendable, Hashable {
        public var section: Section
        /// (cooperative, assessed applicable requirement) pairs, and those whose status is `yes`.
        public var pairs: Int
        public var compliant: Int

        /// Compliant ÷ pairs; nil when nothing in the section was assessed anywhere.
        public var compliance: Double? { pairs > 0 ? Double(compliant) / Double(pairs) : nil }
    }

    /// One cooperative, as its latest assessment leaves it, for its required target. A class:
    /// a summary of 100,000 cooperatives moves, merges and sorts references, not the lines.
    public final class CooperativeLine: Sendable {
        public let assessed: AssessedCooperative
        public let required: TargetOutcome

        public init(assessed: AssessedCooperative, required: TargetOutcome) {
            self.assessed = assessed
            self.required = required
        }
    }

    public var checklist: Checklist
    /// Valid assessments read, superseded ones included.
    public var assessments: Int
    /// Cooperatives counted (each by its latest assessment).
    public var cooperativeCount: Int { cooperatives.count }
    public var targets: [TargetCount]
    /// Requirements open for at least one cooperative: most often open first, then document order.
    public var findings: [FindingCount]
    public var sections: [SectionShare]
    /// Sorted by cooperative id (byte order).
    public var cooperatives: [CooperativeLine]
}

/// Who an assessment is of, when it was made and where it is: what the latest-assessment rule
/// and the cooperatives table need.
public struct AssessedCooperative: Sendable {
    public var cooperative: Cooperative
    public var date: Day
    public var kind: AssessmentKind
    public var path: String

    public init(cooperative: Cooperative, date: Day, kind: AssessmentKind, path: String) {
        self.cooperative = cooperative
        self.date = date
        self.kind = kind
        self.path = path
    }

    /// Whether this assessment comes after `other` by the contract's rule: the later date; on
    /// the same date an inspection before a self-assessment; then the smaller path (byte order).
    public func supersedes(_ other: AssessedCooperative) -> Bool {
        if date != other.date { return date > other.date }
        if kind != other.kind { return kind == .inspection }
        return path.utf8.lexicographicallyPrecedes(other.path.utf8)
    }
}

/// What a summary keeps of the verdicts on one cooperative until every file is read: four bits
/// per requirement and per target, so that a summary of a hundred thousand cooperatives stays
/// small.
public struct CompactVerdicts: Sendable {
    /// Each requirement's effective status (document order; 0 when it does not apply, else 1 +
    /// its position in `EffectiveStatus.allCases`), then each target's verdict (level order;
    /// its position in `Verdict.allCases`): two to a byte.
    private let packed: [UInt8]
    public let requirementCount: Int
    public let targetCount: Int
    public let requiredIndex: Int
    /// For each requirement, the index of its top-level section (shared, never copied).
    let topSections: [Int]

    private static let statuses = EffectiveStatus.allCases
    private static let verdicts = Verdict.allCases

    public init(_ verdicts: Verdicts) {
        requirementCount = verdicts.statuses.count
        targetCount = verdicts.targets.count
        requiredIndex = verdicts.targets.firstIndex(where: \.required) ?? 0
        topSections = verdicts.topSections
        var codes: [UInt8] = []
        codes.reserveCapacity(requirementCount + targetCount)
        for (applies, status) in zip(verdicts.applicable, verdicts.statuses) {
            codes.append(applies ? UInt8(Self.statuses.firstIndex(of: status)! + 1) : 0)
        }
        for target in verdicts.targets { codes.append(UInt8(Self.verdicts.firstIndex(of: target.verdict)!)) }
        packed = stride(from: 0, to: codes.count, by: 2).map { index in
            codes[index] | (index + 1 < codes.count ? codes[index + 1] << 4 : 0)
        }
    }

    private func code(at position: Int) -> Int {
        Int(packed[position / 2] >> (position % 2 == 0 ? 0 : 4) & 0x0F)
    }

    /// The effective status of the requirement at `position`; nil when it does not apply.
    public func status(at position: Int) -> EffectiveStatus? {
        let code = code(at: position)
        return code == 0 ? nil : Self.statuses[code - 1]
    }

    /// The verdict on the target at `index` (level order).
    public func verdict(ofTarget index: Int) -> Verdict {
        Self.verdicts[code(at: requirementCount + index)]
    }
}

/// Accumulates the verdicts on cooperatives into a summary.
public struct SummaryAccumulator: Sendable {
    public let checklist: Checklist
    private var assessments = 0
    private var ready: [Int]
    private var notReady: [Int]
    private var incomplete: [Int]
    private var requiredOf: [Int]
    private var applicable: [Int]
    private var assessed: [Int]
    private var open: [Int]
    private var blockingRequired: [Int]
    /// For each target, whether each requirement is within its scope (made once).
    private let inScope: [[Bool]]
    private var sectionPairs: [Int]
    private var sectionCompliant: [Int]
    private var cooperatives: [Summary.CooperativeLine] = []

    public init(checklist: Checklist) {
        self.checklist = checklist
        let targets = checklist.targets.count
        let requirements = checklist.requirements.count
        ready = Array(repeating: 0, count: targets)
        notReady = ready
        incomplete = ready
        requiredOf = ready
        applicable = Array(repeating: 0, count: requirements)
        assessed = applicable
        open = applicable
        blockingRequired = applicable
        inScope = checklist.targets.map { target in
            let scope = checklist.scope(of: target.id)
            return checklist.requirements.map { scope.contains($0.target) }
        }
        sectionPairs = Array(repeating: 0, count: checklist.sections.count)
        sectionCompliant = sectionPairs
    }

    /// Counts one cooperative by the verdicts on its latest assessment.
    public mutating func add(_ verdicts: Verdicts, of cooperative: AssessedCooperative) {
        let compact = CompactVerdicts(verdicts)
        add(compact, line: Summary.CooperativeLine(assessed: cooperative, required: verdicts.targets[compact.requiredIndex].outcome))
    }

    /// Counts one cooperative by the verdicts on its latest assessment, as a summary keeps them.
    public mutating func add(_ verdicts: CompactVerdicts, line: Summary.CooperativeLine) {
        let requiredIndex = verdicts.requiredIndex
        for index in 0..<verdicts.targetCount {
            switch verdicts.verdict(ofTarget: index) {
            case .ready: ready[index] += 1
            case .notReady: notReady[index] += 1
            case .incomplete: incomplete[index] += 1
            }
        }
        requiredOf[requiredIndex] += 1
        for position in 0..<verdicts.requirementCount {
            guard let status = verdicts.status(at: position), status != .exempted else { continue }
            applicable[position] += 1
            guard status.isAssessed else { continue }
            let section = verdicts.topSections[position]
            assessed[position] += 1
            sectionPairs[section] += 1
            if status == .yes {
                sectionCompliant[section] += 1
            } else {
                open[position] += 1
                if inScope[requiredIndex][position] { blockingRequired[position] += 1 }
            }
        }
        cooperatives.append(line)
    }

    /// Makes room for the lines of `count` cooperatives at once.
    public mutating func reserveCooperatives(_ count: Int) {
        cooperatives.reserveCapacity(count)
    }

    /// Records the number of valid assessment files read, superseded ones included.
    public mutating func setAssessmentFiles(_ count: Int) {
        assessments = count
    }

    public var summary: Summary {
        let requirements = checklist.requirements
        let findings = requirements.indices
            .filter { open[$0] > 0 }
            .map { Summary.FindingCount(requirement: requirements[$0], applicable: applicable[$0], assessed: assessed[$0], open: open[$0],
                                        blockingRequired: blockingRequired[$0], index: $0) }
            .sorted { $0.open != $1.open ? $0.open > $1.open : $0.index < $1.index }
        return Summary(
            checklist: checklist,
            assessments: assessments,
            targets: checklist.targets.indices.map {
                Summary.TargetCount(target: checklist.targets[$0], ready: ready[$0], notReady: notReady[$0], incomplete: incomplete[$0],
                                    requiredOf: requiredOf[$0])
            },
            findings: findings,
            sections: checklist.sections.indices.map {
                Summary.SectionShare(section: checklist.sections[$0], pairs: sectionPairs[$0], compliant: sectionCompliant[$0])
            },
            cooperatives: cooperatives.isSorted(by: Self.byID) ? cooperatives : cooperatives.sorted(by: Self.byID))
    }

    /// Sorts the cooperatives' lines where they are, so that `summary` need not copy them: a
    /// summary of 100,000 cooperatives holds its lines once.
    public mutating func sortCooperatives() {
        cooperatives.sort(by: Self.byID)
    }

    /// Byte order of the cooperatives' ids.
    private static func byID(_ first: Summary.CooperativeLine, _ second: Summary.CooperativeLine) -> Bool {
        first.assessed.cooperative.id.utf8.lexicographicallyPrecedes(second.assessed.cooperative.id.utf8)
    }
}

extension Array {
    func isSorted(by areInIncreasingOrder: (Element, Element) -> Bool) -> Bool {
        indices.dropFirst().allSatisfy { !areInIncreasingOrder(self[$0], self[$0 - 1]) }
    }
}
