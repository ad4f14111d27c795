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
        /// The file ends in a whole event that chains on, but without its newline: a crash one
        /// byte from the end of a write, or an acknowledged event whose newline was cut. Never
        /// moved aside as torn, since it may be acknowledged; a person decides.
        case unterminated
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
enum JournalScanner {
    /// How far one call got.
    struct Step {
        /// Just past the last intact line.
        var position: ChainPosition
        /// Where the last intact line read starts in the file, if one was read.
        var lineOffset: Int?
        /// Bytes of the buffer used up: whole lines only.
        var consumed = 0
        var damage: JournalDamage?
        var tornTail: TornTail?
    }

    /// Scans whole lines of `buffer`, which holds the file's bytes from `position.offset` on,
    /// handing each intact event to `each`.
    ///
    /// Stops at the first damaged line. Only a last piece without its newline counts as a torn
    /// tail: one `write` of whole lines interrupted by a crash leaves a prefix, and a prefix ends in
    /// a newline only where a line is complete. A complete line that does not read is damage,
    /// never moved aside, because it may be an acknowledged event someone altered. `isEnd` says
    /// the buffer reaches the end of the file; otherwise an unfinished piece is left for the next call.
    static func scan(_ buffer: UnsafeBufferPointer<UInt8>, from position: ChainPosition, isEnd: Bool, each: (Event) -> Void) -> Step {
        var step = Step(position: position)
        var head = LineDigest(hex: position.headHash)
        var seq = position.seq
        var start = 0
        let count = buffer.count
        // Every way out reports how far the intact lines reached.
        func finish() -> Step {
            if seq != position.seq {
                step.position = ChainPosition(offset: position.offset + start, seq: seq, headHash: head?.hex ?? position.headHash)
            }
            step.consumed = start
            return step
        }
        while start < count {
            guard let newline = firstNewline(in: buffer, from: start) else {
                guard isEnd else { return finish() }
                let rest = UnsafeBufferPointer(rebasing: buffer[start..<count])
                if let event = try? Event(line: rest), event.seq == seq + 1, let current = head, event.prevDigest == current {
                    step.damage = JournalDamage(
                        line: seq + 1, kind: .unterminated,
                        reason: "the last line is a whole event that chains on but lacks its newline (a crash one byte from the end of a write, or a cut newline); if you are sure it was recorded, add the newline: printf '\\n' >> timeline.jsonl")
                } else {
                    step.tornTail = TornTail(offset: position.offset + start, length: count - start)
                }
                return finish()
            }
            let lineNumber = seq + 1
            let line = UnsafeBufferPointer(rebasing: buffer[start..<newline])
            let event: Event
            do throws(Event.LineError) {
                event = try Event(line: line)
            } catch {
                step.damage = JournalDamage(line: lineNumber, kind: .unreadable, reason: error.reason)
                return finish()
            }
            guard event.seq == lineNumber else {
                step.damage = JournalDamage(line: lineNumber, kind: .outOfSequence, reason: "seq is \(event.seq) where \(lineNumber) was expected")
                return finish()
            }
            guard let current = head, event.prevDigest == current else {
                step.damage = JournalDamage(
                    line: lineNumber, kind: .chainBroken,
                    reason: lineNumber == 1
                        ? "the first line's prev is not 64 zeros"
                        : "prev is not the hash of line \(lineNumber - 1): line \(lineNumber - 1) was edited, or this line was, or lines were removed or reordered")
                return finish()
            }
            head = LineHash.digest(UnsafeRawBufferPointer(line))
            seq = lineNumber
            step.lineOffset = position.offset + start
            start = newline + 1
            each(event)
        }
        return finish()
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
