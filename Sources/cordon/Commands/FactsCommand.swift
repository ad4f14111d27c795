import ArgumentParser
import CordonCore
import CordonReport
import CordonStore

struct FactsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facts",
        abstract: HelpText.pick("填写通报所述的事实，或查看通报现在会怎么写。", "Write the facts notices state, or show what they would say now."),
        discussion: """
            cordon facts ID [--cause TEXT] [--harm TEXT] [--measures TEXT] [--advice TEXT] [--contact TEXT] [--company NAME]
            cordon facts ID                    show each PIPL Art. 57 element, its value and where it comes from

            Without written facts, notices take the cause from the root-cause findings, the harm and \
            advice from the playbook's wording for each category in scope, the measures from the \
            remedial wording of steps done, and the contact from the playbook. What is still unknown \
            is marked in the notice, never left out.
            """)

    @Argument(help: ArgumentHelp(HelpText.pick("事件编号，如 INC-20261129-001（大小写均可）。", "Incident id, e.g. INC-20261129-001 (any case)."))) var id: String
    @Option(help: "The cause of the leak.") var cause: String?
    @Option(help: "The possible harm to the people affected.") var harm: String?
    @Option(help: "The remedial measures taken.") var measures: String?
    @Option(help: "What individuals can do to reduce harm.") var advice: String?
    @Option(help: "How people reach the company about this.") var contact: String?
    @Option(help: "The company's name as the notices give it (when the playbook leaves it blank).") var company: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try CordonCLI.run(global) { context in
            let facts = NoticeFacts(cause: cause, harm: harm, measures: measures, advice: advice, contact: contact, company: company)
            let session = facts.isEmpty ? try context.open(id) : try context.perform(.record(.setNoticeFacts(facts)), on: id)
            guard facts.isEmpty else { return }
            let content = NoticeContent.resolve(playbook: session.playbook, state: session.state, language: context.language, now: context.now)
            let shown = content.elements.filter { NoticeVariables.article57.contains($0.name) || $0.name == "company" }
            if context.options.json {
                context.printJSON(.object(JSONObject(shown.map { element in
                    (key: element.name, value: .object(["value": element.value.map { .string($0) } ?? .null, "source": .string(element.source.rawValue)]))
                })))
                return
            }
            for element in shown {
                let source = Self.sourceTitle(element.source)[context.language]
                print("\(element.label[context.language])  [\(source)]")
                print("    " + content.text(element.name).terminalSafe)
            }
        }
    }

    static func sourceTitle(_ source: NoticeContent.Source) -> LocalizedText {
        switch source {
        case .incident: LocalizedText(zh: "事件", en: "incident")
        case .scope: LocalizedText(zh: "范围评估", en: "scope")
        case .facts: LocalizedText(zh: "已写明的通报要素", en: "written facts")
        case .findings: LocalizedText(zh: "调查结论", en: "findings")
        case .playbook: LocalizedText(zh: "剧本默认", en: "playbook default")
        case .steps: LocalizedText(zh: "已完成步骤", en: "steps done")
        case .unknown: LocalizedText(zh: "未知，将标记待补充", en: "unknown: marked in the notice")
        }
    }
}
