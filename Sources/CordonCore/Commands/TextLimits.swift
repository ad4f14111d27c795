/// How long, and made of what, the text people type may be: one place that the rules, the
/// console's forms and the command line all refuse by, so that none of them accepts what another
/// would refuse. Lengths are in characters (grapheme clusters), as a person counts them.
///
/// | what | longest | control characters |
/// | --- | --- | --- |
/// | a title (an incident, an improvement action) | 200 | refused |
/// | a name (`--actor`, a role holder, a custodian, an owner, a person held accountable) | 64 | refused |
/// | free text (a note, a reason, a finding, a notice fact, …) | 20,000 | shown as `�`, kept |
public enum TextLimits {
    public static let title = 200
    public static let name = 64
    public static let text = 20_000

    /// The most bytes of standard input read for one free text: every character of the longest
    /// text at the four bytes UTF-8 can take. A command reads one byte more than this, and
    /// refuses when it gets it, so that endless input (`yes | cordon note ID -`) costs no more.
    public static let standardInputBytes = text * 4

    /// A title, trimmed, or `nil` when it is empty; refused when it is too long or holds a
    /// control character (a newline or an escape has no place on one line of a list).
    public static func title(_ text: String?) throws(Refusal) -> String? {
        guard let title = IncidentRules.clean(text) else { return nil }
        if title.count > Self.title {
            throw Refusal(
                "title-too-long",
                zh: "标题有 \(NumberText.grouped(title.count)) 字，超过 \(Self.title) 字的上限，未记录；请缩短标题，细节写在备注中。",
                en: "The title is \(NumberText.grouped(title.count)) characters, over the limit of \(Self.title); nothing was recorded. Shorten it and put the details in a note.")
        }
        if let position = firstControlCharacter(in: title) {
            throw Refusal(
                "title-control-character",
                zh: "标题第 \(position) 个字符是控制字符（如换行或 ESC），未记录；标题只能是一行文字。",
                en: "Character \(position) of the title is a control character (such as a newline or ESC); nothing was recorded. A title is one line of text.")
        }
        return title
    }

    /// A person's name, trimmed, or `nil` when it is empty; refused when it is too long or holds
    /// a control character. `field` says which name, as in mid-sentence: `负责人姓名` /
    /// `the owner's name`.
    public static func name(_ text: String?, field: LocalizedText) throws(Refusal) -> String? {
        guard let name = IncidentRules.clean(text) else { return nil }
        let fieldEn = field.en.prefix(1).uppercased() + field.en.dropFirst()
        if name.count > Self.name {
            throw Refusal(
                "name-too-long",
                zh: "\(field.zh)有 \(NumberText.grouped(name.count)) 字，超过 \(Self.name) 字的上限，未记录；请只写姓名或登录名。",
                en: "\(fieldEn) is \(NumberText.grouped(name.count)) characters, over the limit of \(Self.name); nothing was recorded. Give just the name or login.")
        }
        if let position = firstControlCharacter(in: name) {
            throw Refusal(
                "name-control-character",
                zh: "\(field.zh)第 \(position) 个字符是控制字符（如换行或 ESC），未记录；姓名只能是一行文字。",
                en: "Character \(position) of \(field.en) is a control character (such as a newline or ESC); nothing was recorded. A name is one line of text.")
        }
        return name
    }

    /// Free text over the limit, refused; `nil` when it fits (or there is none).
    public static func refuseIfTooLong(_ text: String?) -> Refusal? {
        guard let text, text.count > Self.text else { return nil }
        return Refusal(
            "text-too-long",
            zh: "文字超过 \(NumberText.grouped(Self.text)) 字，未记录；请缩短或分多条记录。",
            en: "The text is over \(NumberText.grouped(Self.text)) characters and was not recorded; shorten it or split it.")
    }

    /// The one-based position, in characters, of the first control character.
    private static func firstControlCharacter(in text: String) -> Int? {
        text.firstIndex { $0.unicodeScalars.contains(where: \.isControlCharacter) }.map { text.distance(from: text.startIndex, to: $0) + 1 }
    }
}
