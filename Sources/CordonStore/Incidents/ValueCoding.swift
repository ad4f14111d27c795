import CordonCore

/// Encodes any `Codable` value as a `JSONValue` and back, for checkpoints: with the project's own
/// JSON reader and writer this loads a large incident state several times faster than
/// Foundation's `JSONDecoder`, which every command on a long incident would otherwise pay.
///
///     let value = try ValueCoding.encode(state)          // JSONValue
///     let again = try ValueCoding.decode(IncidentState.self, from: value)
enum ValueCoding {
    static func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        let node = Node()
        try value.encode(to: NodeEncoder(node: node, codingPath: []))
        return node.value
    }

    static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        try T(from: ValueDecoder(value: value, codingPath: []))
    }
}

// MARK: - Encoding

/// What an encoder has written so far at one place in the tree.
private final class Node {
    enum Content {
        case empty
        case value(JSONValue)
        case object([(key: String, node: Node)])
        case array([Node])
    }

    var content = Content.empty

    var value: JSONValue {
        switch content {
        case .empty: .object(JSONObject())
        case .value(let value): value
        case .object(let entries): .object(JSONObject(entries.map { (key: $0.key, value: $0.node.value) }))
        case .array(let nodes): .array(nodes.map(\.value))
        }
    }

    func child(_ key: String) -> Node {
        let node = Node()
        if case .object(var entries) = content {
            content = .empty
            entries.append((key, node))
            content = .object(entries)
        } else {
            content = .object([(key, node)])
        }
        return node
    }

    func appended() -> Node {
        let node = Node()
        if case .array(var nodes) = content {
            content = .empty
            nodes.append(node)
            content = .array(nodes)
        } else {
            content = .array([node])
        }
        return node
    }
}

private struct NodeEncoder: Encoder {
    let node: Node
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = node.content {} else { node.content = .object([]) }
        return KeyedEncodingContainer(KeyedNodeContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = node.content {} else { node.content = .array([]) }
        return UnkeyedNodeContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleNodeContainer(node: node, codingPath: codingPath)
    }
}

/// Writes `value` into `node`: plain values directly, anything else through its `encode(to:)`.
private func write<T: Encodable>(_ value: T, into node: Node, codingPath: @autoclosure () -> [any CodingKey]) throws {
    // `T` is exactly the type compared, so the casts are plain reinterpretations: a dynamic
    // cast (`as!`) would look for bridging conformances on every value.
    if T.self == String.self {
        node.content = .value(.string(unsafeBitCast(value, to: String.self)))
    } else if T.self == Int.self {
        node.content = .value(.int(unsafeBitCast(value, to: Int.self)))
    } else if T.self == Bool.self {
        node.content = .value(.bool(unsafeBitCast(value, to: Bool.self)))
    } else {
        try value.encode(to: NodeEncoder(node: node, codingPath: codingPath()))
    }
}

