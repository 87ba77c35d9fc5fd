public import SalamaXML
import Foundation

/// Loads a checklist file: strict parse, confined XInclude, schema validation, then every rule
/// of the contract's section 1. All problems of the file (and of its modules) are reported.
public enum ChecklistLoader {
    public static let namespace = "urn:salama:checklist:1"
    /// Targets are certification levels (three or four); a checklist declaring more than this
    /// is refused, since following `includes` chains and evaluating cost the square of their number.
    public static let maximumTargets = 100

    /// Loads the checklist at `path`.
    /// - Throws: `InvalidInputError` with every located error (and the warnings).
    public static func load(path: String) throws(InvalidInputError) -> Loaded<Checklist> {
        try load(document: XMLParser.parse(file: path))
    }

    /// Loads a checklist from a parsed document (its `xi:include`s are resolved here).
    public static func load(document: XMLDocument) throws(InvalidInputError) -> Loaded<Checklist> {
        guard let root = document.root, root.name == "checklist", root.namespaceURI == namespace else {
            throw InvalidInputError(.error(at: document.root?.location ?? .file(document.path),
                                           ModelMessage.notAChecklist(namespace: namespace)))
        }
        let folder = (document.path as NSString).deletingLastPathComponent
        try XInclude.resolve(in: document, confinedTo: folder.isEmpty ? "." : folder)

        // The schema and the builder read the same finished tree: on two cores at once.
        let validation = Schemas.checklist.startValidating(document)
        var builder = ChecklistBuilder(root: document.root!, path: document.path, sha256: SHA256.hex(of: document.bytes))
        let checklist = builder.build()
        let diagnostics = (validation.wait() + builder.context.diagnostics).sortedForDisplay()
        if diagnostics.containsErrors {
            throw InvalidInputError(diagnostics)
        }
        return Loaded(value: checklist, warnings: diagnostics)
    }
}

private struct ChecklistBuilder {
    let root: XMLElement
    let path: String
    let sha256: String
    var context: LoadContext
    var sectionAndRequirementIDs = UniqueIDs(.idSectionOrRequirement)
    var targetIDs: Set<String> = []
    var sourceIDs: Set<String> = []
    var products: [VocabularyTerm] = []
    var activities: [VocabularyTerm] = []

    init(root: XMLElement, path: String, sha256: String) {
        self.root = root
        self.path = path
        self.sha256 = sha256
        self.context = LoadContext(documentLanguage: root.language ?? "fr")
    }

    mutating func build() -> Checklist {
        if root.language == nil {
            context.error(root, .checklistWithoutLanguage)
        }
        let children = root.children
        func named(_ name: String) -> [XMLElement] { children.filter { $0.name == name } }

        let sources = buildSources(named("source"))
        products = buildVocabulary(named("product"), kind: .product)
        activities = buildVocabulary(named("activity"), kind: .activity)
        let partial = named("scoring").first.flatMap { context.decimal($0, "partial") } ?? 0.5
        let targets = buildTargets(named("target"))
        targetIDs = Set(targets.map(\.id))
        let sections = named("section").compactMap { buildSection($0) }

        return Checklist(
            id: root.attribute("id") ?? "",
            version: root.attribute("version") ?? "",
            language: context.documentLanguage,
            title: context.localized(named("title"), what: .subjectChecklist),
            description: context.localized(named("description"), what: .subjectChecklist),
            sources: sources,
            products: products,
            activities: activities,
            partialCredit: partial,
            targets: targets.sorted { $0.level < $1.level },
            sections: sections,
            path: path,
            sha256: sha256
        )
    }

    private mutating func buildSources(_ elements: [XMLElement]) -> [Source] {
        var sources: [Source] = []
        var indexByID: [String: Int] = [:]
        var languagesByID: [String: Set<String>] = [:]
        for element in elements {
            guard let id = element.attribute("id") else { continue }
            let language = element.language ?? context.documentLanguage
            let text = Syntax.collapsingWhitespace(element.text)
            if let index = indexByID[id] {
                if !languagesByID[id, default: []].insert(language).inserted {
                    context.error(element, .duplicateSource(id: id, language: language, first: sources[index].location.description))
                } else {
                    sources[index].title.entries.append(.init(language: language, text: text))
                }
                continue
            }
            indexByID[id] = sources.count
            languagesByID[id] = [language]
            sources.append(Source(id: id, title: LocalizedText(text, language: language), location: element.location))
        }
        sourceIDs = Set(sources.map(\.id))
        return sources
    }

