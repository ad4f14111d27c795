import CordonCore
import Testing

@Suite("JSON, times, durations and ids")
struct CodecTests {
    // MARK: - JSON

    @Test("a timeline line reads back as the same event and the same bytes")
    func eventRoundTrip() throws {
        let event = Event(
            seq: 7, ts: Timestamp(iso8601: "2026-11-29T13:05:12.345+08:00")!, actor: "zhangwei", type: "note.added",
            data: ["text": "引号\"、反斜杠\\、换行\n、制表\t、响铃\u{7} 与 emoji 🚨", "as": "李娜"], prev: String(repeating: "a", count: 64))
        let line = event.line
        let text = String(decoding: line, as: UTF8.self)
        #expect(text.hasPrefix(#"{"v":1,"seq":7,"ts":"2026-11-29T13:05:12.345+08:00","actor":"zhangwei","type":"note.added","data":{"text":"引号\"、"#))
        #expect(text.contains(#"\u0007"#))
        #expect(text.contains("🚨"), "non-ASCII text is stored as itself, not escaped")
        #expect(!line.contains(0x0A), "a line never contains a raw newline")
        let read = try Event(line: line)
        #expect(read == event)
        #expect(read.line == line)
    }

    @Test("the reader handles escapes, surrogate pairs and numbers")
    func readerCases() throws {
        #expect(try JSONReader.parse(#"{"a":"\u4e2d\u6587 \ud83d\ude80","b":[1,-2.5,1e3,true,null]}"#)
            == .object(["a": "中文 🚀", "b": [.int(1), .double(-2.5), .double(1000), true, nil]]))
        #expect(try JSONReader.parse(" [ ] ") == .array([]))
    }

    @Test("the reader refuses what is not JSON", arguments: [
        "", "{", #"{"a":}"#, #"{"a" 1}"#, "[1,]", #""\x""#, #""\ud800""#, "01", "1.", "tru", #"{"a":1}x"#, "\"\u{1}\"",
        String(repeating: "[", count: 65) + String(repeating: "]", count: 65),
    ])
    func readerRefuses(_ text: String) {
        #expect(throws: JSONReader.Failure.self) { try JSONReader.parse(text) }
    }

    @Test("a key given twice in one object is refused, at any depth and however it is spelled", arguments: [
        #"{"a":1,"a":2}"#, #"{"a":1,"b":{"c":1,"c":1}}"#, #"[{"x":1},{"y":1,"y":2}]"#, #"{"data":1,"d\u0061ta":2}"#,
        "{" + (0..<40).map { #""k\#($0)":0"# }.joined(separator: ",") + #","k7":1}"#,
    ])
    func duplicateKeys(_ text: String) throws {
        let failure = try #require(throws: JSONReader.Failure.self) { try JSONReader.parse(text) }
        #expect(failure.reason.contains("appears twice"), "\(failure)")
        #expect(try JSONReader.parse(#"{"a":{"a":1},"b":[{"a":1},{"a":2}]}"#).object?.entries.map(\.key) == ["a", "b"])
    }

    @Test("a timeline line with a key twice is no event, whichever reading it takes")
    func duplicateKeyInALine() throws {
        let event = Event(seq: 2, ts: Timestamp(millis: 0), actor: "zhangwei", type: EventType.noteAdded, data: ["text": "原话"], prev: String(repeating: "a", count: 64))
        let line = String(decoding: event.line, as: UTF8.self)
        for key in ["data", "seq", "type", "v"] {
            let doubled = line.replacingOccurrences(of: #","prev":"#, with: ",\"\(key)\":" + (key == "data" ? #"{"text":"改"}"# : "1") + #","prev":"#)
            let error = try #require(throws: Event.LineError.self) { try Event(line: Array(doubled.utf8)) }
            #expect(error.reason.contains(#"the key "\#(key)" appears twice"#), "\(error)")
        }
    }

    @Test("invalid UTF-8 inside a string is refused")
    func invalidUTF8() {
        #expect(throws: JSONReader.Failure.self) { try JSONReader.parse([0x22, 0xE4, 0xB8, 0x22]) }
    }

    // MARK: - Time

    @Test("timestamps keep their offset and compare by instant")
    func timestamps() throws {
        let beijing = try #require(Timestamp(iso8601: "2026-11-29T09:00:00+08:00"))
        let utc = try #require(Timestamp(iso8601: "2026-11-29T01:00:00.000Z"))
        #expect(beijing.millis == utc.millis)
        #expect(beijing.iso8601 == "2026-11-29T09:00:00.000+08:00")
        #expect(utc.iso8601 == "2026-11-29T01:00:00.000Z")
        #expect(Timestamp(iso8601: "2024-02-29T23:59:59.999-05:30")?.iso8601 == "2024-02-29T23:59:59.999-05:30")
        #expect(Timestamp(iso8601: "1969-12-31T23:59:59.500Z")?.millis == -500)
        for bad in ["2026-02-29T00:00:00Z", "2026-13-01T00:00Z", "2026-11-29T24:00Z", "2026-11-29T09:00", "2026-11-29", "x"] {
            #expect(Timestamp(iso8601: bad) == nil, "\(bad)")
        }
    }

    @Test("times typed by a responder are read in the local offset")
    func momentText() {
        let now = Timestamp(iso8601: "2026-11-29T10:00:00+08:00")!
        #expect(MomentText.parse("09:30", now: now)?.iso8601 == "2026-11-29T09:30:00.000+08:00")
        #expect(MomentText.parse("23:00", now: now)?.iso8601 == "2026-11-28T23:00:00.000+08:00", "a clock time later than now means yesterday")
        #expect(MomentText.parse("2026-11-28 18:05", now: now)?.iso8601 == "2026-11-28T18:05:00.000+08:00")
        #expect(MomentText.parse("-90m", now: now)?.iso8601 == "2026-11-29T08:30:00.000+08:00")
        #expect(MomentText.parse("2h ago", now: now)?.iso8601 == "2026-11-29T08:00:00.000+08:00")
        #expect(MomentText.parse("1h30m前", now: now)?.iso8601 == "2026-11-29T08:30:00.000+08:00")
        #expect(MomentText.parse("2026-11-29T01:00:00Z", now: now)?.millis == Timestamp(iso8601: "2026-11-29T09:00:00+08:00")!.millis)
        #expect(MomentText.parse("yesterday", now: now) == nil)
    }

    @Test("durations as playbooks write them")
    func durations() {
        #expect(DurationText.seconds("4h") == 14_400)
        #expect(DurationText.seconds("1h30m") == 5400)
        #expect(DurationText.seconds("72h") == 259_200)
        #expect(DurationText.seconds("90s") == 90)
        for bad in ["", "4", "h", "4x", "-4h", "0m", "4 h", "４h", "99999999999h"] {
            #expect(DurationText.seconds(bad) == nil, "\(bad)")
        }
        #expect(DurationText.format(5400) == "1h30m")
        #expect(DurationText.clock(3 * 3600 + 59 * 60 + 12) == "3:59:12")
        #expect(DurationText.clock(-125) == "-0:02:05")
        #expect(DurationText.clock(29) == "0:00:29", "29 seconds left never reads as 29 minutes")
        #expect(DurationText.clock(2 * 86_400 + 3600) == "2d 01:00:00")
    }

    // MARK: - Ids

    @Test("only INC-/DRL-YYYYMMDD-NNN are incident ids", arguments: [
        ("INC-20261129-001", true), ("DRL-20261129-042", true), ("INC-20261129-000", false), ("INC-20261329-001", false),
        ("inc-20261129-001", false), ("INC-2026112-001", false), ("INC-20261129-0001", false), ("../INC-20261129-001", false),
        ("INC-20261129-001/..", false), ("INC-20261129-00１", false), ("", false), ("INC-20261129-001\n", false),
    ])
    func ids(_ text: String, _ valid: Bool) {
        #expect((IncidentId(text) != nil) == valid)
        if valid { #expect(IncidentId(text)?.description == text) }
    }

    @Test("a new id is built from the local date of the moment")
    func idFromDate() {
        let lateEvening = Timestamp(iso8601: "2026-11-29T23:30:00+08:00")!
        #expect(IncidentId(kind: .incident, on: lateEvening, number: 7).description == "INC-20261129-007")
        #expect(IncidentId(kind: .drill, on: lateEvening.shown(atOffset: 0), number: 12).description == "DRL-20261129-012")
        #expect(IncidentId(kind: .drill, on: lateEvening.shown(atOffset: 9 * 3600), number: 1).description == "DRL-20261130-001")
    }

    // MARK: - Text

    @Test("text shown on a terminal cannot carry escape sequences")
    func terminalSafe() {
        #expect("\u{1B}[2J清屏\u{7}".terminalSafe == "\u{FFFD}[2J清屏\u{FFFD}")
        #expect("两行\n文字".terminalSafe == "两行 文字")
        #expect("客户信息".terminalSafe == "客户信息")
        #expect("第一行\n\u{1B}]0;PWNED\u{7}第二行".terminalSafeLines == "第一行\n\u{FFFD}]0;PWNED\u{FFFD}第二行")
    }

    @Test("language follows CORDON_LANG, then the locale")
    func language() {
        #expect(Language.fromEnvironment(["LANG": "zh_CN.UTF-8"]) == .zh)
        #expect(Language.fromEnvironment(["LANG": "en_US.UTF-8"]) == .en)
        // A jump host's neutral locale names no language: Chinese, unless another variable names one.
        #expect(Language.fromEnvironment(["LANG": "C.UTF-8"]) == .zh)
        #expect(Language.fromEnvironment(["LC_ALL": "C", "LANG": "POSIX"]) == .zh)
        #expect(Language.fromEnvironment(["LC_ALL": "C.UTF-8", "LANG": "en_GB.UTF-8"]) == .en)
        #expect(Language.fromEnvironment(["LANG": "zh_CN.UTF-8", "LC_ALL": "en_US.UTF-8"]) == .en)
        #expect(Language.fromEnvironment(["LANG": "en_US.UTF-8", "CORDON_LANG": "zh"]) == .zh)
        #expect(Language.fromEnvironment([:]) == .zh)
    }
}
