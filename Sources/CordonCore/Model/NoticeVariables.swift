/// The variables a notice template can use. `CordonReport` fills every one of them, with a
/// visible "to be confirmed" marker where the fact is not yet known.
public enum NoticeVariables {
    public struct Variable: Sendable, Hashable {
        public var name: String
        public var meaning: LocalizedText
        /// One of the contents PIPL Art. 57 requires in a notice.
        public var article57: Bool
        /// The sender's own details (company, contact): marked when missing, but not something
        /// the investigation is still establishing.
        public var sender: Bool
    }

    public static let all: [Variable] = [
        text("id", zh: "事件编号", en: "incident id"),
        text("title", zh: "事件标题", en: "incident title"),
        text("company", zh: "公司名称", en: "company name", sender: true),
        text("detected_at", zh: "发现时间", en: "when the leak was detected"),
        text("declared_at", zh: "宣布时间", en: "when the incident was declared"),
        text("drafted_at", zh: "起草时间", en: "when this draft was made"),
        text("drafted_on", zh: "起草日期（如 2026年11月29日，供致客户的信落款）", en: "the day of this draft (29 November 2026), for signing a letter to customers"),
        text("severity", zh: "事件级别", en: "severity"),
        text("categories", zh: "涉及的个人信息种类", en: "categories of personal information", article57: true),
        text("sensitive_categories", zh: "其中的敏感个人信息", en: "the sensitive categories among them"),
        text("people", zh: "涉及人数", en: "number of people"),
        text("records", zh: "涉及记录数", en: "number of records"),
        text("confidence", zh: "范围估计的把握", en: "confidence of the scope estimate"),
        text("cause", zh: "原因", en: "cause", article57: true),
        text("harm", zh: "可能造成的危害", en: "possible harm", article57: true),
        text("measures", zh: "已采取的补救措施", en: "remedial measures taken", article57: true),
        text("advice", zh: "个人可以采取的减轻危害的措施", en: "what individuals can do to reduce harm", article57: true),
        text("contact", zh: "联系方式", en: "contact", article57: true, sender: true),
        text("system", zh: "受影响的设施、系统或平台", en: "the facility, system or platform affected"),
        text("incident_type", zh: "事件类型", en: "type of incident"),
        text("occurred_at", zh: "事件发生时间（调查查明的最早行为时间）", en: "when the incident happened (the earliest act the investigation established)"),
        text("individual_measures", zh: "个人可以采取的减轻危害的措施，以第三人称叙述（供向监管部门的报告）", en: "what individuals can do to reduce harm, said of them (for reports to authorities)", article57: true),
        text("stage", zh: "报告阶段（初次报告、续报、总结报告）", en: "the stage of the report (initial, follow-up, summary)"),
        text("last_report_at", zh: "上一次报告发出的时间", en: "when the last report went out"),
        text("changes", zh: "自上一次报告发出以来的变化", en: "what changed since the last report went out"),
        text("handling", zh: "处置经过", en: "how the incident was handled"),
        text("responsibility", zh: "责任处理（仅在 --include-accountability 时写入）", en: "responsibility and measures taken (only with --include-accountability)"),
        text("rectification", zh: "整改措施", en: "rectification"),
        text("lessons", zh: "经验教训", en: "lessons learned"),
        text("pending", zh: "调查尚未查明的事项；全部查明时为空，可用 {{#pending}}…{{/pending}} 只在有待查明事项时显示一段", en: "what the investigation has not yet established; empty once all is known, so {{#pending}}…{{/pending}} shows a paragraph only while something is"),
    ]

    public static var names: Set<String> { Set(all.map(\.name)) }

    /// The names PIPL Art. 57 requires every notice to contain (`individual_measures` stands in
    /// for `advice` in a report to an authority).
    public static var article57: [String] { all.filter { $0.article57 && $0.name != "individual_measures" }.map(\.name) }

    private static func text(_ name: String, zh: String, en: String, article57: Bool = false, sender: Bool = false) -> Variable {
        Variable(name: name, meaning: LocalizedText(zh: zh, en: en), article57: article57, sender: sender)
    }
}
