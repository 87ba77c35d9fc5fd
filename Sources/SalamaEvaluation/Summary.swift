public import SalamaModel

/// The aggregate of many assessments of one checklist (the contract's section 5): readiness
/// per target, the most frequent open findings, compliance by section.
public struct Summary: Sendable {
    public struct TargetCount: Sendable, Hashable {
        public var target: Target
        public var ready: Int
        public var notReady: Int
        /// Cooperatives whose required target this is.
        public var requiredOf: Int
    }

    public struct FindingCount: Sendable, Hashable {
        public var requirement: Requirement
        /// Assessments in which the requirement applies, and in which it is open.
        public var applicable: Int
        public var open: Int
        /// Position in the checklist.
        public var index: Int

        /// Open ÷ applicable.
        public var share: Double { applicable > 0 ? Double(open) / Double(applicable) : 0 }
    }

    public struct SectionShare: Sendable, Hashable {
        public var section: Section
        /// (assessment, applicable requirement) pairs, and those whose status is `yes`.
        public var pairs: Int
        public var compliant: Int

        /// Compliant ÷ pairs; 1 when nothing applies (as a score is 100 when nothing applies).
        public var compliance: Double { pairs > 0 ? Double(compliant) / Double(pairs) : 1 }
    }

    public var checklist: Checklist
    /// Valid assessments counted.
    public var assessments: Int
    public var targets: [TargetCount]
    /// Requirements open in at least one assessment: most often open first, then document order.
    public var findings: [FindingCount]
    public var sections: [SectionShare]
}

/// Accumulates evaluations into a summary. Cheap to merge, so that each worker of a parallel
/// run keeps its own and nothing is shared while files are read.
public struct SummaryAccumulator: Sendable {
    public let checklist: Checklist
    private(set) var assessments = 0
    private var ready: [Int]
    private var notReady: [Int]
    private var requiredOf: [Int]
    private var applicable: [Int]
    private var open: [Int]
    private var sectionPairs: [Int]
    private var sectionCompliant: [Int]

    public init(checklist: Checklist) {
        self.checklist = checklist
        let targets = checklist.targets.count
        let requirements = checklist.requirements.count
        ready = Array(repeating: 0, count: targets)
        notReady = Array(repeating: 0, count: targets)
        requiredOf = Array(repeating: 0, count: targets)
        applicable = Array(repeating: 0, count: requirements)
        open = Array(repeating: 0, count: requirements)
        sectionPairs = Array(repeating: 0, count: checklist.sections.count)
        sectionCompliant = Array(repeating: 0, count: checklist.sections.count)
    }

    /// Adds the verdicts on one assessment (of this accumulator's checklist).
    public mutating func add(_ verdicts: Verdicts) {
        assessments += 1
        for index in verdicts.targets.indices {
            if verdicts.targets[index].verdict == .ready { ready[index] += 1 } else { notReady[index] += 1 }
            if verdicts.targets[index].required { requiredOf[index] += 1 }
        }
        for position in verdicts.applicable.indices where verdicts.applicable[position] {
            let section = verdicts.topSections[position]
            applicable[position] += 1
            sectionPairs[section] += 1
            if verdicts.statuses[position] == .yes { sectionCompliant[section] += 1 } else { open[position] += 1 }
        }
    }

    /// Adds what another accumulator of the same checklist has counted.
    public mutating func merge(_ other: SummaryAccumulator) {
        assessments += other.assessments
        for index in ready.indices {
            ready[index] += other.ready[index]
            notReady[index] += other.notReady[index]
            requiredOf[index] += other.requiredOf[index]
        }
        for index in applicable.indices {
            applicable[index] += other.applicable[index]
            open[index] += other.open[index]
        }
        for index in sectionPairs.indices {
            sectionPairs[index] += other.sectionPairs[index]
            sectionCompliant[index] += other.sectionCompliant[index]
        }
    }

    public var summary: Summary {
        let requirements = checklist.requirements
        let findings = requirements.indices
            .filter { open[$0] > 0 }
            .map { Summary.FindingCount(requirement: requirements[$0], applicable: applicable[$0], open: open[$0], index: $0) }
            .sorted { $0.open != $1.open ? $0.open > $1.open : $0.index < $1.index }
        return Summary(
            checklist: checklist,
            assessments: assessments,
            targets: checklist.targets.indices.map {
                Summary.TargetCount(target: checklist.targets[$0], ready: ready[$0], notReady: notReady[$0], requiredOf: requiredOf[$0])
            },
            findings: findings,
            sections: checklist.sections.indices.map {
                Summary.SectionShare(section: checklist.sections[$0], pairs: sectionPairs[$0], compliant: sectionCompliant[$0])
            })
    }
}
