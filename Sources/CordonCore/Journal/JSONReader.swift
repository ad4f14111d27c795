/// A strict JSON parser over UTF-8 bytes, with a nesting limit so hostile input cannot
/// exhaust the stack. Hand-written because every open of a timeline parses every line,
/// and this is several times faster than Foundation's decoders on the same lines.
public struct JSONReader {
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public var offset: Int
        public var reason: String
        public var description: String { "\(reason) at byte \(offset + 1)" }
    }

    public static let maximumDepth = 64

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Parses exactly one JSON value filling `bytes` (surrounding whitespace allowed).
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> JSONValue {
        var reader = JSONReader(bytes: bytes)
        reader.skipSpace()
        let value = try reader.value()
        reader.skipSpace()
        guard reader.index == bytes.count else { throw reader.failure("unexpected data after the value") }
        return value
    }

    public static func parse(_ text: String) throws(Failure) -> JSONValue {
        var copy = text
        return try copy.withUTF8 { buffer in Result { () throws(Failure) in try parse(buffer) } }.get()
    }

    public static func parse(_ bytes: [UInt8]) throws(Failure) -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer in Result { () throws(Failure) in try parse(buffer) } }.get()
    }

    /// Reads one JSON object filling `bytes` a member at a time: `member` gets each key and
    /// must read its value from the reader (with `value()`, `skip()` or `rawString()`). For
    /// callers that know the keys they want, such as a timeline line, and need no object built.
    static func members(of bytes: UnsafeBufferPointer<UInt8>, _ member: (String, inout JSONReader) throws(Failure) -> Void) throws(Failure) {
        var reader = JSONReader(bytes: bytes)
        reader.skipSpace()
        guard reader.current == UInt8(ascii: "{") else {
            _ = try reader.value()
            throw Failure(offset: 0, reason: "not an object")
        }
        try reader.enter()
        reader.index += 1
        reader.skipSpace()
        if reader.current == UInt8(ascii: "}") {
            reader.index += 1
        } else {
            var keys: [String] = []
            while true {
                reader.skipSpace()
                guard reader.current == UInt8(ascii: "\"") else { throw reader.failure("expected a quoted key") }
                let keyOffset = reader.index
                let key = try reader.string()
                try checkUnique(key, at: keyOffset, among: &keys)
                reader.skipSpace()
                guard reader.current == UInt8(ascii: ":") else { throw reader.failure("expected ':' after a key") }
                reader.index += 1
                reader.skipSpace()
                try member(key, &reader)
                reader.skipSpace()
                if reader.current == UInt8(ascii: ",") {
                    reader.index += 1
                } else if reader.current == UInt8(ascii: "}") {
                    reader.index += 1
                    break
                } else {
                    throw reader.failure("expected ',' or '}'")
                }
            }
        }
        reader.skipSpace()
        guard reader.index == bytes.count else { throw reader.failure("unexpected data after the value") }
    }

    /// Reads the next value.
    mutating func next() throws(Failure) -> JSONValue {
        try value()
    }

    /// The bytes between the quotes of the next value, when it is a string without escapes;
    /// otherwise reads the value as usual and returns it in `value`.
    mutating func rawString() throws(Failure) -> (bytes: UnsafeBufferPointer<UInt8>?, value: JSONValue?) {
        guard current == UInt8(ascii: "\"") else { return (nil, try value()) }
        var end = index + 1
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end])
                guard UTF8Check.isValid(slice) else { throw Failure(offset: index + 1, reason: "invalid UTF-8 in a string") }
                index = end + 1
                return (slice, nil)
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            end += 1
        }
        return (nil, .string(try string()))
    }

    /// A key given twice in one object. Readers disagree on which value counts (the first, the
    /// last, both), so a line that says two things at once is damage, not a choice.
    private static func duplicate(_ key: String, at offset: Int) -> Failure {
        Failure(offset: offset, reason: "the key \"\(key.prefix(40))\" appears twice in one object")
    }

    private static func checkUnique(_ key: String, at offset: Int, among keys: inout [String]) throws(Failure) {
        if keys.contains(key) { throw duplicate(key, at: offset) }
        keys.append(key)
    }

    private func failure(_ reason: String) -> Failure {
        Failure(offset: index, reason: reason)
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func value() throws(Failure) -> JSONValue {
        guard let byte = current else { throw failure("unexpected end of data") }
        switch byte {
        case UInt8(ascii: "{"): return .object(try object())
        case UInt8(ascii: "["): return .array(try array())
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw failure("unexpected character")
        }
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw failure("unexpected end of data") }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
            throw failure("unexpected character")
        }
        index += count
    }

    private mutating func enter() throws(Failure) {
        depth += 1
        guard depth <= JSONReader.maximumDepth else { throw failure("nested more than \(JSONReader.maximumDepth) levels") }
    }

    private mutating func object() throws(Failure) -> JSONObject {
        try enter()
        defer { depth -= 1 }
        index += 1
        var entries: [(key: String, value: JSONValue)] = []
        skipSpace()
        if current == UInt8(ascii: "}") {
            index += 1
            return JSONObject(entries)
        }
        var keys: Set<String> = []
        while true {
            skipSpace()
            guard current == UInt8(ascii: "\"") else { throw failure("expected a quoted key") }
            let keyOffset = index
            let key = try string()
            // Small objects (every timeline line's) are searched; large ones keep a set.
            if entries.count < 16 {
                if entries.contains(where: { $0.key == key }) { throw JSONReader.duplicate(key, at: keyOffset) }
            } else {
                if keys.isEmpty { keys = Set(entries.map(\.key)) }
                guard keys.insert(key).inserted else { throw JSONReader.duplicate(key, at: keyOffset) }
            }
            skipSpace()
            guard current == UInt8(ascii: ":") else { throw failure("expected ':' after a key") }
            index += 1
            skipSpace()
            entries.append((key: key, value: try value()))
            skipSpace()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return JSONObject(entries)
            default: throw failure("expected ',' or '}'")
            }
        }
    }

    private mutating func array() throws(Failure) -> [JSONValue] {
        try enter()
        defer { depth -= 1 }
        index += 1
        var items: [JSONValue] = []
        skipSpace()
        if current == UInt8(ascii: "]") {
            index += 1
            return items
        }
        while true {
            skipSpace()
            items.append(try value())
            skipSpace()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                return items
            default: throw failure("expected ',' or ']'")
            }
        }
    }

    private mutating func string() throws(Failure) -> String {
        index += 1
        let start = index
        // Fast path: no escapes, so the bytes between the quotes are the string.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                guard let text = UTF8Check.string(slice) else {
                    throw Failure(offset: start, reason: "invalid UTF-8 in a string")
                }
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw failure("unescaped control character in a string") }
            index += 1
        }
        var scalarBytes = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while true {
            guard let byte = current else { throw failure("unterminated string") }
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard let text = scalarBytes.withUnsafeBufferPointer(UTF8Check.string) else {
                    throw Failure(offset: start, reason: "invalid UTF-8 in a string")
                }
                return text
            case UInt8(ascii: "\\"):
                guard let escape = current else { throw failure("unterminated string") }
                index += 1
                switch escape {
                case UInt8(ascii: "\""): scalarBytes.append(0x22)
                case UInt8(ascii: "\\"): scalarBytes.append(0x5C)
                case UInt8(ascii: "/"): scalarBytes.append(0x2F)
                case UInt8(ascii: "b"): scalarBytes.append(0x08)
                case UInt8(ascii: "f"): scalarBytes.append(0x0C)
                case UInt8(ascii: "n"): scalarBytes.append(0x0A)
                case UInt8(ascii: "r"): scalarBytes.append(0x0D)
                case UInt8(ascii: "t"): scalarBytes.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar) {
                        guard current == UInt8(ascii: "\\") else { throw failure("lone surrogate in \\u escape") }
                        index += 1
                        guard current == UInt8(ascii: "u") else { throw failure("lone surrogate in \\u escape") }
                        index += 1
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw failure("lone surrogate in \\u escape") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00..<0xE000).contains(scalar) {
                        throw failure("lone surrogate in \\u escape")
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw failure("invalid \\u escape") }
                    scalarBytes.append(contentsOf: Array(String(Character(unicode)).utf8))
                default: throw failure("invalid escape")
                }
            default:
                if byte < 0x20 { throw failure("unescaped control character in a string") }
                scalarBytes.append(byte)
            }
        }
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard index + 4 <= bytes.count else { throw failure("short \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - 0x30)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - 0x61 + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - 0x41 + 10)
            default: throw failure("invalid hex digit in \\u escape")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private mutating func number() throws(Failure) -> JSONValue {
        let start = index
        var isInteger = true
        if current == UInt8(ascii: "-") { index += 1 }
        guard let first = current, first >= 0x30, first <= 0x39 else { throw failure("invalid number") }
        if first == 0x30 {
            index += 1
        } else {
            while let byte = current, byte >= 0x30, byte <= 0x39 { index += 1 }
        }
        if current == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard let byte = current, byte >= 0x30, byte <= 0x39 else { throw failure("invalid number") }
            while let byte = current, byte >= 0x30, byte <= 0x39 { index += 1 }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard let byte = current, byte >= 0x30, byte <= 0x39 else { throw failure("invalid number") }
            while let byte = current, byte >= 0x30, byte <= 0x39 { index += 1 }
        }
        if isInteger, index - start <= 18 {
            // Fits an Int whatever the digits: read it directly.
            var value = 0
            var position = bytes[start] == UInt8(ascii: "-") ? start + 1 : start
            while position < index {
                value = value * 10 + Int(bytes[position] &- 0x30)
                position += 1
            }
            return .int(bytes[start] == UInt8(ascii: "-") ? -value : value)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        if isInteger, let value = Int(text) { return .int(value) }
        guard let value = Double(text) else { throw Failure(offset: start, reason: "invalid number") }
        return .double(value)
    }
}
