/// The facts a notice states, each with where it came from, so a responder can see why a
/// notice says what it says and what is still missing.
///
/// Where each element comes from, first found wins:
/// - categories, people, records, confidence: the current scope assessment;
/// - cause: `cordon facts --cause`, else the standing root-cause findings;
/// - harm: `cordon facts --harm`, else the playbook's harm wording for each category in scope;
/// - measures: `cordon facts --measures`, else the `remedial:` wording of every step done;
/// - advice: `cordon facts --advice`, else the playbook's advice for each category in scope
///   followed by its general advice;
/// - contact: `cordon facts --contact`, else the playbook's `notice.contact`;
/// - company: `cordon facts --company`, else the playbook's `notice.company`;
public struct NoticeContent: Sendable {
    public enum Source: String, Sendable {
        case incident
        case scope
        case facts
        case findings
        case playbook
        case steps
        /// Not known yet: the notice shows a marker instead.
        case unknown
    }

    public struct Element: Sendable {
        /// The template variable: `cause`.
        public var name: String
        public var label: LocalizedText
        /// `nil` while unknown.
        public var value: String?
        public var source: Source
    }

    public var elements: [Element]
    public var language: Language

    public func element(_ name: String) -> Element? { elements.first { $0.name == name } }

    /// What the notice prints for `name`: its value, or `【待补充：原因】` / `[TO BE CONFIRMED: cause]`.
    public func text(_ name: String) -> String {
        guard let element = element(name) else { return "" }
        return element.value ?? NoticeContent.marker(element.label, language: language)
    }

    public static func marker(_ label: LocalizedText, language: Language) -> String {
        language == .zh ? "【待补充：\(label.zh)】" : "[TO BE CONFIRMED: \(label.en)]"
    }

    /// Every element that is still unknown.
    public var unknown: [Element] { elements.filter { $0.value == nil } }

    /// - Parameters:
    ///   - audience: whose last report `changes` and `last_report_at` count from (`regulator`).
    ///   - stage: the stage being drafted, for `{{stage}}`.
    ///   - includeAccountability: whether `responsibility` may state the accountability records.
    public static func resolve(
        playbook: Playbook, state: IncidentState, language: Language, now: Timestamp,
        audience: String? = nil, stage: ReportStage? = nil, includeAccountability: Bool = false
    ) -> NoticeContent {
        let separator = language == .zh ? "；" : "; "
        let scope = state.scope
        let categories = scope?.dataCategories ?? []
        let facts = state.noticeFacts
        let wording = categories.compactMap { playbook.notice.wording(for: $0.id) }
        func joined(_ parts: [String]) -> String? { parts.isEmpty ? nil : parts.joined(separator: separator) }
        func label(_ name: String) -> LocalizedText {
            NoticeVariables.all.first { $0.name == name }?.meaning ?? LocalizedText(name)
        }
        func element(_ name: String, _ candidates: (String?, Source)...) -> Element {
            for (value, source) in candidates {
                if let value { return Element(name: name, label: label(name), value: value, source: source) }
            }
            return Element(name: name, label: label(name), value: nil, source: .unknown)
        }
        func count(_ value: Int?) -> String? {
            guard let value else { return nil }
            let number = NumberText.grouped(value)
            guard scope?.confidence != .high else { return number }
            return language == .zh ? "约 \(number)" : "about \(number)"
        }
        let list = language == .zh ? "、" : ", "
        let sensitive: String? = categories.isEmpty ? nil
            : categories.filter(\.sensitive).map { $0.title[language] }.joined(separator: list).nonEmpty ?? (language == .zh ? "无" : "none")
        let rootCauses = state.findings.filter { $0.kind == .rootCause && !$0.isWithdrawn }.map(\.text)
        let remedial = playbook.allSteps.compactMap { entry in
            state.stepState(entry.step.id) == .done ? entry.step.remedial?[language] : nil
        }
        let advice = wording.compactMap { $0.advice?[language] } + [playbook.notice.advice?[language]].compactMap { $0 }
        let individualMeasures = wording.compactMap { $0.individualMeasures?[language] } + [playbook.notice.individualMeasures?[language]].compactMap { $0 }
        let times = state.times
        let occurred = state.findings.filter { !$0.isWithdrawn }.compactMap(\.occurredAt).min()
        let lastReport = audience.flatMap { audience in state.notices.last { $0.audience == audience } }
        let record = RecordNarrative(state: state, playbook: playbook, language: language)

        return NoticeContent(elements: [
            element("id", (state.id, .incident)),
            element("title", (state.title, .incident)),
            element("company", (facts.company, .facts), (playbook.notice.company?[language], .playbook)),
            element("detected_at", (state.times.minuteWithLabel(state.detectedAt, language: language), .incident)),
            element("declared_at", (state.times.minuteWithLabel(state.declaredAt, language: language), .incident)),
            element("drafted_at", (state.times.minuteWithLabel(now, language: language), .incident)),
            element("drafted_on", (state.times.letterDate(now, language: language), .incident)),
            element("severity", (state.severity?.title[language], .incident)),
            element("categories", (categories.isEmpty ? nil : categories.map { $0.title[language] }.joined(separator: list), .scope)),
            element("sensitive_categories", (sensitive, .scope)),
            element("people", (count(scope?.people), .scope)),
            element("records", (count(scope?.records), .scope)),
            element("confidence", (scope?.confidence?.title[language], .scope)),
            element("cause", (facts.cause, .facts), (joined(rootCauses), .findings)),
            element("harm", (facts.harm, .facts), (joined(wording.compactMap { $0.harm?[language] }), .playbook)),
            element("measures", (facts.measures, .facts), (joined(remedial), .steps)),
            element("advice", (facts.advice, .facts), (joined(advice), .playbook)),
            element("contact", (facts.contact, .facts), (playbook.notice.contact?[language], .playbook)),
            element("system", (facts.system, .facts)),
            element("incident_type", (playbook.notice.incidentType?[language], .playbook)),
            element("occurred_at", (occurred.map { times.minuteWithLabel($0, language: language) }, .findings)),
            element("individual_measures", (joined(individualMeasures), .playbook)),
            element("stage", (stage?.title[language], .incident)),
            element("last_report_at", (lastReport.map { times.minuteWithLabel($0.at, language: language) }, .incident)),
            element("changes", (lastReport.map { record.changes(since: $0.seq) }, .incident)),
            element("handling", (record.handling(measures: facts.measures ?? joined(remedial)), .incident)),
            element("responsibility", (includeAccountability ? record.responsibility() : nil, .incident)),
            element("rectification", (record.rectification(), .incident)),
            element("lessons", (facts.lessons, .facts)),
        ], language: language)
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
