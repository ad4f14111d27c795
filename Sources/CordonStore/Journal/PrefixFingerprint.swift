/// XXH64 of a run of bytes, fed in pieces: a fast fingerprint of everything a checkpoint covers,
/// so that opening from a checkpoint still notices any byte before it that changed.
///
/// Not a security measure (whoever can rewrite the timeline can rewrite a checkpoint too; the
/// hash chain and `cordon verify` are what make edits evident): it only has to tell, at memory
/// speed, whether the bytes are still the ones that were folded.
///
///     var fingerprint = PrefixFingerprint()
///     fingerprint.update(bytes)
///     fingerprint.value  // 0x44bc2cf5ad770999 for "abc"
struct PrefixFingerprint {
    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

    private var lanes: (UInt64, UInt64, UInt64, UInt64)
    private var length: UInt64 = 0
    /// Bytes waiting for a whole 32-byte stripe.
    private var pending: [UInt8] = []

    init() {
        lanes = (Self.prime1 &+ Self.prime2, Self.prime2, 0, 0 &- Self.prime1)
        pending.reserveCapacity(32)
    }

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty else { return }
        length += UInt64(bytes.count)
        var start = 0
        if !pending.isEmpty {
            let take = min(32 - pending.count, bytes.count)
            pending.append(contentsOf: bytes[0..<take])
            start = take
            guard pending.count == 32 else { return }
            pending.withUnsafeBytes { stripe in consume(stripe, count: 32) }
            pending.removeAll(keepingCapacity: true)
        }
        let whole = (bytes.count - start) / 32 * 32
        if whole > 0 {
            consume(UnsafeRawBufferPointer(rebasing: bytes[start..<start + whole]), count: whole)
        }
        pending.append(contentsOf: bytes[(start + whole)...])
    }

    mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// The hash of everything fed so far.
    var value: UInt64 {
        var hash: UInt64
        if length >= 32 {
            hash = rotate(lanes.0, 1) &+ rotate(lanes.1, 7) &+ rotate(lanes.2, 12) &+ rotate(lanes.3, 18)
            hash = merge(hash, lanes.0)
            hash = merge(hash, lanes.1)
            hash = merge(hash, lanes.2)
            hash = merge(hash, lanes.3)
        } else {
            hash = lanes.2 &+ Self.prime5
        }
        hash &+= length
        pending.withUnsafeBytes { tail in
            var index = 0
            while index + 8 <= tail.count {
                let k = round(0, tail.loadUnaligned(fromByteOffset: index, as: UInt64.self).littleEndian)
                hash = rotate(hash ^ k, 27) &* Self.prime1 &+ Self.prime4
                index += 8
            }
            if index + 4 <= tail.count {
                hash ^= UInt64(tail.loadUnaligned(fromByteOffset: index, as: UInt32.self).littleEndian) &* Self.prime1
                hash = rotate(hash, 23) &* Self.prime2 &+ Self.prime3
                index += 4
            }
            while index < tail.count {
                hash ^= UInt64(tail[index]) &* Self.prime5
                hash = rotate(hash, 11) &* Self.prime1
                index += 1
            }
        }
        hash ^= hash >> 33
        hash &*= Self.prime2
        hash ^= hash >> 29
        hash &*= Self.prime3
        hash ^= hash >> 32
        return hash
    }

    /// `value` as 16 lowercase hex digits, as a checkpoint stores it.
    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    private mutating func consume(_ bytes: UnsafeRawBufferPointer, count: Int) {
        var (v1, v2, v3, v4) = lanes
        var offset = 0
        while offset < count {
            v1 = round(v1, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self).littleEndian)
            v2 = round(v2, bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self).littleEndian)
            v3 = round(v3, bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self).littleEndian)
            v4 = round(v4, bytes.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self).littleEndian)
            offset += 32
        }
        lanes = (v1, v2, v3, v4)
    }

    @inline(__always)
    private func round(_ accumulator: UInt64, _ input: UInt64) -> UInt64 {
        rotate(accumulator &+ input &* Self.prime2, 31) &* Self.prime1
    }

    @inline(__always)
    private func merge(_ hash: UInt64, _ lane: UInt64) -> UInt64 {
        (hash ^ round(0, lane)) &* Self.prime1 &+ Self.prime4
    }

    @inline(__always)
    private func rotate(_ value: UInt64, _ bits: UInt64) -> UInt64 {
        value << bits | value >> (64 - bits)
    }
}
