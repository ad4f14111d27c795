import CordonCore
import Mustache

/// A notice drafted from the playbook's template for one audience, filled with the incident's
/// facts. Nothing is left out: an unknown fact prints as a marker, and `pending` lists them.
public struct NoticeDraft: Sendable {
    public var audience: String
    public var language: Language
    public var title: String
    public var body: String
    /// Labels of everything the draft marks as still to be confirmed.
    public var unknown: [String]
    /// Those of them the investigation has yet to establish (not the sender's own details):
    /// what `{{pending}}` lists.
    public var pending: [String]

    /// Drafts the notice, or throws the `Refusal` when the playbook has no template for the
    /// audience, or a `ReportError` when the template cannot be read.
    public static func make(playbook: Playbook, state: IncidentState, audience: String, language: Language, now: Timestamp) throws -> NoticeDraft {
        guard let template = playbook.template(for: audience) else {
            let audiences = playbook.templates.map(\.audience)
            let known = audiences.joined(separator: ", ")
            let hint = NearestId.hint(audience, among: audiences)
            throw Refusal(
                "no-template",
                zh: "剧本中没有“\(audience)”的通报模板；\(hint.zh)可用：\(known)。可在本团队的剧本副本 templates: 下添加。",
                en: "The playbook has no notice template for '\(audience)'.\(hint.en) It has: \(known). Add one under templates: in your team's copy of the playbook.")
        }
        let content = NoticeContent.resolve(playbook: playbook, state: state, language: language, now: now)
        let used = Set(TemplateScan(template.body[language]).names + TemplateScan(template.title[language]).names)
        let marked = content.unknown.filter { used.contains($0.name) }
        let senderDetails = Set(NoticeVariables.all.filter(\.sender).map(\.name))
        let pending = marked.filter { !senderDetails.contains($0.name) }.map { $0.label[language] }
        var context: [String: Any] = [:]
        for element in content.elements { context[element.name] = content.text(element.name) }
        if !pending.isEmpty { context["pending"] = pending.joined(separator: language == .zh ? "、" : "; ") }
        return NoticeDraft(
            audience: audience, language: language,
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
