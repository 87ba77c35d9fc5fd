import Foundation
import SalamaXML

/// The last pass over a report's text, for right-to-left reading and for lines that break well:
///
/// - every code, reference and number with slashes or dashes ("2001/110/CE", "CXS 12-1981",
///   "art. 32", "FON-15", "2026-11-20") is isolated, so that a right-to-left line keeps its
///   order: without it, "2001/110/CE" shows as "CE/2001/110" in Arabic. Text and Markdown use
///   Unicode's first-strong isolate (U+2068 … U+2069), HTML a `<bdi dir="ltr">`. It applies to
///   right-to-left reports, and in the others to the lines (text nodes) holding Arabic. In
///   HTML, the isolates sentences hold become `<bdi>` elements too;
/// - "art.", "arts." and "n°" are tied to their number by a no-break space, in every language;
/// - an Arabic Markdown report is wrapped in `<div dir="rtl" lang="ar">`, so that a Markdown
///   viewer lays it out right to left.
public enum Typesetting {
    /// A report's plain text.
    public static func text(_ text: String, language: Language) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in isolatingCodes(in: tyingNumbers(in: String(line)), when: language.isRightToLeft) }
            .joined(separator: "\n")
    }

    /// A Markdown report: as text (code spans are isolated whole), wrapped when right to left.
    public static func markdown(_ markdown: String, language: Language) -> String {
        let body = text(markdown, language: language)
        guard language.isRightToLeft else { return body }
        return "<div dir=\"rtl\" lang=\"\(language.rawValue)\">\n\n" + body + (body.hasSuffix("\n") ? "" : "\n") + "\n</div>\n"
    }

    /// The body of an HTML page: its text nodes only (not tags, attributes, styles or drawings).
    public static func html(_ body: String, language: Language) -> String {
        var out = ""
        out.reserveCapacity(body.utf8.count + body.utf8.count / 16)
        var rest = body[...]
        var skipping: Substring?   // inside <style> or <svg>: copied as it is
        var previousTag: Substring = ""
        while let open = rest.firstIndex(of: "<") {
            let text = String(rest[..<open])
            if skipping == nil, !text.isEmpty {
                // Text already isolated needs no more: the content of a left-to-right element, or
                // the whole content of a <bdi> with no Arabic in it (its own direction is then
                // that of its first letter, left to right for a code).
                let isolated = previousTag.contains("dir=\"ltr\"")
                    || previousTag.hasPrefix("<bdi") && rest[open...].hasPrefix("</bdi>") && !hasArabic(text)
                out += isolated ? isolatesAsElements(tyingNumbers(in: text)) : htmlText(tyingNumbers(in: text), rightToLeft: language.isRightToLeft)
            } else {
                out += text
            }
            guard let close = rest[open...].firstIndex(of: ">") else { rest = rest[open...]; break }
            let tag = rest[open...close]
            previousTag = tag
            rest = rest[rest.index(after: close)...]
            let name = tag.dropFirst().prefix { $0.isLetter || $0 == "/" }
            if skipping == nil, name == "style" || name == "svg" {
                skipping = name
            } else if let skipped = skipping, name == "/" + skipped {
                skipping = nil
            }
            out += tag
        }
        out += rest
        return out
    }

    // MARK: - Codes

    /// A run of Latin letters and digits joined by `/`, `.` or `-` holding a digit, possibly led
    /// by a short Latin word tied to it ("CXS 12-1981"); or an abbreviation and a number
    /// ("art. 32", "n° 5"). HTML character references are matched first, to be kept as they are.
    private static let codePattern = """
        &[#A-Za-z0-9]+;\
        |(?<![A-Za-z0-9./\\-])(?:[A-Za-z]{1,8}\\.?[ \\u00A0])?[A-Za-z0-9]+(?:[./\\-][A-Za-z0-9]+)+(?![A-Za-z0-9])\
        |(?<![A-Za-z0-9./\\-])(?:[A-Za-z]{1,8}\\.|[Nn]°)[ \\u00A0]?[0-9]+(?![A-Za-z0-9./\\-])
        """
    private static let code = try! NSRegularExpression(pattern: codePattern)
    /// In text and Markdown, a code span (an id, a file name) is isolated whole; an escaped
    /// backtick (`\``) neither opens nor closes one.
    private static let codeOrSpan = try! NSRegularExpression(pattern: #"(?<!\\)`[^`\n]*[^`\n\\]`|"# + codePattern)

    private static func hasArabic(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) || (0x0750...0x077F).contains($0.value) }
    }

    private static func isolatingCodes(in line: String, when rightToLeft: Bool) -> String {
        guard rightToLeft || hasArabic(line) else { return line }
        return wrappingCodes(in: line, matching: codeOrSpan, open: "\u{2068}", close: "\u{2069}")
    }

    private static func htmlText(_ text: String, rightToLeft: Bool) -> String {
        guard rightToLeft || hasArabic(text) else { return isolatesAsElements(text) }
        return isolatesAsElements(wrappingCodes(in: text, matching: code, open: "<bdi dir=\"ltr\">", close: "</bdi>"))
    }

    /// The first-strong isolates of a sentence (U+2068 … U+2069) as `<bdi>` elements, paired:
    /// a stray closing mark is dropped, an unclosed one closed at the end of the text.
    private static func isolatesAsElements(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "\u{2068}" || $0 == "\u{2069}" }) else { return text }
        var out = ""
        var depth = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\u{2068}": out += "<bdi>"; depth += 1
            case "\u{2069}": if depth > 0 { out += "</bdi>"; depth -= 1 }
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + String(repeating: "</bdi>", count: depth)
    }

    private static func wrappingCodes(in text: String, matching code: NSRegularExpression, open: String, close: String) -> String {
        let whole = text as NSString
        var out = ""
        var last = 0
        for match in code.matches(in: text, range: NSRange(location: 0, length: whole.length)) {
            let found = whole.substring(with: match.range)
            out += whole.substring(with: NSRange(location: last, length: match.range.location - last))
            let end = match.range.location + match.range.length
            // Already isolated alone (a date or an id the sentence isolated): left as it is.
            let alone = match.range.location > 0 && end < whole.length
                && whole.substring(with: NSRange(location: match.range.location - 1, length: 1)) == "\u{2068}"
                && whole.substring(with: NSRange(location: end, length: 1)) == "\u{2069}"
            let isCode = !alone && !found.hasPrefix("&") && (found.hasPrefix("`") || found.contains { $0.isASCII && $0.isNumber })
            out += isCode ? open + found + close : found
            last = match.range.location + match.range.length
        }
        out += whole.substring(from: last)
        return out
    }

    // MARK: - No-break spaces

    private static let numberLabel = try! NSRegularExpression(pattern: "(?<![A-Za-z])((?:[Aa]rts?\\.)|[Nn]°) (?=[0-9IVXL])")

    /// Whether `text` holds "art", "Art" or "°": one pass over its bytes, since most lines hold
    /// none (Foundation's `contains` and the generic searches cost a report of 50,000 lines seconds).
    private static func mayHoldNumberLabel(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= 2 else { return false }
            for index in 0..<(bytes.count - 1) {
                switch bytes[index] {
                case UInt8(ascii: "a"), UInt8(ascii: "A"):
                    if index + 2 < bytes.count && bytes[index + 1] == UInt8(ascii: "r") && bytes[index + 2] == UInt8(ascii: "t") { return true }
                case 0xC2:
                    if bytes[index + 1] == 0xB0 { return true } // U+00B0 DEGREE SIGN
                default:
                    continue
                }
            }
            return false
        }
    }

    private static func tyingNumbers(in text: String) -> String {
        guard mayHoldNumberLabel(text) else { return text }
        return numberLabel.stringByReplacingMatches(in: text, range: NSRange(location: 0, length: (text as NSString).length),
                                                    withTemplate: "$1\u{00A0}")
    }
}
