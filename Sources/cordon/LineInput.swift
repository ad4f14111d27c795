#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CordonCore

/// Standard input read a line at a time without blocking the drill clock. A line that is not
/// UTF-8 comes back refused, never with its bytes replaced: an answer to an inject is evidence
/// of what the team said. A line longer than any text may be (`TextLimits.standardInputBytes`)
/// is refused as soon as it is, and the rest of it skipped, so that input without newlines never
/// piles up in memory.
struct LineInput {
    private var buffer: [UInt8] = []
    private var isOpen = true
    /// In a line already refused as too long: bytes up to its newline are dropped.
    private var skipping = false

    /// Waits up to `millis` for input (a signal cuts the wait short) and returns the complete lines read.
    mutating func wait(millis: Int32) -> [Result<String, Refusal>] {
        guard isOpen else {
            _ = poll(nil, 0, millis)
            return []
        }
        var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, millis) > 0 else { return [] }
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = read(0, &chunk, chunk.count)
        if count <= 0 {
            isOpen = false
            defer { buffer = [] }
            return buffer.isEmpty || skipping ? [] : [Self.line(buffer[...])]
        }
        buffer += chunk[..<count]
        var lines: [Result<String, Refusal>] = []
        while let newline = buffer.firstIndex(of: 0x0A) {
            if skipping {
                skipping = false
            } else {
                lines.append(Self.line(buffer[..<newline]))
            }
            buffer.removeSubrange(...newline)
        }
        if buffer.count > TextLimits.standardInputBytes {
            if !skipping { lines.append(.failure(Self.tooLong)) }
            skipping = true
            buffer = []
        }
        return lines
    }

    private static let tooLong = Refusal(
        "input-too-long",
        zh: "这一行输入超过 \(NumberText.grouped(TextLimits.standardInputBytes)) 字节，未处理；请缩短后重新输入。",
        en: "That line of input is over \(NumberText.grouped(TextLimits.standardInputBytes)) bytes and was not used; shorten it and type it again.")

    private static func line(_ bytes: ArraySlice<UInt8>) -> Result<String, Refusal> {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .failure(.notUTF8(LocalizedText(zh: "这一行输入", en: "That line of input")))
        }
        return .success(text)
    }
}