private func integer<T: BinaryInteger>(_ value: T, codingPath: @autoclosure () -> [any CodingKey]) throws -> JSONValue {
    guard let exact = Int(exactly: value) else {
        throw EncodingError.invalidValue(value, .init(codingPath: codingPath(), debugDescription: "\(value) does not fit an Int"))
    }
    return .int(exact)
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { node.child(key.stringValue).content = .value(.null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { node.child(key.stringValue).content = .value(.bool(value)) }
    mutating func encode(_ value: String, forKey key: Key) throws { node.child(key.stringValue).content = .value(.string(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws { node.child(key.stringValue).content = .value(.double(value)) }
    mutating func encode(_ value: Float, forKey key: Key) throws { node.child(key.stringValue).content = .value(.double(Double(value))) }
    mutating func encode(_ value: Int, forKey key: Key) throws { node.child(key.stringValue).content = .value(.int(value)) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try encodeInteger(value, key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try encodeInteger(value, key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try encodeInteger(value, key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try encodeInteger(value, key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try encodeInteger(value, key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try encodeInteger(value, key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try encodeInteger(value, key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try encodeInteger(value, key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try encodeInteger(value, key) }

    private func encodeInteger<T: BinaryInteger>(_ value: T, _ key: Key) throws {
        node.child(key.stringValue).content = .value(try integer(value, codingPath: codingPath + [key]))
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try write(value, into: node.child(key.stringValue), codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        NodeEncoder(node: node.child(key.stringValue), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        NodeEncoder(node: node.child(key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { NodeEncoder(node: node.child("super"), codingPath: codingPath) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        NodeEncoder(node: node.child(key.stringValue), codingPath: codingPath + [key])
    }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]
    var count: Int {
        if case .array(let nodes) = node.content { return nodes.count }
        return 0
    }

    mutating func encodeNil() throws { node.appended().content = .value(.null) }
    mutating func encode(_ value: Bool) throws { node.appended().content = .value(.bool(value)) }
    mutating func encode(_ value: String) throws { node.appended().content = .value(.string(value)) }
    mutating func encode(_ value: Double) throws { node.appended().content = .value(.double(value)) }
    mutating func encode(_ value: Int) throws { node.appended().content = .value(.int(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try write(value, into: node.appended(), codingPath: codingPath)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        NodeEncoder(node: node.appended(), codingPath: codingPath).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        NodeEncoder(node: node.appended(), codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { NodeEncoder(node: node.appended(), codingPath: codingPath) }
}

private struct SingleNodeContainer: SingleValueEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.content = .value(.null) }
    mutating func encode(_ value: Bool) throws { node.content = .value(.bool(value)) }
    mutating func encode(_ value: String) throws { node.content = .value(.string(value)) }
    mutating func encode(_ value: Double) throws { node.content = .value(.double(value)) }
    mutating func encode(_ value: Float) throws { node.content = .value(.double(Double(value))) }
    mutating func encode(_ value: Int) throws { node.content = .value(.int(value)) }
    mutating func encode(_ value: Int8) throws { node.content = .value(try integer(value, codingPath: codingPath)) }
    mutating func encode(_ value: Int16) throws { node.content = .value(try integer(value, codingPath: codingPath)) }
    mutating func encode(_ value: Int32) throws { node.content = .value(try integer(value, codingPath: codingPath)) }
    mutating func encode(_ value: Int64) throws { node.content = .value(try integer(value, codingPath: codingPath)) }
    mutating func encode(_ value: UInt) throws { node.content = .value(try integer(value, codingPath: codingPath)) }
    mutating func encode(_ value: UInt8) throws { node.content = .value(try integer(value, codingPath: codingPath)) }
    mutating func encode(_ value: UInt16) throws { node.content = .value(try integer(value, codingPath: codingPath)) }
    mutating func encode(_ value: UInt32) throws { node.content = .value(try integer(value, codingPath: codingPath)) }
    mutating func encode(_ value: UInt64) throws { node.content = .value(try integer(value, codingPath: codingPath)) }
    mutating func encode<T: Encodable>(_ value: T) throws { try write(value, into: node, codingPath: codingPath) }
}

// MARK: - Decoding

private struct ValueDecoder: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let object) = value else { throw mismatch(JSONObject.self, value, codingPath) }
        return KeyedDecodingContainer(KeyedValueContainer<Key>(object: object, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = value else { throw mismatch([JSONValue].self, value, codingPath) }
        return UnkeyedValueContainer(items: items, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleValueContainer(value: value, codingPath: codingPath)
    }
}

private func mismatch(_ type: Any.Type, _ value: JSONValue, _ codingPath: [any CodingKey]) -> DecodingError {
    .typeMismatch(type, .init(codingPath: codingPath, debugDescription: "found \(value)"))
}

// The coding path is built only when it is needed (a nested value, or an error): building it
// for every field would cost an array per field.

/// Reads a value of `type` out of `value`: plain values directly, anything else through `init(from:)`.
/// As in `write`, the casts reinterpret a value as the type it was just compared to be.
private func read<T: Decodable>(_ type: T.Type, from value: JSONValue, codingPath: @autoclosure () -> [any CodingKey]) throws -> T {
    if T.self == String.self {
        guard case .string(let text) = value else { throw mismatch(type, value, codingPath()) }
        return unsafeBitCast(text, to: T.self)
    }
    if T.self == Int.self {
        guard let number = value.int else { throw mismatch(type, value, codingPath()) }
        return unsafeBitCast(number, to: T.self)
    }
    if T.self == Bool.self {
        guard case .bool(let flag) = value else { throw mismatch(type, value, codingPath()) }
        return unsafeBitCast(flag, to: T.self)
    }
    return try T(from: ValueDecoder(value: value, codingPath: codingPath()))
}

private func readInteger<T: FixedWidthInteger>(_ type: T.Type, from value: JSONValue, codingPath: @autoclosure () -> [any CodingKey]) throws -> T {
    guard let number = value.int, let exact = T(exactly: number) else { throw mismatch(type, value, codingPath()) }
    return exact
}

private func readDouble(from value: JSONValue, codingPath: @autoclosure () -> [any CodingKey]) throws -> Double {
    guard let number = value.double else { throw mismatch(Double.self, value, codingPath()) }
    return number
}

private struct KeyedValueContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let object: JSONObject
    let codingPath: [any CodingKey]

    var allKeys: [Key] { object.entries.compactMap { Key(stringValue: $0.key) } }

    func contains(_ key: Key) -> Bool { object[key.stringValue] != nil }

    private func value(_ key: Key) throws -> JSONValue {
        guard let value = object[key.stringValue] else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no value for \(key.stringValue)"))
        }
        return value
    }

    func decodeNil(forKey key: Key) throws -> Bool { try value(key) == .null }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try read(type, from: value(key), codingPath: codingPath + [key]) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try read(type, from: value(key), codingPath: codingPath + [key]) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try readDouble(from: value(key), codingPath: codingPath + [key]) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { Float(try readDouble(from: value(key), codingPath: codingPath + [key])) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try read(type, from: value(key), codingPath: codingPath + [key]) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try readInteger(type, from: value(key), codingPath: codingPath + [key]) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try readInteger(type, from: value(key), codingPath: codingPath + [key]) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try readInteger(type, from: value(key), codingPath: codingPath + [key]) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try readInteger(type, from: value(key), codingPath: codingPath + [key]) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try readInteger(type, from: value(key), codingPath: codingPath + [key]) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try readInteger(type, from: value(key), codingPath: codingPath + [key]) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try readInteger(type, from: value(key), codingPath: codingPath + [key]) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try readInteger(type, from: value(key), codingPath: codingPath + [key]) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try readInteger(type, from: value(key), codingPath: codingPath + [key]) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try read(type, from: value(key), codingPath: codingPath + [key])
    }

    // One lookup for an optional field, where the defaults would make three.

    private func present(_ key: Key) -> JSONValue? {
        guard let value = object[key.stringValue] else { return nil }
        if case .null = value { return nil }
        return value
    }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try present(key).map { try read(type, from: $0, codingPath: codingPath + [key]) } }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try present(key).map { try read(type, from: $0, codingPath: codingPath + [key]) } }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try present(key).map { try readDouble(from: $0, codingPath: codingPath + [key]) } }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try present(key).map { Float(try readDouble(from: $0, codingPath: codingPath + [key])) } }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try present(key).map { try read(type, from: $0, codingPath: codingPath + [key]) } }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try present(key).map { try readInteger(type, from: $0, codingPath: codingPath + [key]) } }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try present(key).map { try readInteger(type, from: $0, codingPath: codingPath + [key]) } }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try present(key).map { try readInteger(type, from: $0, codingPath: codingPath + [key]) } }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try present(key).map { try readInteger(type, from: $0, codingPath: codingPath + [key]) } }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try present(key).map { try readInteger(type, from: $0, codingPath: codingPath + [key]) } }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try present(key).map { try readInteger(type, from: $0, codingPath: codingPath + [key]) } }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try present(key).map { try readInteger(type, from: $0, codingPath: codingPath + [key]) } }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try present(key).map { try readInteger(type, from: $0, codingPath: codingPath + [key]) } }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try present(key).map { try readInteger(type, from: $0, codingPath: codingPath + [key]) } }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { try present(key).map { try read(type, from: $0, codingPath: codingPath + [key]) } }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try ValueDecoder(value: value(key), codingPath: codingPath + [key]).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try ValueDecoder(value: value(key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { ValueDecoder(value: object["super"] ?? .null, codingPath: codingPath) }

    func superDecoder(forKey key: Key) throws -> any Decoder { ValueDecoder(value: try value(key), codingPath: codingPath + [key]) }
}

private struct UnkeyedValueContainer: UnkeyedDecodingContainer {
    let items: [JSONValue]
    let codingPath: [any CodingKey]
    var currentIndex = 0

    init(items: [JSONValue], codingPath: [any CodingKey]) {
        self.items = items
        self.codingPath = codingPath
    }

    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private mutating func next() throws -> JSONValue {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(JSONValue.self, .init(codingPath: codingPath, debugDescription: "the list has only \(items.count) items"))
        }
        defer { currentIndex += 1 }
        return items[currentIndex]
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, items[currentIndex] == .null else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try read(type, from: next(), codingPath: codingPath) }
    mutating func decode(_ type: String.Type) throws -> String { try read(type, from: next(), codingPath: codingPath) }
    mutating func decode(_ type: Double.Type) throws -> Double { try readDouble(from: next(), codingPath: codingPath) }
    mutating func decode(_ type: Float.Type) throws -> Float { Float(try readDouble(from: next(), codingPath: codingPath)) }
    mutating func decode(_ type: Int.Type) throws -> Int { try read(type, from: next(), codingPath: codingPath) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try readInteger(type, from: next(), codingPath: codingPath) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try readInteger(type, from: next(), codingPath: codingPath) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try readInteger(type, from: next(), codingPath: codingPath) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try readInteger(type, from: next(), codingPath: codingPath) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try readInteger(type, from: next(), codingPath: codingPath) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try readInteger(type, from: next(), codingPath: codingPath) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try readInteger(type, from: next(), codingPath: codingPath) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try readInteger(type, from: next(), codingPath: codingPath) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try readInteger(type, from: next(), codingPath: codingPath) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try read(type, from: next(), codingPath: codingPath) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try ValueDecoder(value: next(), codingPath: codingPath).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try ValueDecoder(value: next(), codingPath: codingPath).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder { ValueDecoder(value: try next(), codingPath: codingPath) }
}

private struct SingleValueContainer: SingleValueDecodingContainer {
    let value: JSONValue
    let codingPath: [any CodingKey]

    func decodeNil() -> Bool { value == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try read(type, from: value, codingPath: codingPath) }
    func decode(_ type: String.Type) throws -> String { try read(type, from: value, codingPath: codingPath) }
    func decode(_ type: Double.Type) throws -> Double { try readDouble(from: value, codingPath: codingPath) }
    func decode(_ type: Float.Type) throws -> Float { Float(try readDouble(from: value, codingPath: codingPath)) }
    func decode(_ type: Int.Type) throws -> Int { try read(type, from: value, codingPath: codingPath) }
    func decode(_ type: Int8.Type) throws -> Int8 { try readInteger(type, from: value, codingPath: codingPath) }
    func decode(_ type: Int16.Type) throws -> Int16 { try readInteger(type, from: value, codingPath: codingPath) }
    func decode(_ type: Int32.Type) throws -> Int32 { try readInteger(type, from: value, codingPath: codingPath) }
    func decode(_ type: Int64.Type) throws -> Int64 { try readInteger(type, from: value, codingPath: codingPath) }
    func decode(_ type: UInt.Type) throws -> UInt { try readInteger(type, from: value, codingPath: codingPath) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try readInteger(type, from: value, codingPath: codingPath) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try readInteger(type, from: value, codingPath: codingPath) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try readInteger(type, from: value, codingPath: codingPath) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try readInteger(type, from: value, codingPath: codingPath) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try read(type, from: value, codingPath: codingPath) }
}
