import SalamaXML

/// The one escaping of text for HTML and XML: element content, attribute values (quoted with
/// `"` or `'`) and comment bodies. Every report, workbook and template that writes markup goes
/// through it.
public enum MarkupEscaping {
    /// `text` for element content: `& < > " '` as character references, carriage returns as
    /// `&#13;` (a parser would turn a literal one into a line feed), and the characters neither
    /// HTML nor XML 1.0 can hold (C0 controls other than tab, line feed and carriage return, DEL,
    /// the C1 controls, U+FFFE, U+FFFF) replaced by U+FFFD.
    public static func escape(_ text: String) -> String {
        escape(text, attribute: false)
    }

    /// `text` for an attribute value quoted with `"` or `'`: as `escape(_:)`, with tab and line
    /// feed as character references too, so that attribute-value normalization keeps them.
    public static func escapeAttribute(_ text: String) -> String {
        escape(text, attribute: true)
    }

    /// `text` as the body of a comment (`<!-- … -->`): no `--` inside, no `-` at the end, and the
    /// characters neither HTML nor XML can hold replaced by U+FFFD. Nothing is escaped: a comment
    /// shows its text literally.
    public static func comment(_ text: String) -> String {
        var out = ""
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            let scalar = isAllowed(scalar) || "\t\n\r".unicodeScalars.contains(scalar) ? scalar : "\u{FFFD}"
            if scalar == "-" && previous == "-" { out += " " }
            out.unicodeScalars.append(scalar)
            previous = scalar
        }
        if out.hasSuffix("-") { out += " " }
        return out
    }

    private static func escape(_ text: String, attribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\r": out += "&#13;"
            case _ where FileSystemName.shownByte(scalar) != nil: out += "&lt;" + FileSystemName.shownByte(scalar)!.dropFirst().dropLast() + "&gt;"
            case "\t": out += attribute ? "&#9;" : "\t"
            case "\n": out += attribute ? "&#10;" : "\n"
            case _ where !isAllowed(scalar): out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether XML 1.0 and HTML allow the character in a document (tab, line feed and carriage
    /// return aside, which are handled apart).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value >= 0x20 && !(0x7F...0x9F).contains(value) && value != 0xFFFE && value != 0xFFFF
    }

    /// `text` inside a CSS string quoted with `"`: backslashes, quotes and line breaks escaped,
    /// `<` too, so that the style sheet cannot be closed from inside the string.
    public static func cssString(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "\"", "<", "\n", "\r": out += "\\" + String(scalar.value, radix: 16) + " "
            case _ where !isAllowed(scalar) && scalar != "\t": out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
