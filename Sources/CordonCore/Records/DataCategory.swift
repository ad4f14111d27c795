import Foundation

/// A category of personal information a leak can involve: `id-number` 身份证号, `phone` 手机号, …
///
/// The list is fixed in code, not in playbooks, because whether a category is sensitive is a
/// question of law (PIPL Art. 28 and the examples of GB/T 35273—2020 Appendix B), and grading
/// rules depend on it. Playbooks attach their own notice wording (harm, advice) to these ids.
public struct DataCategory: Sendable, Hashable, Identifiable {
    public var id: String
    public var title: LocalizedText
    /// Sensitive personal information (敏感个人信息).
    public var sensitive: Bool
    /// Other words a responder may type for it.
    public var aliases: [String]

    public init(id: String, title: LocalizedText, sensitive: Bool, aliases: [String] = []) {
        self.id = id
        self.title = title
        self.sensitive = sensitive
        self.aliases = aliases
    }

    /// Every category Cordon knows, in the order notices list them.
    public static let all: [DataCategory] = [
        DataCategory(id: "name", title: LocalizedText(zh: "姓名", en: "names"), sensitive: false, aliases: ["names"]),
        DataCategory(id: "id-number", title: LocalizedText(zh: "身份证号", en: "ID numbers"), sensitive: true, aliases: ["id", "id-card", "身份证", "身份证号码"]),
        DataCategory(id: "phone", title: LocalizedText(zh: "手机号", en: "phone numbers"), sensitive: false, aliases: ["mobile", "phone-number", "手机号码", "电话"]),
        DataCategory(id: "address", title: LocalizedText(zh: "住址", en: "addresses"), sensitive: false, aliases: ["地址"]),
        DataCategory(id: "email", title: LocalizedText(zh: "电子邮箱", en: "e-mail addresses"), sensitive: false, aliases: ["e-mail", "邮箱"]),
        DataCategory(id: "bank-card", title: LocalizedText(zh: "银行卡号", en: "bank card numbers"), sensitive: true, aliases: ["card", "bank-account", "银行卡", "银行账户"]),
        DataCategory(id: "loan-record", title: LocalizedText(zh: "借款记录", en: "loan records"), sensitive: true, aliases: ["loan", "loans", "credit-record", "借贷记录", "信贷记录"]),
        DataCategory(id: "credit-report", title: LocalizedText(zh: "征信信息", en: "credit reports"), sensitive: true, aliases: ["credit", "征信"]),
        DataCategory(id: "income", title: LocalizedText(zh: "收入与财产信息", en: "income and assets"), sensitive: true, aliases: ["assets", "收入", "财产信息"]),
        DataCategory(id: "contacts", title: LocalizedText(zh: "通讯录与紧急联系人", en: "contact lists and emergency contacts"), sensitive: true, aliases: ["contact-list", "通讯录", "紧急联系人"]),
        DataCategory(id: "credentials", title: LocalizedText(zh: "账号口令", en: "account passwords"), sensitive: true, aliases: ["password", "passwords", "口令", "密码"]),
        DataCategory(id: "biometric", title: LocalizedText(zh: "人脸等生物识别信息", en: "face images and other biometrics"), sensitive: true, aliases: ["face", "人脸", "生物识别"]),
        DataCategory(id: "location", title: LocalizedText(zh: "行踪轨迹", en: "location history"), sensitive: true, aliases: ["行踪", "定位"]),
        DataCategory(id: "device", title: LocalizedText(zh: "设备信息", en: "device information"), sensitive: false, aliases: ["设备"]),
    ]

    public static func named(_ id: String) -> DataCategory? {
        all.first { $0.id == id }
    }

    /// Accepts the id, the Chinese name or an alias, as a responder might type any of them.
    public init?(parsing text: String) {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let match = DataCategory.all.first(where: { category in
            category.id == key || category.title.zh == key || category.aliases.contains(key)
        }) else { return nil }
        self = match
    }

    /// `name 姓名, id-number 身份证号, …` for refusals and help.
    public static var catalogue: String {
        all.map { "\($0.id) \($0.title.zh)" }.joined(separator: ", ")
    }
}
