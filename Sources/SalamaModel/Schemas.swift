public import SalamaXML

/// The compiled schemas of the contract, embedded in the binary (see scripts/embed-schemas.sh).
public enum Schemas {
    /// The checklist schema, `Checklists/schema/checklist.xsd`.
    public static let checklist = compile(EmbeddedSchemas.checklist, name: "checklist.xsd", format: .checklist)
    /// The assessment schema, `Checklists/schema/assessment.xsd`.
    public static let assessment = compile(EmbeddedSchemas.assessment, name: "assessment.xsd", format: .assessment)

    /// The schema texts, to compare with the shipped files.
    public static let checklistText = EmbeddedSchemas.checklist
    public static let assessmentText = EmbeddedSchemas.assessment

    private static func compile(_ text: String, name: String, format: XMLSchema.Format) -> XMLSchema {
        do {
            return try XMLSchema(text: text, name: name, format: format)
        } catch {
            // The schemas are part of the program; a test compiles them.
            fatalError("embedded schema \(name) does not compile: \(error)")
        }
    }
}
