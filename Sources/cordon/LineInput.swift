#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CordonCore

/// Standard input read a line at a time without blocking the drill clock. A line that is not
/// UTF-8 comes back refused, never with its bytes replaced: an answer to an inject is evidence
/// of what the team said.
struct LineInput {
    private var buffer: [UInt8] = []
    private var isOpen = true

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
            return buffer.isEmpty ? [] : [Self.line(buffer[...])]
        }
        buffer += chunk[..<count]
        var lines: [Result<String, Refusal>] = []
        while let newline = buffer.firstIndex(of: 0x0A) {
            lines.append(Self.line(buffer[..<newline]))
            buffer.removeSubrange(...newline)
        }
        return lines
    }

    private static func line(_ bytes: ArraySlice<UInt8>) -> Result<String, Refusal> {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .failure(.notUTF8(LocalizedText(zh: "这一行输入", en: "That line of input")))
        }
        return .success(text)
    }
}
