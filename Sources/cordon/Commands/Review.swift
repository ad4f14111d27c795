import ArgumentParser
import CordonCore
import CordonReport
import CordonStore

struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: HelpText.pick("年度回顾：事件与演练的时间、时限、演练得分、覆盖情况和改进措施。", "The year in review across incidents and drills: times, deadlines, drill scores, coverage, actions."),
        discussion: """
            Example: cordon review --since 2026-01-01 --until 2026-12-31 --format html --redact --output 年度回顾.html

            Covers the incidents and drills declared between the two days, both included (default: the \
            365 days up to today). Markdown for a terminal, one self-contained HTML file with charts \
            (no scripts, no network), or JSON with a section each for incidents, drills, coverage, \
            actions and the drill plan. Coverage lists the steps and deadlines of each playbook that no \
            drill in the period exercised: a step by being done, a deadline by its clock starting.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, html, json
    }

    @Option(help: "First day, as 2026-01-01 (default: 364 days before --until).") var since: String?
    @Option(help: "Last day, as 2026-12-31 (default: today).") var until: String?
    @Option(help: "md | html | json") var format: Format = .md
    @Flag(help: "Mask ID, mobile and card numbers and e-mail addresses.") var redact = false
    @Option(help: ArgumentHelp("Write the review to FILE, replacing it only once the whole review is on disk. 写入文件。", valueName: "file")) var output: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try CordonCLI.run(global) { context in
            let now = context.now
            let period = try Self.period(since: since, until: until, today: DueDate.today(now))
            let sources = context.store.reviewSources(catalog: context.catalog)
            for problem in sources.problems { context.warn(problem[context.language]) }
            let review = sources.review(period: period, now: now)
            let rendered: String
            switch context.options.json ? .json : format {
            case .md:
                let report = ReviewReport.make(review, language: context.language)
                rendered = MarkdownRenderer.render(redact ? report.redactedCopy() : report)
            case .html: rendered = ReviewHTML.render(review, language: context.language, redact: redact)
            case .json: rendered = ReviewJSON.render(review, redact: redact)
            }
            try context.emit(rendered, to: output)
        }
    }

    /// The days asked for, refused with the way to write them when they are not days or are
    /// the wrong way round.
    static func period(since: String?, until: String?, today: DueDate) throws -> ReviewPeriod {
        func day(_ text: String, _ option: String) throws -> DueDate {
            guard let day = DueDate(iso: text.trimmingCharacters(in: .whitespaces)) else {
                throw Refusal("bad-date", zh: "\(option) 的“\(text)”不是日期；请写作 2026-01-31。", en: "\(option) '\(text)' is not a date; write it like 2026-01-31.")
            }
            return day
        }
        let last = try until.map { try day($0, "--until") } ?? today
        let first = try since.map { try day($0, "--since") } ?? last.adding(days: -364)
        guard first <= last else {
            throw Refusal("bad-period", zh: "--since \(first) 晚于 --until \(last)；请把两个日期对调。", en: "--since \(first) is after --until \(last); swap the two days.")
        }
        return ReviewPeriod(since: first, until: last)
    }
}

struct Drills: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drills",
        abstract: HelpText.pick("演练计划。", "The drill programme."),
        subcommands: [Plan.self])

    struct Plan: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: HelpText.pick("显示每项计划演练：已完成（由哪次演练完成及得分）、待进行或已逾期。", "Show each planned drill as done (by which drill, with its score), due or overdue."),
            discussion: """
                The plan is playbooks/drills/plan.yaml; a team's own under <home>/playbooks/drills/ comes first. Each entry:
                  plan:
                    - scenario: credential-stuffing
                      due: 2026-03-31
                      with: [commander, legal]
                A drill counts, once it has ended, for the earliest planned run of its scenario that it can and that falls due
                within a year of it.
                """)

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try CordonCLI.run(global) { context in
                let catalog = context.catalog
                let programme: DrillProgramme
                switch catalog.drillProgramme() {
                case nil:
                    throw StoreError("no-plan",
                        zh: "没有演练计划。请在 \(context.home.playbooks)/drills/plan.yaml 中列出计划的演练（plan: 下每项写 scenario: 和 due:）。",
                        en: "There is no drill plan. List the planned drills in \(context.home.playbooks)/drills/plan.yaml (each entry under plan: with scenario: and due:).")
                case .failure(let error): throw error
                case .success(let loaded): programme = loaded
                }
                let drills = context.store.list(kind: .drill).compactMap(\.state)
                let progress = programme.progress(drills: drills, today: DueDate.today(context.now))
                if context.options.json {
                    context.printJSON(.array(progress.map(ReviewJSON.plan)))
                    return
                }
                for row in progress {
                    let mark = row.isDone ? "✓" : row.isOverdue ? "!" : "·"
                    let with = row.entry.with.isEmpty ? "" : "  " + context.text("参与：", "with ") + row.entry.with.joined(separator: ", ")
                    print("\(mark) \(row.entry.due)  \(row.entry.scenario)  \(row.statusText(context.language))\(with)".terminalSafe)
                }
            }
        }
    }
}
