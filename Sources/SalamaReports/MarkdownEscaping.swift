import Foundation
import SalamaXML

/// Escaping of text for Markdown (CommonMark with GitHub's tables), so that text from a file
/// shows literally: no emphasis, link, HTML, heading, list or table cell comes out of it.
public enum MarkdownEscaping {
    /// The characters that start inline syntax (or end a table cell) anywhere in a line.
    static let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~", "&", "!"]

    /// `text` on one line (runs of white space become one space), with every character that
    /// could start Markdown syntax escaped by a backslash, and a leading list or block marker
    /// escaped too; safe in a paragraph, a list item, a heading and a table cell.
    public static func escape(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        for character in VisibleText.escaping(text) {
            if character.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" ") }
            pendingSpace = false
            if special.contains(character) { out.append("\\") }
            out.append(character)
        }
        // A line may not start a list, a block quote, a heading underline or a thematic break.
        if let first = out.first, "-+=".contains(first) {
            out.insert("\\", at: out.startIndex)
        } else if let end = out.firstIndex(where: { !$0.isASCII || !$0.isNumber }), end != out.startIndex,
                  ".)".contains(out[end]), out.index(after: end) == out.endIndex || out[out.index(after: end)] == " " {
            out.insert("\\", at: end)
        }
        return out
    }

    /// Escaped Markdown in italics, unless it holds Arabic: Arabic has no italic, and a slanted
    /// Naskh is a synthetic one, hard to read.
    public static func emphasis(_ markdown: String) -> String {
        let arabic = markdown.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) }
        return arabic ? markdown : "*\(markdown)*"
    }

    /// `text` as a code span: fenced by more backticks than any run inside it, so that nothing
    /// in it can end the span (GitHub's tables still need `|` escaped, which they honour inside
    /// code spans).
    public static func code(_ text: String) -> String {
        let inline = escapeSpaces(VisibleText.escaping(text)).replacingOccurrences(of: "|", with: "\\|")
        var longest = 0, run = 0
        for character in inline {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = inline.hasPrefix("`") || inline.hasSuffix("`") ? " " : ""
        return fence + pad + inline + pad + fence
    }

    private static func escapeSpaces(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
