/// Escaping of text written into XML (and HTML): element content, attribute values and
/// comments. Every XML the workbook writes goes through it.
public enum XMLText {
    /// `text` for element content: `& < > " '` as character references, carriage returns kept
    /// as `&#13;` (a parser would turn a literal one into a line feed), and the characters XML
    /// 1.0 cannot hold (C0 controls other than tab, line feed and carriage return, DEL, the C1
    /// controls, U+FFFE, U+FFFF) replaced by U+FFFD.
    public static func escape(_ text: String) -> String {
        escape(text, attribute: false)
    }

    /// `text` for an attribute value quoted with `"` or `'`: as `escape(_:)`, and tab and line
    /// feed as character references too, so that attribute-value normalization keeps them.
    public static func escapeAttribute(_ text: String) -> String {
        escape(text, attribute: true)
    }

    /// `text` as the body of a comment (`<!-- … -->`): no `--` inside, no `-` at the end, and the
    /// characters XML cannot hold replaced by U+FFFD. Nothing is escaped: a comment shows its text
    /// literally.
    public static func comment(_ text: String) -> String {
        var out = ""
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            let scalar = isAllowed(scalar) ? scalar : "\u{FFFD}"
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
            case "\n" where attribute: out += "&#10;"
            case "\t" where attribute: out += "&#9;"
            case _ where !isAllowed(scalar): out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether XML 1.0 (and HTML) can hold the character.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x00..<0x20, 0x7F...0x9F, 0xFFFE, 0xFFFF: false
        default: true
        }
    }
}
