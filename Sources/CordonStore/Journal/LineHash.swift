import Crypto

/// SHA-256 of a timeline line, as the lowercase hex that the next line's `prev` holds.
enum LineHash {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func hex(_ bytes: UnsafeRawBufferPointer) -> String {
        let digest = SHA256.hash(data: bytes)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { hex($0) }
    }

    static func hex(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.withUnsafeBytes { hex($0) }
    }
}
