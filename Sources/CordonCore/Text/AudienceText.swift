/// Who a notice goes to, as a person reads it. Audiences are playbook ids (`regulator`,
/// `individuals`, …); the common ones have names, any other shows as written.
public enum AudienceText {
    public static func title(_ audience: String) -> LocalizedText {
        switch audience {
        case "regulator": LocalizedText(zh: "网信部门", en: "the cyberspace regulator")
        case "nfra": LocalizedText(zh: "金融监管部门", en: "the financial regulator")
        case "individuals": LocalizedText(zh: "受影响的个人", en: "the people affected")
        case "police": LocalizedText(zh: "公安机关", en: "the police")
        case "buyer": LocalizedText(zh: "收购方", en: "the buyer")
        case "bidder": LocalizedText(zh: "投标方", en: "the bidder")
        case "vendor": LocalizedText(zh: "外包机构", en: "the vendor")
        case "competitor": LocalizedText(zh: "新雇主", en: "the new employer")
        case Sitrep.audience: LocalizedText(zh: "管理层（态势报告）", en: "management (sitrep)")
        default: LocalizedText(audience)
        }
    }
}
