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
    /// The previous line's SHA-256, held as its digest (see `LineDigest`); text that is not a
    /// digest, which no timeline line has, is kept as it is.
    private var previous: Previous

    private enum Previous: Sendable, Hashable {
        case digest(LineDigest)
        case text(String)
    }

    /// Lowercase hex SHA-256 of the previous line's bytes.
    public var prev: String {
        get {
            switch previous {
            case .digest(let digest): digest.hex
            case .text(let text): text
            }
        }
        set { previous = LineDigest(hex: newValue).map(Previous.digest) ?? .text(newValue) }
    }

    /// `prev` as a digest, when it is one.
    public var prevDigest: LineDigest? {
        if case .digest(let digest) = previous { return digest }
        return nil
    }

    public init(
        version: Int = Event.formatVersion, seq: Int, ts: Timestamp, actor: String,
        type: String, data: JSONObject, prev: String
    ) {
        self.init(version: version, seq: seq, ts: ts, actor: actor, type: type, data: data, previous: LineDigest(hex: prev).map(Previous.digest) ?? .text(prev))
    }

    public init(version: Int = Event.formatVersion, seq: Int, ts: Timestamp, actor: String, type: String, data: JSONObject, prevDigest: LineDigest) {
        self.init(version: version, seq: seq, ts: ts, actor: actor, type: type, data: data, previous: .digest(prevDigest))
    }

    private init(version: Int, seq: Int, ts: Timestamp, actor: String, type: String, data: JSONObject, previous: Previous) {
        self.version = version
        self.seq = seq
        self.ts = ts
        self.actor = actor
        self.type = type
        self.data = data
        self.previous = previous
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
        // Every open reads every line, so the usual shape is read field by field without
        // building the line as an object first; anything else takes the general path, which
        // also words the errors.
        if let event = Event.readFields(bytes) {
            self = event
        } else {
            try self.init(general: bytes)
        }
    }

    /// The general reading of a line: parse it as JSON, then look its fields up.
    init(general bytes: UnsafeBufferPointer<UInt8>) throws(LineError) {
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
        guard let prev = object.string("prev").flatMap(LineDigest.init(hex:)) else { throw LineError(reason: "missing or bad \"prev\"") }
        self.init(version: version, seq: seq, ts: ts, actor: actor, type: type, data: data, prevDigest: prev)
    }

    /// The fast reading: each field straight from the bytes; `nil` when the line is not a
    /// well-formed event (a key given twice among them: the general reading then words why).
    private static func readFields(_ bytes: UnsafeBufferPointer<UInt8>) -> Event? {
        var version: JSONValue?
        var seq: JSONValue?
        var ts: Timestamp??
        var actor: JSONValue?
        var type: JSONValue?
        var data: JSONValue?
        var prev: LineDigest??
        do throws(JSONReader.Failure) {
            try JSONReader.members(of: bytes) { key, reader throws(JSONReader.Failure) in
                switch key {
                case "v": version = try reader.next()
                case "seq": seq = try reader.next()
                case "ts":
                    let raw = try reader.rawString()
                    if let text = raw.bytes {
                        ts = .some(Timestamp.parse(text))
                    } else {
                        ts = .some(raw.value?.string.flatMap(Timestamp.init(iso8601:)))
                    }
                case "actor": actor = try reader.next()
                case "type": type = try reader.next()
                case "data": data = try reader.next()
                case "prev":
                    let raw = try reader.rawString()
                    prev = .some(raw.bytes.flatMap { LineDigest(hex: $0) })
                default: _ = try reader.next()
                }
            }
        } catch {
            return nil
        }
        guard let version = version?.int, version >= 1, let seq = seq?.int, seq >= 1, let ts = ts ?? nil,
              let actor = actor?.string, let type = type?.string, !type.isEmpty, case .object(let data)? = data,
              let prev = prev ?? nil
        else { return nil }
        return Event(version: version, seq: seq, ts: ts, actor: actor, type: type, data: data, prevDigest: prev)
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
