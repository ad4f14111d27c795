import ArgumentParser
import CordonCore
import CordonReport
import CordonStore

struct ScopeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scope",
        abstract: HelpText.pick("记录或查看影响范围：信息类别、记录数、人数、把握程度。", "Record or show what leaked: categories, records, people, confidence."),
        discussion: """
            cordon scope ID --category id-number --category phone --records 48000 --people 31000 --confidence medium [--basis TEXT]
            cordon scope ID                     show the current estimate and the severity the playbook suggests

            What is not given keeps its last value; --category replaces the list (several may be given, \
            or one comma-separated list). The suggested severity is advice: grade with cordon classify.

            未给出的项沿用上次评估；建议级别仅供参考，定级请用 cordon classify。
            Categories 类别: \(DataCategory.catalogue)
            """)

    @Argument(help: ArgumentHelp(HelpText.pick("事件编号，如 INC-20261129-001（大小写均可）。", "Incident id, e.g. INC-20261129-001 (any case)."))) var id: String
    @Option(name: .customLong("category"), help: "A category of personal information (id or Chinese name); repeat or separate with commas.")
    var categories: [String] = []
    @Option(help: "Number of records affected (best estimate): 48000, 48,000 or 4.8万.") var records: Count?
    @Option(help: "Number of people affected (best estimate): 31000, 31,000 or 3.1万.") var people: Count?
    @Option(help: "low | medium | high") var confidence: String?
    @Option(help: "How the numbers were reached (this assessment only).") var basis: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try CordonCLI.run(global) { context in
            let isQuery = categories.isEmpty && records == nil && people == nil && confidence == nil && basis == nil
            let session: IncidentSession
            if isQuery {
                session = try context.open(id)
            } else {
                session = try context.perform(.record(.assessScope(try input())), on: id)
            }
            show(session, context: context, asQuery: isQuery)
        }
    }

    private func input() throws -> ScopeInput {
        var parsed: [DataCategory]?
        if !categories.isEmpty {
            parsed = try categories.flatMap { $0.split(whereSeparator: { ",，、".contains($0) }) }.map { text in
                guard let category = DataCategory(parsing: String(text)) else {
                    throw Refusal("unknown-category", zh: "不认识的信息类别“\(text)”；可用：\(DataCategory.catalogue)。", en: "'\(text)' is not a known category; use one of: \(DataCategory.catalogue)")
                }
                return category
            }
        }
        var level: Confidence?
        if let confidence {
            guard let parsed = Confidence(parsing: confidence) else {
                throw Refusal("bad-confidence", zh: "把握程度请写 low、medium 或 high（低、中、高）。", en: "Write the confidence as low, medium or high.")
            }
            level = parsed
        }
        return ScopeInput(categories: parsed, records: records?.value, people: people?.value, confidence: level, basis: basis)
    }

    private func show(_ session: IncidentSession, context: Context, asQuery: Bool) {
        let state = session.state
        let suggestion = SeverityGrading.suggest(playbook: session.playbook, scope: state.scope)
        if context.options.json {
            if asQuery {
                context.printJSON(.object([
                    "id": .string(state.id), "scope": state.scope.map(RecordJSON.scope) ?? .null,
                    "suggested": RecordJSON.suggestion(suggestion),
                    "severity": state.severity.map { .string($0.rawValue) } ?? .null,
                ]))
            }
            return
        }
        let language = context.language
        guard let scope = state.scope else {
            print(context.text("（尚无范围评估；例如：cordon scope \(state.id) --category 身份证号 --people 30000 --confidence low）", "(no scope assessed yet; e.g. cordon scope \(state.id) --category id-number --people 30000 --confidence low)"))
            return
        }
        if asQuery {
            let line = ScopeText.line(scope, language: language)
            print(context.text("当前范围：", "Scope: ") + line.terminalSafe)
            if let basis = scope.basis { print(context.text("依据：", "Basis: ") + basis.terminalSafe) }
        }
        guard let suggestion else { return }
        var line = context.text("剧本分级建议：", "The playbook's grading suggests: ") + suggestion.severity.title[language]
        if let rule = suggestion.rule {
            line += " — \(rule.conditions(language)) — \(rule.cite)" + (rule.verify ? context.text("（门槛待法务确认）", " (threshold: check with legal)") : "")
        }
        print(line)
        if !suggestion.undecided.isEmpty {
            let rules = suggestion.undecided.map { "\($0.severity.title[language]) (\($0.conditions(language)))" }
            print(context.text("数据不全、尚无法判断：", "Cannot be judged yet, facts missing: ") + rules.joined(separator: "; "))
        }
        if let graded = state.severity, graded >= suggestion.severity {
            // Thresholds say "at least": a higher grade already meets them, and is not undone here.
            if graded > suggestion.severity {
                print(context.text("当前级别：\(graded.title[language])，已不低于建议。", "Current severity: \(graded.title[language]), already at or above the suggestion."))
            }
        } else {
            let current = state.severity?.title[language] ?? context.text("未定级", "ungraded")
            print(context.text(
                "当前级别：\(current)。定级由您决定：cordon classify \(state.id) \(suggestion.severity.rawValue) --reason \"…\"",
                "Current severity: \(current). Grading is your decision: cordon classify \(state.id) \(suggestion.severity.rawValue) --reason \"…\""))
        }
    }
}

/// A count as `Spelling.count` reads it, the same spellings the console's scope form takes.
struct Count: ExpressibleByArgument {
    var value: Int

    init?(argument: String) {
        guard let value = Spelling.count(argument) else { return nil }
        self.value = value
    }
}
