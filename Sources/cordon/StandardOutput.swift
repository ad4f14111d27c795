#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import CordonCore
import CordonStore

/// Standard output checked, not trusted: `print` buffers, and a full disk, a closed pipe or
/// `/dev/full` only shows when the buffer is written out. A command whose output was cut off
/// exits 3 with one line on standard error instead of 0 with half a report.
enum StandardOutput {
    /// The C library's `stdout`, where `print` writes: a mutable global to Swift (hence the
    /// `@preconcurrency` import), only read here, by the main thread as the command ends.
    private static var stream: UnsafeMutablePointer<FILE> { stdout }

    /// Writes out what `print` buffered; the refusal to print when any of it, now or earlier,
    /// could not be written.
    static func flush() -> LocalizedText? {
        let flushed = fflush(stream) == 0
        let code = errno
        guard !flushed || ferror(stream) != 0 else { return nil }
        return failure(flushed ? nil : code)
    }

    /// Writes out and closes standard output, as the last thing before exiting: a close can
    /// report what a write did not (a file on NFS).
    static func close() -> LocalizedText? {
        if let failure = flush() { return failure }
        guard fclose(stream) != 0 else { return nil }
        return failure(errno == EBADF ? nil : errno)
    }

    /// Writes `bytes` straight to standard output, after what `print` buffered; for a whole
    /// report or notice, so that a failure names its cause (the C library's buffer forgets it).
    static func write(_ bytes: [UInt8]) throws(StoreError) {
        if let failure = flush() { throw StoreError("output-failed", zh: failure.zh, en: failure.en) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(1, $0.baseAddress! + written, $0.count - written) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                let message = failure(count < 0 ? errno : nil)
                throw StoreError("output-failed", zh: message.zh, en: message.en)
            }
            written += count
        }
    }

    private static func failure(_ code: Int32?) -> LocalizedText {
        let reason = code.map { " (" + String(cString: strerror($0)) + ")" } ?? ""
        return LocalizedText(
            zh: "标准输出未能完整写出\(reason)：已输出的内容不完整，请勿使用。时间线不受影响（已记录的仍然有效，可用 cordon status 查看）；请腾出空间或输出到别处后重试。",
            en: "Standard output could not be written in full\(reason): what was printed is incomplete and must not be used. The timeline is not affected (anything recorded stays recorded; see cordon status); free some space or write somewhere else and run it again.")
    }
}
