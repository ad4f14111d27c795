import CordonCore

/// Reads a timeline from a position to the end of the file a chunk at a time, handing each
/// intact event on as it goes: memory stays at one chunk (or the longest line) however long the
/// timeline is, instead of holding the whole file and every event at once.
enum TimelineReader {
    static let chunkSize = 1 << 20

    /// Scans `file` from `position` up to `end`, the file's size when the caller's lock was taken.
    static func read(_ file: FileDescriptor, from position: ChainPosition, to end: Int, each: (Event) -> Void) throws(SystemError) -> JournalScanner.Step {
        var step = JournalScanner.Step(position: position)
        guard end > position.offset else { return step }
        var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: min(chunkSize, end - position.offset), alignment: 16)
        defer { buffer.deallocate() }
        var filled = 0
        var end = end
        while true {
            let bufferOffset = step.position.offset
            let wanted = min(buffer.count - filled, end - bufferOffset - filled)
            if wanted > 0 {
                let got = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled..<filled + wanted]), at: bufferOffset + filled)
                filled += got
                // Shorter than its size said: read what is there as the end.
                if got < wanted { end = bufferOffset + filled }
            }
            let isEnd = bufferOffset + filled >= end
            let bytes = UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count: filled)
            let next = JournalScanner.scan(bytes, from: step.position, isEnd: isEnd, each: each)
            step.position = next.position
            step.lineOffset = next.lineOffset ?? step.lineOffset
            if next.damage != nil || isEnd {
                step.damage = next.damage
                step.tornTail = next.tornTail
                return step
            }
            if next.consumed == 0 && filled == buffer.count {
                // A line longer than the buffer: make room for it.
                let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 16)
                larger.copyMemory(from: UnsafeRawBufferPointer(buffer))
                buffer.deallocate()
                buffer = larger
            } else if next.consumed > 0 {
                let rest = filled - next.consumed
                if rest > 0 {
                    memmove(buffer.baseAddress!, buffer.baseAddress! + next.consumed, rest)
                }
                filled = rest
            }
        }
    }
}

extension TimelineReader {
    /// The `PrefixFingerprint` of the first `count` bytes of `file`, read a chunk at a time;
    /// `nil` when the file is shorter.
    static func fingerprint(_ file: FileDescriptor, count: Int) throws(SystemError) -> String? {
        guard try file.size() >= count else { return nil }
        var fingerprint = PrefixFingerprint()
        var offset = 0
        while offset < count {
            let length = min(mappingWindow, count - offset)
            let hashed = try file.withMapping(at: offset, count: length) { bytes in fingerprint.update(bytes) }
            if !hashed { return try fingerprintByReading(file, count: count) }
            offset += length
        }
        return fingerprint.hex
    }

    /// Mapped a window at a time: the pages are the page cache's own, so hashing them copies
    /// nothing, and resident memory grows by one window, not by the file.
    private static let mappingWindow = 8 << 20

    /// For a file that cannot be mapped.
    private static func fingerprintByReading(_ file: FileDescriptor, count: Int) throws(SystemError) -> String? {
        var fingerprint = PrefixFingerprint()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, min(chunkSize, count)), alignment: 16)
        defer { buffer.deallocate() }
        var offset = 0
        while offset < count {
            let want = min(buffer.count, count - offset)
            let got = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<want]), at: offset)
            guard got == want else { return nil }
            fingerprint.update(UnsafeRawBufferPointer(rebasing: buffer[0..<got]))
            offset += got
        }
        return fingerprint.hex
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
