import CordonCore

/// Something on disk stopped a command. Every message says what happened, what was kept
/// safe and what to do next, in both languages.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    /// A stable code for scripts and tests.
    public var code: String
    public var message: LocalizedText
    /// What went wrong as a plain finding (see `LocalizedFailure.cause`), where one is useful.
    public var cause: LocalizedText?

    public init(_ code: String, zh: String, en: String, cause: LocalizedText? = nil) {
        self.code = code
        self.message = LocalizedText(zh: zh, en: en)
        self.cause = cause
    }

    public var description: String { "\(code): \(message.en)" }

    /// A system call failed while nothing had been written yet, or what was written was rolled back.
    static func system(_ error: SystemError, while doing: LocalizedText) -> StoreError {
        if error.isDiskFull {
            return StoreError(
                "disk-full",
                zh: "\(doing.zh)失败：磁盘已满（\(error.path)）。未记录任何内容，时间线完好；请释放空间后重试。",
                en: "\(doing.en) failed: the disk is full (\(error.path)). Nothing was recorded and the timeline is intact; free some space and try again.")
        }
        if error.isReadOnly {
            return StoreError(
                "not-writable",
                zh: "\(doing.zh)失败：无法写入 \(error.path)（\(error.reason)）。未记录任何内容；请检查目录权限或使用 --home 指定可写目录。",
                en: "\(doing.en) failed: \(error.path) is not writable (\(error.reason)). Nothing was recorded; check its permissions or choose a writable --home.")
        }
        return StoreError(
            "io-error",
            zh: "\(doing.zh)失败：\(error.operation) \(error.path)：\(error.reason)。未记录任何内容。",
            en: "\(doing.en) failed: \(error.description). Nothing was recorded.")
    }
}
