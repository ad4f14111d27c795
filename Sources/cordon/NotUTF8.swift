import CordonCore

extension Refusal {
    /// Text that is not UTF-8, refused rather than garbled: a note is evidence, and replacing
    /// bytes would lose what was typed for good. `what` names it: `标准输入` / `Standard input`.
    static func notUTF8(_ what: LocalizedText) -> Refusal {
        Refusal(
            "not-utf8",
            zh: "\(what.zh)不是 UTF-8 文本，未记录。如为 GBK 编码，请先转换：iconv -f GBK -t UTF-8。",
            en: "\(what.en) is not UTF-8 text; nothing was recorded. If it is GBK, convert it first: iconv -f GBK -t UTF-8")
    }
}
