import CordonCore
import Crypto

/// SHA-256 of a timeline line, as the lowercase hex that the next line's `prev` holds.
enum LineHash {
    static func digest(_ bytes: UnsafeRawBufferPointer) -> LineDigest {
        SHA256.hash(data: bytes).withUnsafeBytes { LineDigest(bytes: $0) }
    }

    static func hex(_ bytes: UnsafeRawBufferPointer) -> String {
        digest(bytes).hex
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { hex($0) }
    }

    static func hex(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.withUnsafeBytes { hex($0) }
    }
}
