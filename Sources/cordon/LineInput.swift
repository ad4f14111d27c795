#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard input read a line at a time without blocking the drill clock.
struct LineInput {
    private var buffer: [UInt8] = []
    private var isOpen = true

    /// Waits up to `millis` for input (a signal cuts the wait short) and returns the complete lines read.
    mutating func wait(millis: Int32) -> [String] {
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
            return buffer.isEmpty ? [] : [String(decoding: buffer, as: UTF8.self)]
        }
        buffer += chunk[..<count]
        var lines: [String] = []
        while let newline = buffer.firstIndex(of: 0x0A) {
            lines.append(String(decoding: buffer[..<newline], as: UTF8.self))
            buffer.removeSubrange(...newline)
        }
        return lines
    }
}
