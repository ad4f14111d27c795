import CordonCore

/// A report as one self-contained HTML file: inline style, no scripts, no network resources
/// (a Content-Security-Policy forbids them too), and every piece of text escaped, so a pasted
/// `<script>` shows as text.
public enum HTMLRenderer {
    public static func render(_ report: Report) -> String {
        var body = ""
        for section in report.sections {
            let appendix = section.isAppendix ? " class=\"appendix\"" : ""
            body += "<section id=\"\(escape(section.id))\"\(appendix)>\n<h2>\(escape(section.title))</h2>\n"
            for block in section.blocks { body += render(block) }
            body += "</section>\n"
        }
        return page(title: report.title, madeLine: report.madeLine, language: report.language, style: style, body: body)
    }

    /// One self-contained page around `body`: the head with its Content-Security-Policy (no
    /// scripts, no loads), the inline `style`, and the header with the title and `madeLine`.
    static func page(title: String, madeLine: String, language: Language, style: String, body: String) -> String {
        """
            <!DOCTYPE html>
            <html lang="\(language == .zh ? "zh-CN" : "en")">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title))</title>
            <style>\(style)</style>
            </head>
            <body>
            <header><h1>\(escape(title))</h1>
            <p class="meta">\(escape(madeLine))</p></header>

            """ + body + "</body>\n</html>\n"
    }

    static func render(_ block: ReportBlock) -> String {
        switch block {
        case .heading(let text):
            return "<h3>\(escape(text))</h3>\n"
        case .paragraph(let text):
            return "<p>\(escape(text))</p>\n"
        case .warning(let text):
            return "<p class=\"warning\">⚠ \(escape(text))</p>\n"
        case .verbatim(let text):
            return "<pre class=\"verbatim\">\(escapeKeepingLines(text))</pre>\n"
        case .list(let items):
            return "<ul>\n" + items.map { "<li>\(escape($0))</li>\n" }.joined() + "</ul>\n"
        case .facts(let facts):
            return "<dl>\n" + facts.map { fact in
                let value = fact.code ? "<code>\(escape(fact.value))</code>" : escape(fact.value)
                return "<dt>\(escape(fact.label))</dt><dd>\(value)</dd>\n"
            }.joined() + "</dl>\n"
        case .table(let table):
            guard !table.rows.isEmpty else { return "<p>—</p>\n" }
            var out = "<table>\n<thead><tr>" + table.headers.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for row in table.rows {
                out += "<tr>" + row.map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n"
            }
            return out + "</tbody>\n</table>\n"
        }
    }

    /// Like `escape`, line by line, so a letter keeps its line breaks inside `<pre>`.
    static func escapeKeepingLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }.joined(separator: "\n")
    }

    /// Text made safe for element content and attribute values alike.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.terminalSafe.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Screen and print alike; in print, A4 pages numbered "page / pages" at the foot, the
    /// appendices each from a new page, and no heading left alone at the bottom of a page.
    private static let style = """
        body{font-family:-apple-system,"Segoe UI","PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;\
        margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1b1b1b;line-height:1.5}\
        h1{font-size:1.5rem;border-bottom:2px solid #333;padding-bottom:.3rem}\
        h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}h3{font-size:1rem;margin-top:1.2rem}\
        .meta{color:#666;font-size:.9rem}.warning{background:#fff3cd;border-left:4px solid #b8860b;padding:.5rem .8rem}\
        #executive_summary p{font-size:1.05rem}\
        table{border-collapse:collapse;width:100%;font-size:.9rem;margin:.5rem 0}\
        th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top;word-break:break-word}\
        th{background:#f2f2f2}dl{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0}\
        code{font-family:ui-monospace,Menlo,Consolas,monospace;word-break:break-all}\
        pre.verbatim{font-family:inherit;white-space:pre-wrap;border:1px solid #ccc;background:#fafafa;padding:.6rem .8rem}\
        @page{size:A4;margin:18mm 16mm 20mm;@bottom-center{content:counter(page) " / " counter(pages);font-size:9pt;color:#555}}\
        @media print{body{margin:0;max-width:none;padding:0;font-size:10.5pt}h2,h3{break-after:avoid}\
        tr,dl{break-inside:avoid}thead{display:table-header-group}\
        section.appendix{break-before:page}th{background:#eee;-webkit-print-color-adjust:exact;print-color-adjust:exact}}
        """
}
