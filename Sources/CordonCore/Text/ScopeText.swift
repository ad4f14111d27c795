/// A scope estimate in one line: `身份证号、手机号；31,000 人 / 48,000 条（把握：中）`.
public enum ScopeText {
    public static func line(_ scope: ScopeAssessment, language: Language) -> String {
        line(categories: scope.categories, people: scope.people, records: scope.records, confidence: scope.confidence, language: language)
    }

    static func line(categories ids: [String], people: Int?, records: Int?, confidence: Confidence?, language: Language) -> String {
        let categories = ids.map { id in DataCategory.named(id)?.title[language] ?? id }
        let people = people.map(NumberText.grouped)
        let records = records.map(NumberText.grouped)
        let sure = confidence?.title[language]
        if language == .zh {
            var line = categories.isEmpty ? "类别未定" : categories.joined(separator: "、")
            line += "；\(people.map { "\($0) 人" } ?? "人数未知") / \(records.map { "\($0) 条" } ?? "记录数未知")"
            if let sure { line += "（把握：\(sure)）" }
            return line
        }
        var line = categories.isEmpty ? "categories unknown" : categories.joined(separator: ", ")
        line += "; \(people.map { "\($0) people" } ?? "people unknown") / \(records.map { "\($0) records" } ?? "records unknown")"
        if let sure { line += " (confidence: \(sure))" }
        return line
    }
}
