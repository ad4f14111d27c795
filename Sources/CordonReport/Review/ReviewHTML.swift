import CordonCore

/// The year in review as one self-contained HTML file for management: the review's sections,
/// with three charts drawn as inline SVG (each scenario's scores over time, each incident's time
/// to contain, improvement actions by state). No scripts and no external loads: the same
/// Content-Security-Policy as the after-action report.
public enum ReviewHTML {
    /// `redact` masks ID, mobile and card numbers and e-mail addresses in the text and the charts.
    public static func render(_ review: YearReview, language: Language, redact: Bool = false) -> String {
        var report = ReviewReport.make(review, language: language)
        if redact { report = report.redactedCopy() }
        let w = ReviewWords(language: language)
        let mask: (String) -> String = { redact ? Redactor.redact($0) : $0 }
        let charts: [String: String] = [
            "drills": ReviewCharts.scores(review.drills, w),
            "incidents": ReviewCharts.containment(review.incidents, w, mask: mask),
            "actions": ReviewCharts.actions(review.actions, w),
        ]
        var body = ""
        for section in report.sections {
            body += "<section id=\"\(HTMLRenderer.escape(section.id))\">\n<h2>\(HTMLRenderer.escape(section.title))</h2>\n"
            if let chart = charts[section.id] { body += "<figure>" + chart + "</figure>\n" }
            for block in section.blocks { body += HTMLRenderer.render(block) }
            body += "</section>\n"
        }
        return HTMLRenderer.page(title: report.title, madeLine: report.madeLine, language: language, style: style, body: body)
    }

    private static let style = """
        body{font-family:-apple-system,"Segoe UI","PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;\
        margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1b1b1b;line-height:1.5}\
        h1{font-size:1.5rem;border-bottom:2px solid #333;padding-bottom:.3rem}\
        h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}h3{font-size:1rem;margin-top:1.2rem}\
        .meta{color:#666;font-size:.9rem}.warning{background:#fff3cd;border-left:4px solid #b8860b;padding:.5rem .8rem}\
        table{border-collapse:collapse;width:100%;font-size:.9rem;margin:.5rem 0}\
        th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top;word-break:break-word}\
        th{background:#f2f2f2}dl{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0}\
        figure{margin:1rem 0}svg{max-width:100%;height:auto;font-size:12px}svg text{fill:#333}\
        @media print{body{margin:0;max-width:none}h2{break-after:avoid}tr,figure{break-inside:avoid}}
        """
}

