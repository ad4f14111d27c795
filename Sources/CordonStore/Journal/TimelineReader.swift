import CordonCore

/// Reads a timeline from a position to the end of the file a chunk at a time, handing each
/// intact event on as it goes: memory stays at one chunk (or the longest line) however long the
/// timeline is, instead of holding the whole file and every event at once.
enum TimelineReader {
    static let chunkSize = 1 << 20
    /// Small enough that each piece is hashed while it is still in the cache it was copied into.
    static let fingerprintChunkSize = 64 << 10

    /// Scans `file` from `position` up to `end`, the file's size when the caller's lock was taken,
    /// feeding `fingerprint` exactly the bytes of the lines it found intact.
    static func read(
        _ file: FileDescriptor, from position: ChainPosition, to end: Int, fingerprint: inout PrefixFingerprint?, each: (Event) -> Void
    ) throws(SystemError) -> JournalScanner.Step {
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
            fingerprint?.update(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[0..<next.consumed])))
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
    /// Scans without keeping a fingerprint.
    static func read(_ file: FileDescriptor, from position: ChainPosition, to end: Int, each: (Event) -> Void) throws(SystemError) -> JournalScanner.Step {
        var none: PrefixFingerprint?
        return try read(file, from: position, to: end, fingerprint: &none, each: each)
    }

    /// The `PrefixFingerprint` of the first `count` bytes of `file`, read a chunk at a time with
    /// `pread` (never mapped: a file someone truncates meanwhile must give a short read, not a
    /// SIGBUS); `nil` when the file is shorter.
    static func fingerprint(_ file: FileDescriptor, count: Int) throws(SystemError) -> PrefixFingerprint? {
        var fingerprint = PrefixFingerprint()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, min(fingerprintChunkSize, count)), alignment: 16)
        defer { buffer.deallocate() }
        var offset = 0
        while offset < count {
            let want = min(buffer.count, count - offset)
            let got = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<want]), at: offset)
            guard got == want else { return nil }
            fingerprint.update(UnsafeRawBufferPointer(rebasing: buffer[0..<got]))
            offset += got
        }
        return fingerprint
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
