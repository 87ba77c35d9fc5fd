import Foundation
import SalamaXML

/// Labels every data cell of a page's tables with its column's heading (`data-label`), so that
/// on a phone, where a table is laid out as one card per row, each value keeps its name
/// ("Gravité : majeur"). The first column names the row and stays unlabelled; cells spanning
/// rows (`rowspan`) are followed, so the rows under them label the right columns.
///
/// It reads the markup Salama writes: headings in `<thead>`, text escaped, no nested tables.
enum TableLabels {
    static func label(_ html: String, language: Language) -> String {
        let say = Localizer(language)
        var out = ""
        out.reserveCapacity(html.utf8.count + html.utf8.count / 8)
        var headers: [String] = []
        var heading: String?
        var inHead = false
        var column = 0
        var spanned: [Int] = []
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            let text = rest[..<open]
            out += text
            if heading != nil { heading! += text }
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let tag = rest[open...close]
            rest = rest[rest.index(after: close)...]
            let name = tagName(tag)
            switch name {
            case "table": headers = []; spanned = []
            case "thead": inHead = true
            case "/thead": inHead = false
            case "th" where inHead: heading = ""
            case "/th" where inHead: headers.append(heading?.trimmed ?? ""); heading = nil
            case "tr": column = 0
            case "/tr": spanned = spanned.map { max($0 - 1, 0) }
            case "td":
                while column < spanned.count && spanned[column] > 0 { column += 1 }
                if let rows = rowspan(tag), rows > 1 {
                    if spanned.count <= column { spanned += Array(repeating: 0, count: column + 1 - spanned.count) }
                    spanned[column] = rows
                }
                if column > 0, column < headers.count, !headers[column].isEmpty {
                    out += "<td data-label=\"\(say.lead(headers[column]))\"" + tag.dropFirst(3)
                    column += 1
                    continue
                }
                column += 1
            default: break
            }
            out += tag
        }
        out += rest
        return out
    }

    /// `td` for `<td class="x">`, `/tr` for `</tr>`.
    private static func tagName(_ tag: Substring) -> Substring {
        let body = tag.dropFirst()
        return body.prefix { $0 != " " && $0 != ">" && $0 != "\n" && $0 != "/" || $0 == "/" && body.first == "/" }
    }

    private static func rowspan(_ tag: Substring) -> Int? {
        guard let range = tag.range(of: "rowspan=\"") else { return nil }
        return Int(tag[range.upperBound...].prefix { $0.isNumber })
    }
}

private extension String {
    /// The heading's text without its markup (isolates, spans) and surrounding spaces.
    var trimmed: String {
        var text = ""
        var inTag = false
        for character in self {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { text.append(character) }
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
