import CordonCore

/// A report as one JSON document: each section's data under its id, in report order.
///
///     {"report":"cordon-after-action","format_version":1,"id":"INC-…","language":"zh",
///      "generated_at":"…","redacted":false,"sections":{"summary":{…},"metrics":{…},…}}
public enum JSONRenderer {
    public static let formatVersion = 1

    public static func render(_ report: Report) -> String {
        let id = report.section("summary")?.data.object?.string("id")
        let document: JSONObject = [
            "report": "cordon-after-action",
            "format_version": .int(formatVersion),
            "id": id.map { .string($0) } ?? .null,
            "title": .string(report.title),
            "language": .string(report.language.rawValue),
            "generated_at": .string(report.generatedAt.iso8601),
            "redacted": .bool(report.redacted),
            "sections": .object(JSONObject(report.sections.map { (key: $0.id, value: $0.data) })),
        ]
        return JSONWriter.string(.object(document)) + "\n"
    }
}
