import Crypto

/// SHA-256 of a timeline line, as the lowercase hex that the next line's `prev` holds.
enum LineHash {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// A line's SHA-256 as four words: compared with the next line's `prev` without building a
    /// string, since reading a timeline does that for every line.
    struct Digest: Hashable {
        var words: (UInt64, UInt64, UInt64, UInt64)

        static func == (lhs: Digest, rhs: Digest) -> Bool {
            lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1 && lhs.words.2 == rhs.words.2 && lhs.words.3 == rhs.words.3
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(words.0)
            hasher.combine(words.1)
            hasher.combine(words.2)
            hasher.combine(words.3)
        }

        init(_ digest: SHA256.Digest) {
            words = digest.withUnsafeBytes { raw in
                (raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self).bigEndian,
                 raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self).bigEndian,
                 raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self).bigEndian,
                 raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self).bigEndian)
            }
        }

        /// Reads 64 lowercase hex digits; `nil` for anything else.
        init?(hex: String) {
            var text = hex
            guard let words = text.withUTF8({ Digest.words(hex: $0) }) else { return nil }
            self.words = words
        }

        /// Whether `hex` (a line's `prev`) names this digest.
        func matches(hex: String) -> Bool {
            guard let other = Digest(hex: hex) else { return false }
            return other == self
        }

        private static func words(hex bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64, UInt64, UInt64)? {
            guard bytes.count == 64, let w0 = word(bytes, 0), let w1 = word(bytes, 16), let w2 = word(bytes, 32), let w3 = word(bytes, 48)
            else { return nil }
            return (w0, w1, w2, w3)
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

    static func digest(_ bytes: UnsafeRawBufferPointer) -> Digest {
        Digest(SHA256.hash(data: bytes))
    }

    static func hex(_ digest: Digest) -> String {
        String(unsafeUninitializedCapacity: 64) { buffer in
            for (index, word) in [digest.words.0, digest.words.1, digest.words.2, digest.words.3].enumerated() {
                for nibble in 0..<16 {
                    buffer[index * 16 + nibble] = hexDigits[Int(word >> (60 - 4 * UInt64(nibble)) & 0xF)]
                }
            }
            return 64
        }
    }

    static func hex(_ bytes: UnsafeRawBufferPointer) -> String {
        hex(digest(bytes))
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { hex($0) }
    }

    static func hex(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.withUnsafeBytes { hex($0) }
    }
}
