import CordonCore

/// A report or notice could not be produced; says why and what to do, in both languages.
public struct ReportError: Error, LocalizedFailure, Sendable, CustomStringConvertible {
    public var code: String
    public var message: LocalizedText

    public init(_ code: String, zh: String, en: String) {
        self.code = code
        self.message = LocalizedText(zh: zh, en: en)
    }

    public var description: String { "\(code): \(message.en)" }
}
