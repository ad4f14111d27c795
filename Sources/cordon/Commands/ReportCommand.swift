import ArgumentParser
import CordonCore
import CordonReport
import CordonStore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the after-action report as Markdown, HTML or JSON. 生成事件总结报告。",
        discussion: """
            Example: cordon report INC-20261129-001 --format html --redact --output 总结报告.html

            HTML is one self-contained file (no scripts, no network). --redact masks resident ID, \
            mobile and bank card numbers and e-mail addresses wherever they appear. Accountability is \
            left out unless --include-accountability is given. The report ends with the journal's \
            head hash; cordon verify prints the same while nothing has been added since. \
            --output writes the report whole or not at all: a full disk leaves the previous file \
            in place.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, html, json
    }

    @Argument(help: "Incident id.") var id: String
    @Option(help: "md | html | json") var format: Format = .md
    @Flag(help: "Mask ID, mobile and card numbers and e-mail addresses.") var redact = false
    @Flag(help: "Include accountability (追责) records.") var includeAccountability = false
    @Option(help: ArgumentHelp("Write the report to FILE, replacing it only once the whole report is on disk. 写入文件。", valueName: "file")) var output: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try CordonCLI.run(global) { context in
            let incident = try IncidentStore.parseId(id)
            let (session, seal) = try sealedSession(incident, context: context)
            // A drill is reported at drill time, which its session's clock gives.
            let now = session.stamp.clock.now()
            let input = ReportInput(
                playbook: session.playbook, state: session.state, events: session.events, seal: seal,
                now: now, language: context.language,
                includeAccountability: includeAccountability)
            var sections = AfterActionReport.standardSections
            if let scenario = try context.store.frozenScenario(of: session) {
                let evaluation = DrillEvaluation.make(scenario: scenario.scenario, playbook: session.playbook, state: session.state, now: now)
                sections = AfterActionReport.sections(inserting: [DrillSection(evaluation: evaluation)], after: "summary")
            }
            var report = AfterActionReport.make(input, sections: sections)
            if redact { report = report.redactedCopy() }
            let rendered = switch context.options.json ? .json : format {
            case .md: MarkdownRenderer.render(report)
            case .html: HTMLRenderer.render(report)
            case .json: JSONRenderer.render(report)
            }
            try context.emit(rendered, to: output)
        }
    }

    /// The incident read together with the verifier's head hash for exactly the lines read:
    /// if someone appends between the two reads, read again.
    private func sealedSession(_ incident: IncidentId, context: Context) throws -> (IncidentSession, JournalSeal) {
        let folder = context.home.folder(for: incident)
        for _ in 0..<5 {
            let session = try context.open(incident.description, keepEvents: true)
            let verified = try Verifier.verify(folder: folder)
            if verified.intactLines == session.state.lastSeq {
                return (session, JournalSeal(lines: verified.intactLines, headHash: verified.headHash, intact: verified.isIntact))
            }
        }
        throw StoreError("timeline-busy", zh: "时间线在生成报告期间不断有新记录写入；请稍后重试。", en: "The timeline kept changing while the report was made; try again in a moment.")
    }
}
