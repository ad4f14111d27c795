import ArgumentParser
import CordonCore
import CordonStore
import Foundation

struct StepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "step",
        abstract: HelpText.pick("开始、完成、跳过、标记受阻或重新打开一个步骤。", "Start, finish, skip, block or reopen a step."),
        discussion: "Example: cordon step INC-20261129-001 isolate-source done")

    @Argument(help: ArgumentHelp(HelpText.pick("事件编号，如 INC-20261129-001（大小写均可）。", "Incident id, e.g. INC-20261129-001 (any case)."))) var id: String
    @Argument(help: ArgumentHelp(HelpText.pick("步骤编号（见 cordon status ID）。", "Step id (see `cordon status ID`)."))) var step: String
    @Argument(help: ArgumentHelp(HelpText.pick("start 开始 | done 完成 | skip 跳过 | block 受阻 | reopen 重新打开", "start | done | skip | block | reopen"))) var action: StepAction
    @Option(help: ArgumentHelp(HelpText.pick("原因（跳过和受阻时必填）。", "Why (required for skip and block)."))) var reason: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try CordonCLI.run(global) { try $0.perform(.step(step, action, reason: reason), on: id) }
    }
}

extension StepAction: ExpressibleByArgument {}

struct Note: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: HelpText.pick("在时间线上添加备注；写 - 则从标准输入读取。", "Add a note to the timeline; `-` reads it from standard input."),
        discussion: """
            In a drill a note can answer an inject, or record a lesson learned or an improvement action for the evaluation; \
            put the option before the text.
            Examples: cordon note INC-20261129-001 已通知数据室供应商关闭下载 · cordon note DRL-20261129-001 --answers journalist 我们正在核实
            """)

    @Argument(help: ArgumentHelp(HelpText.pick("事件编号，如 INC-20261129-001（大小写均可）。", "Incident id, e.g. INC-20261129-001 (any case)."))) var id: String
    @Option(help: "In a drill: the inject this note answers.") var answers: String?
    @Flag(help: "In a drill: the note is a lesson learned.") var lesson = false
    @Flag(help: "In a drill: the note is an improvement action.") var improvement = false
    @Argument(parsing: .remaining, help: "The note (several words are joined with spaces).") var words: [String]
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard [answers != nil, lesson, improvement].filter({ $0 }).count <= 1 else {
            throw ValidationError("Use at most one of --answers, --lesson and --improvement.")
        }
    }

    func run() throws {
        try CordonCLI.run(global) { context in
            var text = words.joined(separator: " ")
            if text == "-" {
                text = try context.readStandardInput()
            }
            guard answers != nil || lesson || improvement else {
                try context.perform(.note(text), on: id)
                return
            }
            let session = try context.open(id)
            let written = try context.recording(on: session) {
                try session.record { state in
                    if let inject = answers { return DrillRules.answer(inject: inject, text: text, state: state, playbook: session.playbook) }
                    return DrillRules.debrief(lesson ? .lesson : .improvement, text: text, state: state, playbook: session.playbook)
                }
            }
            context.printRecorded(written, session: session)
        }
    }
}

struct Assign: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: HelpText.pick("指派角色给某人。", "Give a role to a person."),
        discussion: "Example: cordon assign INC-20261129-001 commander 王磊")

    @Argument(help: ArgumentHelp(HelpText.pick("事件编号，如 INC-20261129-001（大小写均可）。", "Incident id, e.g. INC-20261129-001 (any case)."))) var id: String
    @Argument(help: "Role id from the playbook.") var role: String
    @Argument(help: "Who takes the role.") var person: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try CordonCLI.run(global) { try $0.perform(.assign(role: role, person: person), on: id) }
    }
}

struct Classify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: HelpText.pick("事件定级；级别决定哪些时限适用，并完成剧本的定级步骤。", "Grade the incident; this decides which deadlines run and completes the playbook's grading step."),
        discussion: "Example: cordon classify INC-20261129-001 serious --reason \"涉及 3 万名客户\"")

    @Argument(help: ArgumentHelp(HelpText.pick("事件编号，如 INC-20261129-001（大小写均可）。", "Incident id, e.g. INC-20261129-001 (any case)."))) var id: String
    @Argument(help: "general 一般 | serious 较大 | major 重大 | critical 特别重大") var severity: String
    @Option(help: "Why.") var reason: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try CordonCLI.run(global) { context in
            guard let parsed = Severity(parsing: severity) else {
                throw Refusal("bad-severity", zh: "“\(severity)”不是事件级别；可用：general 一般、serious 较大、major 重大、critical 特别重大。", en: "'\(severity)' is not a severity; use general, serious, major or critical.")
            }
            try context.perform(.classify(parsed, reason: reason), on: id)
        }
    }
}

struct Advance: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: HelpText.pick("进入下一阶段（最后一个阶段之后关闭事件）。", "Move to the next phase (closes the incident after the last)."),
        discussion: "Refused while a required step of the current phase is open, unless --force --reason is given.")

    @Argument(help: ArgumentHelp(HelpText.pick("事件编号，如 INC-20261129-001（大小写均可）。", "Incident id, e.g. INC-20261129-001 (any case)."))) var id: String
    @Flag(help: "Advance even though required steps are open.") var force = false
    @Option(help: "Why (required with --force).") var reason: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try CordonCLI.run(global) { try $0.perform(.advance(force: force, reason: reason), on: id) }
    }
}

struct Notify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: HelpText.pick("记录通报已发出；相应的步骤和时限随之完成。", "Record that a notice went out; it completes the matching step and deadline."),
        discussion: "Example: cordon notify INC-20261129-001 regulator --channel 网信办报送系统 --reference 粤网信〔2026〕17号")

    @Argument(help: ArgumentHelp(HelpText.pick("事件编号，如 INC-20261129-001（大小写均可）。", "Incident id, e.g. INC-20261129-001 (any case)."))) var id: String
    @Argument(help: "Audience from the playbook: regulator, individuals, …") var audience: String
    @Option(help: "How it went out: email, phone, SMS, portal…") var channel: String
    @Option(help: "A receipt or reference number.") var reference: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try CordonCLI.run(global) { try $0.perform(.notify(audience: audience, channel: channel, reference: reference), on: id) }
    }
}
