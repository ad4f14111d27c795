import CordonCore

/// Where a reader stands in a timeline: just past the last intact line.
public struct ChainPosition: Sendable, Hashable, Codable {
    /// Byte offset just past the last intact line's newline.
    public var offset: Int
    /// Seq of the last intact line (0 before the first).
    public var seq: Int
    /// SHA-256 of the last intact line, or 64 zeros before the first.
    public var headHash: String

    public static let start = ChainPosition(offset: 0, seq: 0, headHash: Event.genesisHash)
}

/// A line before the end that is not what the chain says it must be.
public struct JournalDamage: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// Not a readable event.
        case unreadable
        /// `seq` is not the next number.
        case outOfSequence
        /// `prev` is not the hash of the line before: a line was edited, removed or reordered.
        case chainBroken
    }

    /// 1-based line number in the file, which is also the seq the line should have.
    public var line: Int
    public var kind: Kind
    public var reason: String

    public var description: String { "line \(line): \(reason)" }
}

/// The end of a file that is not a whole line: what a crash in the middle of a write leaves.
public struct TornTail: Sendable, Hashable {
    /// Where the torn bytes start (the end of the last intact line).
    public var offset: Int
    public var length: Int
}

/// Reads timeline bytes line by line, checking `seq` and the hash chain as it goes.
struct JournalScanner {
    struct Result {
        var events: [Event] = []
        var position: ChainPosition
        var damage: JournalDamage?
        var tornTail: TornTail?
    }

    /// Scans `bytes`, which start at `position.offset` in the file.
    ///
    /// Stops at the first damaged line. Only a last piece without its newline counts as a torn
    /// tail: one `write` of whole lines interrupted by a crash leaves a prefix, and a prefix ends in
    /// a newline only where a line is complete. A complete line that does not read is damage,
    /// never moved aside, because it may be an acknowledged event someone altered.
    static func scan(_ bytes: [UInt8], from position: ChainPosition, keepEvents: Bool = true) -> Result {
        var result = Result(position: position)
        bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            let count = buffer.count
            while start < count {
                guard let newline = firstNewline(in: buffer, from: start) else {
                    result.tornTail = TornTail(offset: position.offset + start, length: count - start)
                    return
                }
                let lineNumber = result.position.seq + 1
                let line = UnsafeBufferPointer(rebasing: buffer[start..<newline])
                let event: Event
                do throws(Event.LineError) {
                    event = try Event(line: line)
                } catch {
                    result.damage = JournalDamage(line: lineNumber, kind: .unreadable, reason: error.reason)
                    return
                }
                guard event.seq == lineNumber else {
                    result.damage = JournalDamage(line: lineNumber, kind: .outOfSequence, reason: "seq is \(event.seq) where \(lineNumber) was expected")
                    return
                }
                guard event.prev == result.position.headHash else {
                    result.damage = JournalDamage(
                        line: lineNumber, kind: .chainBroken,
                        reason: lineNumber == 1
                            ? "the first line's prev is not 64 zeros"
                            : "prev is not the hash of line \(lineNumber - 1): a line was edited, removed or reordered")
                    return
                }
                result.position = ChainPosition(
                    offset: position.offset + newline + 1, seq: event.seq,
                    headHash: LineHash.hex(UnsafeRawBufferPointer(line)))
                if keepEvents { result.events.append(event) }
                start = newline + 1
            }
        }
        return result
    }

    private static func firstNewline(in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < buffer.count, let base = buffer.baseAddress else { return nil }
        guard let found = memchr(base + start, 0x0A, buffer.count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
