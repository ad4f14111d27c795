import CordonCore
import Foundation

/// Small, fixed inputs shared by the test targets.
public enum Fixtures {
    /// 2026-11-29 09:00:00 in Beijing time.
    public static let start = Timestamp(iso8601: "2026-11-29T09:00:00.000+08:00")!

    /// A three-phase playbook small enough to reason about in a test.
    public static let playbook = Playbook(
        id: "mini",
        version: 1,
        title: LocalizedText(zh: "小剧本", en: "Mini playbook"),
        roles: [
            Role(id: "commander", title: LocalizedText(zh: "应急指挥", en: "Incident commander")),
            Role(id: "legal", title: LocalizedText(zh: "法务合规", en: "Legal")),
        ],
        phases: [
            Phase(id: "containment", title: LocalizedText(zh: "遏制", en: "Containment"), steps: [
                Step(id: "isolate", title: LocalizedText(zh: "隔离泄露源", en: "Isolate the source"), role: "commander", required: true),
                Step(id: "preserve", title: LocalizedText(zh: "保全证据", en: "Preserve evidence"), role: "commander", required: true),
                Step(id: "watch", title: LocalizedText(zh: "监测售卖", en: "Watch sale channels"), role: "commander"),
            ]),
            Phase(id: "notification", title: LocalizedText(zh: "通报", en: "Notification"), steps: [
                Step(id: "notify-regulator", title: LocalizedText(zh: "报告网信部门", en: "Report to the CAC"), role: "legal", required: true, notice: "regulator"),
            ]),
            Phase(id: "improvement", title: LocalizedText(zh: "改进", en: "Improvement"), steps: [
                Step(id: "lessons", title: LocalizedText(zh: "复盘", en: "Lessons learned"), role: "commander", required: true),
            ]),
        ],
        deadlines: [
            Deadline(
                id: "cac-report", title: LocalizedText(zh: "向网信部门报告", en: "Report to the CAC"), anchor: .classified,
                within: 4 * 3600, minimumSeverity: .serious, metBy: "notify-regulator", cite: "网络安全事件报告管理办法 第四条"),
            Deadline(
                id: "contain", title: LocalizedText(zh: "内部遏制目标", en: "Internal containment target"), anchor: .detected,
                within: 3600, metBy: "isolate", cite: "internal policy"),
        ]
    )

    /// The declaration event of an incident on `playbook`.
    public static func declaration(
        id: String = "INC-20261129-001", title: String = "测试事件", severity: Severity? = nil,
        at moment: Timestamp = start, detectedAt: Timestamp? = nil, playbook: Playbook = playbook
    ) -> Event {
        var data: JSONObject = [
            "id": .string(id), "title": .string(title), "playbook": .string(playbook.id),
            "playbook_version": .int(playbook.version), "phase": .string(playbook.phases[0].id),
            "detected_at": .string((detectedAt ?? moment).iso8601), "drill": .bool(id.hasPrefix("DRL")),
        ]
        if let severity { data["severity"] = .string(severity.rawValue) }
        return Event(seq: 1, ts: moment, actor: "tester", type: EventType.declared, data: data, prev: Event.genesisHash)
    }
}

extension Fixtures {
    /// The checkout's folder, for tests that read the bundled playbooks.
    public static let repository: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The bundled `playbooks/pi-leak.yaml`, as a new team would run it.
    public static var bundledPlaybookPath: String { repository + "/playbooks/pi-leak.yaml" }
}