    /// The products or activities a checklist declares: ids unique within their kind, titles
    /// per language, aliases as written.
    private mutating func buildVocabulary(_ elements: [XMLElement], kind: VocabularyKind) -> [VocabularyTerm] {
        var ids = UniqueIDs(kind == .product ? .idProduct : .idActivity)
        var terms: [VocabularyTerm] = []
        for element in elements {
            guard let id = element.attribute("id"), ids.register(id, at: element, in: &context) else { continue }
            let children = element.children
            terms.append(VocabularyTerm(
                id: id,
                title: context.localized(children.filter { $0.name == "title" }, what: kind == .product ? .subjectProduct(id: id) : .subjectActivity(id: id)),
                aliases: children.filter { $0.name == "alias" }.map { Syntax.collapsingWhitespace($0.text) },
                location: element.location))
        }
        return terms
    }

    /// `applies-when` or `required-for` as written, checked: at least one attribute, and every
    /// token a declared product or activity (1.1).
    private mutating func condition(_ element: XMLElement) -> Condition {
        let condition = context.condition(element)
        context.checkNotEmpty(condition, element)
        for (kind, tokens) in [(VocabularyKind.product, condition.products), (.activity, condition.activities)] {
            let terms = kind == .product ? products : activities
            // A token of the wrong shape is the schema's to report.
            for token in tokens ?? [] where Lexical.isToken(token) && !terms.contains(where: { $0.id == token }) {
                let problem = UnknownTermError(typed: token, kind: kind, among: terms)
                context.error(element, .undeclaredTermInCondition(element: element.name, attribute: kind.attribute, problem: problem.message,
                                                                  kind: kind.rawValue, token: token))
            }
        }
        return condition
    }

    private mutating func buildTargets(_ elements: [XMLElement]) -> [Target] {
        var ids = UniqueIDs(.idTarget)
        var levels: [Int: String] = [:]
        var targets: [Target] = []
        for element in elements {
            guard let id = element.attribute("id"), ids.register(id, at: element, in: &context) else { continue }
            let level = context.integer(element, "level") ?? 0
            if level > 0, let other = levels[level] {
                context.error(element, .targetLevelTaken(id: id, level: level, other: other))
            }
            levels[level] = levels[level] ?? id
            let children = element.children
            let requiredFor = children.first { $0.name == "required-for" }.map { condition($0) }
            targets.append(Target(
                id: id,
                level: level,
                minScore: context.decimal(element, "min-score") ?? 0,
                maxMajor: context.integer(element, "max-major"),
                includes: element.attribute("includes"),
                title: context.localized(children.filter { $0.name == "title" }, what: .subjectTarget(id: id)),
                description: context.localized(children.filter { $0.name == "description" }, what: .subjectTarget(id: id)),
                requiredFor: requiredFor,
                location: element.location
            ))
        }
        if targets.count > ChecklistLoader.maximumTargets {
            context.error(at: targets[ChecklistLoader.maximumTargets].location,
                          .tooManyTargets(limit: ChecklistLoader.maximumTargets))
        } else {
            checkIncludes(targets)
        }
        return targets
    }

