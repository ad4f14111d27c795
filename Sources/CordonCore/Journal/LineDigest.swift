/// A SHA-256 as four words: how a timeline line's `prev` is held in memory and compared.
///
/// A 100,000-event console keeps every event; as 64 hex characters each `prev` would be a heap
/// string of its own, and reading a timeline compares one per line.
///
///     LineDigest(hex: event.prev)?.hex == event.prev  // true for any well-formed prev
public struct LineDigest: Sendable, Hashable {
    public var words: (UInt64, UInt64, UInt64, UInt64)

    public init(words: (UInt64, UInt64, UInt64, UInt64)) {
        self.words = words
    }

    public static func == (lhs: LineDigest, rhs: LineDigest) -> Bool {
        lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1 && lhs.words.2 == rhs.words.2 && lhs.words.3 == rhs.words.3
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }

    /// Reads 64 lowercase hex digits; `nil` for anything else.
    public init?(hex: String) {
        var text = hex
        guard let digest = text.withUTF8({ LineDigest(hex: $0) }) else { return nil }
        self = digest
    }

    /// Reads 64 lowercase hex digits from UTF-8 bytes; `nil` for anything else.
    public init?(hex bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 64, let w0 = Self.word(bytes, 0), let w1 = Self.word(bytes, 16),
              let w2 = Self.word(bytes, 32), let w3 = Self.word(bytes, 48)
        else { return nil }
        words = (w0, w1, w2, w3)
    }

    /// The 32 bytes of a digest, most significant first.
    public init(bytes: UnsafeRawBufferPointer) {
        precondition(bytes.count == 32)
        words = (bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self).bigEndian,
                 bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self).bigEndian,
                 bytes.loadUnaligned(fromByteOffset: 16, as: UInt64.self).bigEndian,
                 bytes.loadUnaligned(fromByteOffset: 24, as: UInt64.self).bigEndian)
    }

    private static let digits = Array("0123456789abcdef".utf8)

    /// As 64 lowercase hex digits.
    public var hex: String {
        String(unsafeUninitializedCapacity: 64) { buffer in
            for (index, word) in [words.0, words.1, words.2, words.3].enumerated() {
                for nibble in 0..<16 {
                    buffer[index * 16 + nibble] = Self.digits[Int(word >> (60 - 4 * UInt64(nibble)) & 0xF)]
                }
            }
            return 64
        }
    }

    /// Sixteen lowercase hex digits from `start`.
    private static func word(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> UInt64? {
        var value: UInt64 = 0
        for index in start..<start + 16 {
            let byte = bytes[index]
            let nibble: UInt8
            switch byte {
            case 0x30...0x39: nibble = byte &- 0x30
            case 0x61...0x66: nibble = byte &- 0x61 &+ 10
            default: return nil
            }
            value = value << 4 | UInt64(nibble)
        }
        return value
    }
}
