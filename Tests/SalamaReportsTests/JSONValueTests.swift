import SalamaReports
import Testing

/// JSON written in pieces (a summary's output) is the JSON written whole.
@Suite struct JSONValueTests {
    static let value: JSONValue = .object([
        ("title", .string("Tâta \"quoted\"\n")),
        ("rows", .generated(count: 500) { index in
            .object([("id", .string("C\(index)")), ("score", index % 3 == 0 ? .null : .number(Double(index) / 8)),
                     ("open", .array([.int(index), .bool(index.isMultiple(of: 2))]))])
        }),
        ("empty", .generated(count: 0) { _ in .null }),
        ("nested", .array([.array([.string("a")]), .object([])])),
    ])

    @Test(arguments: [true, false])
    func piecesJoinedAreTheWholeText(pretty: Bool) {
        var pieces: [String] = []
        Self.value.serialize(pretty: pretty, pieceSize: 256) { pieces.append($0) }
        #expect(pieces.joined() == Self.value.serialized(pretty: pretty))
        // Pieces are cut between array elements, so they are many and none is much over the size.
        #expect(pieces.count > 20)
        #expect(pieces.dropLast().allSatisfy { $0.utf8.count >= 256 && $0.utf8.count < 256 + 200 })
    }

    @Test func aGeneratedArrayIsWrittenAsAnArray() {
        #expect(JSONValue.generated(count: 3) { .int($0) }.serialized(pretty: false) == "[0,1,2]")
        #expect(JSONValue.generated(count: 3) { .int($0) } == .array([.int(0), .int(1), .int(2)]))
        #expect(JSONValue.generated(count: 0) { _ in .null }.serialized() == "[]")
    }
}