    /// `includes` names a declared target, and following the chain never comes back.
    private mutating func checkIncludes(_ targets: [Target]) {
        let byID = Dictionary(targets.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for target in targets {
            guard let included = target.includes else { continue }
            guard byID[included] != nil else {
                context.error(at: target.location, .includesUndeclaredTarget(target: target.id, included: included))
                continue
            }
            var chain = [target.id]
            var next: String? = included
            while let current = next, let step = byID[current] {
                if chain.contains(current) {
                    context.error(at: target.location, .includesLoop(target: target.id, chain: (chain + [current]).joined(separator: " → ")))
                    break
                }
                chain.append(current)
                next = step.includes
            }
        }
    }

    private mutating func buildSection(_ element: XMLElement) -> Section? {
        let id = element.attribute("id") ?? ""
        if !id.isEmpty { _ = sectionAndRequirementIDs.register(id, at: element, in: &context) }
        var items: [Section.Item] = []
        var titles: [XMLElement] = []
        var descriptions: [XMLElement] = []
        var condition: Condition?
        for child in element.children {
            switch child.name {
            case "title": titles.append(child)
            case "description": descriptions.append(child)
            case "applies-when": condition = self.condition(child)
            case "requirement": if let requirement = buildRequirement(child) { items.append(.requirement(requirement)) }
            case "section": if let section = buildSection(child) { items.append(.section(section)) }
            default: continue
            }
        }
        return Section(
            id: id,
            title: context.localized(titles, what: .subjectSection(id: id)),
            description: context.localized(descriptions, what: .subjectSection(id: id)),
            appliesWhen: condition,
            items: items,
            location: element.location
        )
    }

    private mutating func buildRequirement(_ element: XMLElement) -> Requirement? {
        guard let id = element.attribute("id") else { return nil }
        _ = sectionAndRequirementIDs.register(id, at: element, in: &context)
        let what = ModelMessage.subjectRequirement(id: id)
        let target = element.attribute("target") ?? ""
        if !target.isEmpty && !targetIDs.contains(target) {
            context.error(element, .namesUndeclaredTarget(what: what, target: target))
        }
        var titles: [XMLElement] = [], guidance: [XMLElement] = [], actions: [XMLElement] = []
        var cites: [Cite] = []
        var condition: Condition?
        var evidence: [EvidenceSpec] = []
        var measures: [MeasureSpec] = []
        var evidenceIDs = UniqueIDs(.idEvidenceIn(of: what))
        var measureIDs = UniqueIDs(.idMeasureIn(of: what))
        for child in element.children {
            switch child.name {
            case "title": titles.append(child)
            case "guidance": guidance.append(child)
            case "action": actions.append(child)
            case "cite":
                guard let source = child.attribute("source") else { continue }
                if !sourceIDs.contains(source) {
                    context.error(child, .citesUndeclaredSource(what: what, source: source))
                }
                cites.append(buildCite(child, source: source, what: what))
            case "applies-when": condition = self.condition(child)
            case "evidence":
                guard let evidenceID = child.attribute("id"), evidenceIDs.register(evidenceID, at: child, in: &context) else { continue }
                let parts = child.children
                evidence.append(EvidenceSpec(
                    id: evidenceID,
                    maxAgeDays: context.integer(child, "max-age-days"),
                    title: context.localized(parts.filter { $0.name == "title" }, what: .subjectEvidence(id: evidenceID)),
                    guidance: context.localized(parts.filter { $0.name == "guidance" }, what: .subjectEvidence(id: evidenceID)),
                    location: child.location))
            case "measure":
                guard let measureID = child.attribute("id"), measureIDs.register(measureID, at: child, in: &context) else { continue }
                let parts = child.children
                let measure = MeasureSpec(
                    id: measureID,
                    unit: child.attribute("unit"),
                    min: context.decimal(child, "min"),
                    max: context.decimal(child, "max"),
                    title: context.localized(parts.filter { $0.name == "title" }, what: .subjectMeasure(id: measureID)),
                    guidance: context.localized(parts.filter { $0.name == "guidance" }, what: .subjectMeasure(id: measureID)),
                    location: child.location)
                if child.attribute("min") == nil && child.attribute("max") == nil {
                    context.error(child, .measureWithoutBounds(measure: measureID))
                } else if let min = measure.min, let max = measure.max, min > max {
                    context.error(child, .measureMinAboveMax(measure: measureID, min: child.attribute("min") ?? "", max: child.attribute("max") ?? ""))
                }
                measures.append(measure)
            default: continue
            }
        }
        return Requirement(
            id: id,
            severity: element.attribute("severity").flatMap(Severity.init(rawValue:)) ?? .minor,
            target: target,
            weight: context.decimal(element, "weight") ?? 1,
            title: context.localized(titles, what: what),
            guidance: context.localized(guidance, what: what),
            cites: cites,
            appliesWhen: condition,
            evidence: evidence,
            measures: measures,
            action: buildAction(actions, what: what),
            allowsNotApplicable: element.attribute("allow-na").map { ["true", "1"].contains($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? false,
            location: element.location
        )
    }

    /// A cite's locator: the `at` attribute (in the checklist's language) or one `<at>` per
    /// language (1.1), not both.
    private mutating func buildCite(_ element: XMLElement, source: String, what: ModelMessage) -> Cite {
        let locators = element.children.filter { $0.name == "at" }
        var at = context.localized(locators, what: .subjectCite(source: source, of: what))
        if let attribute = element.attribute("at") {
            if !locators.isEmpty {
                context.error(element, .citeLocatorTwice(cite: .subjectCite(source: source, of: what)))
            } else {
                at = LocalizedText(Syntax.collapsingWhitespace(attribute), language: context.documentLanguage)
            }
        }
        return Cite(source: source, at: at, location: element.location)
    }

    /// The `<action>` elements of a requirement are one action in several languages; their
    /// costs must agree.
    private mutating func buildAction(_ elements: [XMLElement], what: ModelMessage) -> Action? {
        guard let first = elements.first else { return nil }
        let cost = first.attribute("cost").flatMap(Cost.init(rawValue:)) ?? .low
        for element in elements.dropFirst() {
            let other = element.attribute("cost").flatMap(Cost.init(rawValue:)) ?? .low
            if other != cost {
                context.error(element, .actionCostDiffers(action: .subjectAction(of: what), here: other.rawValue, there: cost.rawValue))
            }
        }
        return Action(text: context.localized(elements, what: .subjectAction(of: what)), cost: cost, location: first.location)
    }
}
