/// The two languages every person-facing string of Cordon exists in.
public enum Language: String, Sendable, CaseIterable, Codable {
    case zh
    case en

    /// The language the environment asks for: `CORDON_LANG`, then `LC_ALL`, `LC_MESSAGES`, `LANG`.
    ///
    /// A value starting with `zh` gives Chinese; any other language gives English. The neutral
    /// locales `C`, `C.UTF-8` and `POSIX`, the usual default of a server or jump host, name no
    /// language and are passed over. With no language named, Chinese, because the people Cordon
    /// is for read Chinese first.
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        for key in ["CORDON_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[key]?.lowercased(), !value.isEmpty, !isNeutral(value) else { continue }
            return value.hasPrefix("zh") ? .zh : .en
        }
        return .zh
    }

    private static func isNeutral(_ locale: String) -> Bool {
        locale == "c" || locale == "posix" || locale.hasPrefix("c.") || locale.hasPrefix("c@")
    }
}

/// A text a person reads, in Chinese and English.
///
///     let title = LocalizedText(zh: "遏制", en: "Containment")
///     title[.zh] // "遏制"
public struct LocalizedText: Sendable, Hashable, Codable {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// The same text in both languages, for names and codes that are not translated.
    public init(_ both: String) {
        self.init(zh: both, en: both)
    }

    public subscript(language: Language) -> String {
        switch language {
        case .zh: zh
        case .en: en
        }
    }
}
