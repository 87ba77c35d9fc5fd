import Foundation
import SalamaReports
import SalamaXML
import Testing

/// Text from files comes out literally: escaped in HTML and Markdown.
@Suite struct EscapingTests {
    static let hostileName = #"<script>alert("x")</script> & "Co" 'op'"#

    @Test func markupEscapesTextAndAttributes() {
        #expect(MarkupEscaping.escape(Self.hostileName) == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Co&quot; &#39;op&#39;")
        #expect(MarkupEscaping.escape("a\u{0}b\u{7F}c\u{FFFE}") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}")
        #expect(MarkupEscaping.escape("l1\nl2\r\tx") == "l1\nl2&#13;\tx")
        #expect(MarkupEscaping.escapeAttribute("l1\nl2\tx") == "l1&#10;l2&#9;x")
        #expect(MarkupEscaping.escape("تعاونية ONSSA") == "تعاونية ONSSA")
    }

    @Test func cssStringsCannotCloseTheStyleSheet() {
        #expect(MarkupEscaping.cssString(#"Page "x" \ </style>"#) == #"Page \22 x\22  \5c  \3c /style>"#)
        #expect(MarkupEscaping.cssString("صفحة") == "صفحة")
    }

    /// On a phone each table row is a card: every cell but the first carries its column's
    /// heading, and the rows under a cell spanning several rows label the right columns.
    @Test func tableCellsCarryTheirColumnHeading() {
        let table = """
        <table><thead><tr><th>Rubrique</th><th>Conformité</th><th><bdi>Constats</bdi> &amp; faits</th><th>Échéancier</th></tr></thead>
        <tbody><tr><td rowspan="2">1</td><td rowspan="2" class="no">Non</td><td>a</td><td>d1</td></tr>
        <tr><td>b</td><td>d2</td></tr></tbody>
        <tbody><tr><td>2</td><td>Oui</td><td>c</td><td>d3</td></tr></tbody></table>
        """
        let page = HTMLPage.document(language: .fr, title: "t", body: table)
        #expect(page.contains("""
        <tbody><tr><td rowspan="2">1</td><td data-label="Conformité :" rowspan="2" class="no">Non</td><td data-label="Constats &amp; faits :">a</td><td data-label="Échéancier :">d1</td></tr>
        <tr><td data-label="Constats &amp; faits :">b</td><td data-label="Échéancier :">d2</td></tr></tbody>
        <tbody><tr><td>2</td><td data-label="Conformité :">Oui</td><td data-label="Constats &amp; faits :">c</td><td data-label="Échéancier :">d3</td></tr></tbody></table>
        """))
        #expect(HTMLCheck.diagnostics(of: page) == [])
    }

    @Test func markdownEscapesSyntax() {
        #expect(MarkdownEscaping.escape("**x** | y") == #"\*\*x\*\* \| y"#)
        #expect(MarkdownEscaping.escape(Self.hostileName) == #"\<script\>alert("x")\</script\> \& "Co" 'op'"#)
        #expect(MarkdownEscaping.escape("[a](http://e) `c` # _u_ ~s~ \\") == ##"\[a\](http://e) \`c\` \# \_u\_ \~s\~ \\"##)
        #expect(MarkdownEscaping.escape("- item") == #"\- item"#)
        #expect(MarkdownEscaping.escape("12. item") == #"12\. item"#)
        #expect(MarkdownEscaping.escape("28.6%") == "28.6%")
        #expect(MarkdownEscaping.escape("line\none   two") == "line one two")
        #expect(MarkdownEscaping.code("a`b") == "``a`b``")
    }

    @Test("hostile text is escaped in HTML", arguments: Language.allCases)
    func hostileHTML(_ language: Language) throws {
        let html = try ReportFixture.report("hostile", format: .html, language: language)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>"))
        #expect(!html.contains("</td></tr></table> |"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Co&quot; &#39;op&#39;"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("R&amp;D &amp;amp; [link](http://example.com) `code` # _u_"))
        #expect(html.contains("a_b*c|d&lt;e&gt;&amp;f.pdf"))
        #expect(html.contains("تعاونية ONSSA 2026 &lt;b&gt;"))
        #expect(HTMLCheck.diagnostics(of: html) == [])
    }

    @Test("hostile text is escaped in Markdown", arguments: Language.allCases)
    func hostileMarkdown(_ language: Language) throws {
        var markdown = try ReportFixture.report("hostile", format: .markdown, language: language)
        // An Arabic report is wrapped to read right to left; inside, every `<` is escaped, but
        // for the line breaks the report writes in table cells.
        if language == .ar {
            let open = "<div dir=\"rtl\" lang=\"ar\">\n\n", close = "\n</div>\n"
            #expect(markdown.hasPrefix(open) && markdown.hasSuffix(close))
            markdown = String(markdown.dropFirst(open.count).dropLast(close.count))
        }
        let tags = markdown.components(separatedBy: "<").dropFirst()
        let before = markdown.components(separatedBy: "<").dropLast()
        for (tag, text) in zip(tags, before) where !text.hasSuffix("\\") {
            #expect(tag.hasPrefix("br>"), "unescaped <\(tag.prefix(20))")
        }
        #expect(markdown.contains(#"\<script\>alert("x")\</script\> \& "Co" 'op'"#))
        #expect(markdown.contains(#"\*\*x\*\* \| y"#))
        #expect(markdown.contains(##"R\&D \&amp; \[link\](http://example.com) \`code\` \# \_u\_"##))
        #expect(markdown.contains(#"a\_b\*c\|d\<e\>\&f.pdf"#))
        #expect(markdown.contains(#"\</td\>\</tr\>\</table\> \| \*\*bold\*\* \&copy; ملاحظة ONSSA"#))
        // Every table row keeps its number of cells: no pipe from the text splits one.
        for line in markdown.split(separator: "\n") where line.hasPrefix("| ") {
            let cells = line.replacingOccurrences(of: #"\|"#, with: "").filter { $0 == "|" }.count
            #expect([3, 6, 8].contains(cells), "\(line)")
        }
    }
}

/// Codes and references keep their order in right-to-left lines; articles keep their number.
@Suite struct TypesettingTests {
    static let (fsi, pdi) = ("\u{2068}", "\u{2069}")

    @Test func codesAreIsolatedInArabicText() {
        let line = "التوجيه 2001/110/CE والمعيار CXS 12-1981، art. 32؛ `HON-08` ONSSA 2026"
        let expected = "التوجيه \(Self.fsi)2001/110/CE\(Self.pdi) والمعيار \(Self.fsi)CXS 12-1981\(Self.pdi)، "
            + "\(Self.fsi)art.\u{00A0}32\(Self.pdi)؛ \(Self.fsi)`HON-08`\(Self.pdi) ONSSA 2026"
        #expect(Typesetting.text(line, language: .ar) == expected)
        // A left-to-right report isolates only the lines holding Arabic; articles are tied anyway.
        #expect(Typesetting.text("Directive 2001/110/CE, art. 5", language: .fr) == "Directive 2001/110/CE, art.\u{00A0}5")
        #expect(Typesetting.text("Note : التوجيه 2001/110/CE", language: .fr) == "Note : التوجيه \(Self.fsi)2001/110/CE\(Self.pdi)")
    }

    @Test func codesAreIsolatedInArabicHTML() {
        let body = "<p>التوجيه 2001/110/CE &amp; R&#39;1/2</p><bdi class=\"id\" dir=\"ltr\">FON-15</bdi><style>a-1/2 {}</style>"
        #expect(Typesetting.html(body, language: .ar)
            == "<p>التوجيه <bdi dir=\"ltr\">2001/110/CE</bdi> &amp; R&#39;<bdi dir=\"ltr\">1/2</bdi></p><bdi class=\"id\" dir=\"ltr\">FON-15</bdi><style>a-1/2 {}</style>")
    }

    @Test func arabicMarkdownReadsRightToLeft() {
        #expect(Typesetting.markdown("# تقرير\n", language: .ar) == "<div dir=\"rtl\" lang=\"ar\">\n\n# تقرير\n\n</div>\n")
        #expect(Typesetting.markdown("# Rapport\n", language: .fr) == "# Rapport\n")
    }
}
