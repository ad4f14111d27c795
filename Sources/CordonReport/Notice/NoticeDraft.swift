import CordonCore
import Mustache

/// A notice drafted from the playbook's template for one audience, filled with the incident's
/// facts. Nothing is left out: an unknown fact prints as a marker, and `pending` lists them.
public struct NoticeDraft: Sendable {
    public var audience: String
    /// Which report it is, for an audience the playbook reports to in stages.
    public var stage: ReportStage?
    public var language: Language
    public var title: String
    public var body: String
    /// Labels of everything the draft marks as still to be confirmed.
    public var unknown: [String]
    /// Those of them the investigation has yet to establish (not the sender's own details):
    /// what `{{pending}}` lists.
    public var pending: [String]

    /// Drafts the notice, or throws the `Refusal` when the playbook has no template for the
    /// audience (at that stage), or a `ReportError` when the template cannot be read. For an
    /// audience reported to in stages, `stage` defaults to the one due next.
    public static func make(
        playbook: Playbook, state: IncidentState, audience: String, stage: ReportStage? = nil, language: Language, now: Timestamp,
        includeAccountability: Bool = false
    ) throws -> NoticeDraft {
        let stage = stage ?? ReportStage.next(for: audience, playbook: playbook, state: state)
        guard let template = playbook.template(for: audience, stage: stage) else {
            if let stage, playbook.template(for: audience) != nil {
                let staged = playbook.templates.filter { $0.audience == audience }.compactMap(\.stage?.rawValue)
                throw Refusal(
                    "no-stage-template",
                    zh: staged.isEmpty
                        ? "剧本中发给“\(audience)”的通报不分阶段；请去掉 --stage。"
                        : "剧本中没有“\(audience)”的\(stage.title.zh)模板；可用阶段：\(staged.joined(separator: ", "))。",
                    en: staged.isEmpty
                        ? "The playbook does not report to '\(audience)' in stages; leave out --stage."
                        : "The playbook has no \(stage.title.en) template for '\(audience)'; its stages: \(staged.joined(separator: ", ")).")
            }
            let audiences = playbook.templates.map(\.audience).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            let known = audiences.joined(separator: ", ")
            let hint = NearestId.hint(audience, among: audiences)
            throw Refusal(
                "no-template",
                zh: "剧本中没有“\(audience)”的通报模板；\(hint.zh)可用：\(known)。可在本团队的剧本副本 templates: 下添加。",
                en: "The playbook has no notice template for '\(audience)'.\(hint.en) It has: \(known). Add one under templates: in your team's copy of the playbook.")
        }
        let content = NoticeContent.resolve(
            playbook: playbook, state: state, language: language, now: now, audience: audience, stage: stage,
            includeAccountability: includeAccountability)
        let used = Set(TemplateScan(template.body[language]).names + TemplateScan(template.title[language]).names)
        let marked = content.unknown.filter { used.contains($0.name) }
        let senderDetails = Set(NoticeVariables.all.filter(\.sender).map(\.name))
        let pending = marked.filter { !senderDetails.contains($0.name) }.map { $0.label[language] }
        var context: [String: Any] = [:]
        for element in content.elements { context[element.name] = content.text(element.name) }
        if !pending.isEmpty { context["pending"] = pending.joined(separator: language == .zh ? "、" : "; ") }
        return NoticeDraft(
            audience: audience, stage: stage, language: language,
            title: try render(template.title[language], context, audience: audience, part: "title"),
            body: try render(template.body[language], context, audience: audience, part: "body"),
            unknown: marked.map { $0.label[language] }, pending: pending)
    }

    /// Plain text: the pragma turns off Mustache's HTML escaping, which would print `&amp;`
    /// into a letter.
    private static func render(_ source: String, _ context: [String: Any], audience: String, part: String) throws(ReportError) -> String {
        do {
            return try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + source).render(context)
        } catch {
            throw ReportError(
                "template-unreadable",
                zh: "剧本中“\(audience)”通报模板的 \(part) 无法解析（\(error)）；请用 cordon playbooks validate 检查本团队的剧本。",
                en: "The \(part) of the '\(audience)' notice template cannot be read (\(error)); check your team's playbook with cordon playbooks validate.")
        }
    }
}
