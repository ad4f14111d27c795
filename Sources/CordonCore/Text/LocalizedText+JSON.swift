extension LocalizedText {
    /// `{"zh": …, "en": …}` as event data carries a text a person reads.
    public var json: JSONValue { .object(["zh": .string(zh), "en": .string(en)]) }

    public init?(json value: JSONValue?) {
        guard let object = value?.object, let zh = object.string("zh"), let en = object.string("en") else { return nil }
        self.init(zh: zh, en: en)
    }
}