/// The review's charts, each an `<svg>` with a `<title>` a screen reader reads.
enum ReviewCharts {
    /// Scenario lines; none is the red, amber or green that actions use.
    static let palette = ["#1f77b4", "#9467bd", "#17becf", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22"]

    static func escape(_ text: String) -> String { HTMLRenderer.escape(text) }

    static func open(_ id: String, width: Int, height: Int, title: String) -> String {
        "<svg id=\"\(id)\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">"
            + "<title>\(escape(title))</title><rect x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" fill=\"#fafafa\" stroke=\"#ddd\"/>"
    }

    static func empty(_ id: String, title: String, message: String) -> String {
        open(id, width: 640, height: 60, title: title) + "<text x=\"16\" y=\"36\">\(escape(message))</text></svg>"
    }

    /// One line per scenario across the drills in the order they ran, 0–100 % on the left.
    static func scores(_ drills: DrillReview, _ w: ReviewWords) -> String {
        let title = w.t("各场景得分走势", "Scores over time, per scenario")
        guard !drills.runs.isEmpty else { return empty("chart-scores", title: title, message: w.t("期间内没有演练。", "No drill in the period.")) }
        let (width, left, top, plot) = (640, 48, 16, 200)
        let legendRows = drills.trends.count
        let height = top + plot + 40 + legendRows * 18
        let order = drills.runs.sorted { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }.map(\.id)
        let step = order.count > 1 ? Double(width - left - 24) / Double(order.count - 1) : 0
        func x(_ id: String) -> Int { left + Int(Double(order.firstIndex(of: id) ?? 0) * step) + (order.count > 1 ? 0 : (width - left) / 2) }
        func y(_ percent: Int) -> Int { top + plot - plot * percent / 100 }
        var svg = open("chart-scores", width: width, height: height, title: title)
        for tick in stride(from: 0, through: 100, by: 25) {
            svg += "<line x1=\"\(left)\" y1=\"\(y(tick))\" x2=\"\(width - 16)\" y2=\"\(y(tick))\" stroke=\"#e3e3e3\"/>"
            svg += "<text x=\"\(left - 6)\" y=\"\(y(tick) + 4)\" text-anchor=\"end\">\(tick)%</text>"
        }
        for (index, trend) in drills.trends.enumerated() {
            let colour = palette[index % palette.count]
            let points = trend.runs.map { "\(x($0.id)),\(y($0.percent))" }.joined(separator: " ")
            svg += "<polyline class=\"score-line\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2.5\" points=\"\(points)\"/>"
            for run in trend.runs {
                svg += "<circle cx=\"\(x(run.id))\" cy=\"\(y(run.percent))\" r=\"4.5\" fill=\"\(colour)\"><title>\(escape("\(run.id) \(run.percent)%"))</title></circle>"
            }
            let legend = top + plot + 36 + index * 18
            svg += "<rect x=\"\(left)\" y=\"\(legend - 10)\" width=\"12\" height=\"12\" fill=\"\(colour)\"/>"
            svg += "<text x=\"\(left + 18)\" y=\"\(legend)\">\(escape(trend.title[w.language] + " (" + trend.scenario + ")"))</text>"
        }
        if let first = order.first, let last = order.last {
            let day = { (id: String) in drills.runs.first { $0.id == id }.map { w.day($0.startedAt) } ?? "" }
            svg += "<text x=\"\(left)\" y=\"\(top + plot + 16)\">\(escape(day(first)))</text>"
            if order.count > 1 { svg += "<text x=\"\(width - 16)\" y=\"\(top + plot + 16)\" text-anchor=\"end\">\(escape(day(last)))</text>" }
        }
        return svg + "</svg>"
    }

    /// A bar per incident, from detection to the end of containment, orange where the incident
    /// missed a deadline, with the median marked.
    static func containment(_ incidents: IncidentReview, _ w: ReviewWords, mask: (String) -> String) -> String {
        let title = w.t("各事件遏制用时（自发现起）", "Time to contain each incident (from detection)")
        let rows = incidents.rows.compactMap { row in row.spans[.contained].map { (row, $0) } }
        guard let longest = rows.map(\.1).max() else {
            return empty("chart-containment", title: title, message: w.t("期间内没有事件结束遏制阶段。", "No incident left containment in the period."))
        }
        let (width, left, bar) = (640, 150, 22)
        let height = 24 + rows.count * (bar + 8) + 24
        let scale = Double(width - left - 110) / Double(max(longest, 1))
        var svg = open("chart-containment", width: width, height: height, title: title)
        for (index, (row, seconds)) in rows.enumerated() {
            let y = 16 + index * (bar + 8)
            let length = max(2, Int(Double(seconds) * scale))
            let colour = row.deadlinesMissed.isEmpty ? "#4c78a8" : "#f58518"
            svg += "<text x=\"8\" y=\"\(y + 15)\">\(escape(row.id))</text>"
            svg += "<rect class=\"contain-bar\" x=\"\(left)\" y=\"\(y)\" width=\"\(length)\" height=\"\(bar)\" fill=\"\(colour)\"><title>\(escape(mask(row.title)))</title></rect>"
            svg += "<text x=\"\(left + length + 6)\" y=\"\(y + 15)\">\(escape(w.span(seconds)))</text>"
        }
        if let median = incidents.spreads[.contained]?.median {
            let x = left + Int(Double(median) * scale)
            svg += "<line x1=\"\(x)\" y1=\"8\" x2=\"\(x)\" y2=\"\(height - 20)\" stroke=\"#333\" stroke-dasharray=\"4 3\"/>"
            svg += "<text x=\"\(x + 4)\" y=\"\(height - 6)\">\(escape(w.t("中位数 ", "median ") + w.span(median)))</text>"
        }
        return svg + "</svg>"
    }

    /// A bar per state: overdue, open, done, dropped.
    static func actions(_ actions: ActionReview, _ w: ReviewWords) -> String {
        let title = w.t("改进措施状态", "Improvement actions by state")
        let states: [(ActionReview.Standing, String)] = [(.overdue, "#d62728"), (.open, "#ff9f1c"), (.done, "#2ca02c"), (.dropped, "#999999")]
        let counts = states.map { actions.count($0.0) }
        guard let most = counts.max(), most > 0 else {
            return empty("chart-actions", title: title, message: w.t("期间内没有改进措施。", "No improvement action in the period."))
        }
        let (width, left, bar) = (640, 110, 26)
        let height = 16 + states.count * (bar + 10) + 8
        let scale = Double(width - left - 60) / Double(most)
        var svg = open("chart-actions", width: width, height: height, title: title)
        for (index, (state, colour)) in states.enumerated() {
            let y = 12 + index * (bar + 10)
            let length = counts[index] == 0 ? 0 : max(2, Int(Double(counts[index]) * scale))
            svg += "<text x=\"8\" y=\"\(y + 18)\">\(escape(state.title[w.language]))</text>"
            svg += "<rect class=\"action-bar\" x=\"\(left)\" y=\"\(y)\" width=\"\(length)\" height=\"\(bar)\" fill=\"\(colour)\"/>"
            svg += "<text x=\"\(left + length + 6)\" y=\"\(y + 18)\">\(counts[index])</text>"
        }
        return svg + "</svg>"
    }
}
