/// One line of a timeline: something that happened, who did it and when, chained to the line before.
///
///     {"v":1,"seq":7,"ts":"2026-11-29T13:05:12.345+08:00","actor":"zhangwei",
///      "type":"step.completed","data":{"step":"isolate-source"},"prev":"9f86d0…"}
public struct Event: Sendable, Hashable {
    /// The line format this code writes.
    public static let formatVersion = 1
    /// `prev` of the first line.
    public static let genesisHash = String(repeating: "0", count: 64)

    public var version: Int
    public var seq: Int
    public var ts: Timestamp
    /// The operating-system login that wrote the line.
    public var actor: String
    public var type: String
    public var data: JSONObject
    /// Lowercase hex SHA-256 of the previous line's bytes.
    public var prev: String

    public init(
        version: Int = Event.formatVersion, seq: Int, ts: Timestamp, actor: String,
        type: String, data: JSONObject, prev: String
    ) {
        self.version = version
        self.seq = seq
        self.ts = ts
        self.actor = actor
        self.type = type
        self.data = data
        self.prev = prev
    }

    /// The name given with `--actor`, recorded beside the login.
    public var onBehalfOf: String? { data.string("as") }

    /// Who a person reads as having acted: `zhangwei` or `zhangwei (as 李娜)`.
    public var actorLabel: String {
        if let name = onBehalfOf, name != actor { return "\(actor) (\(name))" }
        return actor
    }

    /// The line's bytes, without the newline.
    public var line: [UInt8] {
        var writer = JSONWriter(reservingCapacity: 192)
        writer.raw("{\"v\":\(version),\"seq\":\(seq),\"ts\":")
        writer.write(string: ts.iso8601)
        writer.raw(",\"actor\":")
        writer.write(string: actor)
        writer.raw(",\"type\":")
        writer.write(string: type)
        writer.raw(",\"data\":")
        writer.write(object: data)
        writer.raw(",\"prev\":")
        writer.write(string: prev)
        writer.raw("}")
        return writer.bytes
    }
}

extension Event {
    /// Why a line is not an event.
    public struct LineError: Error, Equatable, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }

    /// Reads one timeline line (without its newline).
    public init(line bytes: UnsafeBufferPointer<UInt8>) throws(LineError) {
        let value: JSONValue
        do {
            value = try JSONReader.parse(bytes)
        } catch {
            throw LineError(reason: "not JSON: \(error)")
        }
        guard case .object(let object) = value else { throw LineError(reason: "not a JSON object") }
        guard let version = object.int("v"), version >= 1 else { throw LineError(reason: "missing or bad \"v\"") }
        guard let seq = object.int("seq"), seq >= 1 else { throw LineError(reason: "missing or bad \"seq\"") }
        guard let tsText = object.string("ts"), let ts = Timestamp(iso8601: tsText) else {
            throw LineError(reason: "missing or bad \"ts\"")
        }
        guard let actor = object.string("actor") else { throw LineError(reason: "missing \"actor\"") }
        guard let type = object.string("type"), !type.isEmpty else { throw LineError(reason: "missing \"type\"") }
        guard case .object(let data)? = object["data"] else { throw LineError(reason: "missing or bad \"data\"") }
        guard let prev = object.string("prev"), prev.utf8.count == 64,
              prev.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
        else { throw LineError(reason: "missing or bad \"prev\"") }
        self.init(version: version, seq: seq, ts: ts, actor: actor, type: type, data: data, prev: prev)
    }

    public init(line: [UInt8]) throws(LineError) {
        self = try line.withUnsafeBufferPointer { buffer in Result { () throws(LineError) in try Event(line: buffer) } }.get()
    }
}

/// An event before the journal gives it a place: what the domain decides should be recorded.
public struct EventDraft: Sendable, Hashable {
    public var type: String
    public var data: JSONObject

    public init(_ type: String, _ data: JSONObject = [:]) {
        self.type = type
        self.data = data
    }
}
