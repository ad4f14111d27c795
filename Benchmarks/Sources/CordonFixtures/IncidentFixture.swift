import CordonCore
import CordonStore

/// A long incident written through the real store: declared with `IncidentStore.declare`, then
/// worked by a seeded team of responders whose commands go through `IncidentRules.decide` and
/// `IncidentSession.record`, so every line is stamped, chained, written and synced as a real
/// command's would be. The same seed gives the same incident.
///
/// The mix is a long, busy response: mostly notes in Chinese and English (about 70%), step work
/// in the current phase, role changes, and records that grow as a real investigation's do, far
/// slower than its notes: up to 200 pieces of evidence and 300 hand-overs, 100 findings, 60
/// improvement actions and 300 updates to them, 30 scope estimates, 12 gradings, 20 notices;
/// the phases advance at fixed points. Commands are
/// recorded `batch` at a time (one write and one `fsync` per batch, all stamped with the
/// batch's time) so a 100,000-event incident takes seconds rather than 100,000 syncs.
///
///     let session = try IncidentFixture(events: 100_000).write(to: store, playbook: loaded)
public struct IncidentFixture: Sendable {
    public var events: Int
    public var seed: UInt64
    public var batch: Int
    /// When the incident is declared.
    public var start: Timestamp

    public init(events: Int, seed: UInt64 = 2026, batch: Int = 25, start: Timestamp = Timestamp(iso8601: "2026-11-29T09:00:00.000+08:00")!) {
        self.events = max(1, events)
        self.seed = seed
        self.batch = max(1, batch)
        self.start = start
    }

    /// The title a fixture of `events` events is declared with, by which it is found again.
    public static func title(events: Int) -> String { "催收外包商客户名单外泄（\(events) 条记录的基准事件）" }

    private static let team = ["zhangwei", "lina", "wangfang", "liuyang", "chenjing", "zhaolei"]

    /// Declares the incident in `store` and records events until its timeline has `events` lines.
    @discardableResult
    public func write(to store: IncidentStore, playbook: LoadedPlaybook) throws -> IncidentSession {
        let title = Self.title(events: events)
        var random = SeededGenerator(seed: seed)
        let clock = ManualClock(start)
        let stamp = Stamp(actor: Self.team[0], clock: clock)
        let session = try store.declare(Declaration(playbook: playbook, title: title, severity: .serious), stamp: stamp)
        var script = ResponseScript(playbook: playbook.playbook, target: events)
        while session.state.lastSeq < events {
            clock.advance(seconds: Int.random(in: 5...900, using: &random))
            session.stamp.actor = Self.team.randomElement(using: &random)!
            session.stamp.onBehalfOf = random.chance(10) ? "李娜" : nil
            let room = min(batch, events - session.state.lastSeq)
            let now = clock.now()
            let actor = session.stamp.actor
            try session.record { state in
                var local = state
                var drafts: [EventDraft] = []
                var attempts = 0
                while drafts.count < room, attempts < room * 20 {
                    attempts += 1
                    let command = script.next(local, now: now, random: &random)
                    guard case .accept(let new) = IncidentRules.decide(command, state: local, playbook: playbook.playbook),
                          drafts.count + new.count <= room
                    else { continue }
                    for draft in new {
                        local.apply(Event(seq: local.lastSeq + 1, ts: now, actor: actor, type: draft.type, data: draft.data, prev: Event.genesisHash))
                    }
                    drafts += new
                }
                return .accept(drafts)
            }
        }
        return session
    }
}

/// What the seeded team does next, given where the incident stands.
struct ResponseScript {
    let playbook: Playbook
    let target: Int
    private var phasesAdvanced = 0
    private var custodyChanges = 0
    private var actionUpdates = 0

    init(playbook: Playbook, target: Int) {
        self.playbook = playbook
        self.target = target
    }

    private static let notesZH = [
        "已联系外包商关闭 SFTP 账号", "法务已通知网信办值班室", "安全组确认日志保全完毕，哈希已登记",
        "暗网监测发现疑似售卖帖，链接已截图存证", "核对泄露样本与生产库字段一致，含手机号和身份证号",
        "外包商提交情况说明，待法务审阅", "数据室访问记录导出完成", "客服热线新增应答口径",
        "风控确认近 24 小时无异常批量查询", "与买方律师沟通，对方同意删除已下载文件并出具书面确认",
        "运维轮换了数据库只读账号口令", "网信办来电询问进展，已按口径答复", "公安网安支队受理报案",
    ]
    private static let notesEN = [
        "Vendor confirms the SFTP account was disabled", "Access logs pulled from the data room",
        "Sample matches production fields: phone and ID number", "Support script updated for inbound calls",
        "No unusual bulk queries in the last 24 hours", "Read-only database credentials rotated",
        "Regulator called for an update; answered with the agreed lines",
    ]

    mutating func next(_ state: IncidentState, now: Timestamp, random: inout SeededGenerator) -> Command {
        let progress = state.lastSeq * (playbook.phases.count + 1) / max(1, target)
        if progress > phasesAdvanced, phasesAdvanced < playbook.phases.count - 1 {
            phasesAdvanced += 1
            return .advance(force: true, reason: "第 \(phasesAdvanced) 阶段工作已移交常态跟进")
        }
        let roll = Int.random(in: 0..<1000, using: &random)
        let n = state.lastSeq
        switch roll {
        case 0..<690:
            var text = random.chance(70) ? Self.notesZH.randomElement(using: &random)! : Self.notesEN.randomElement(using: &random)!
            if random.chance(60) { text += "（工单 OPS-\(10_000 + n % 9_000)）" }
            if random.chance(25) { text += " 下一步：复核并在 \(Int.random(in: 1...12, using: &random)) 小时内回报指挥。" }
            return .note(text)
        case 690..<820:
            let steps = playbook.phase(state.phase)?.steps ?? []
            guard let step = steps.randomElement(using: &random) else { return .note("进展更新 \(n)") }
            let actions: [StepAction] = [.start, .done, .block, .reopen]
            let action = actions.randomElement(using: &random)!
            return .step(step.id, action, reason: action == .block || action == .reopen ? "等待外包商回复，编号 \(n)" : nil)
        case 820..<870:
            let role = playbook.roles.randomElement(using: &random)!
            return .assign(role: role.id, person: ["张伟", "李娜", "王芳", "刘洋", "陈静", "赵磊"].randomElement(using: &random)!)
        case 870..<905 where state.evidence.count < 200:
            return .record(.addEvidence(EvidenceInput(description: "访问日志导出 批次 \(n)，已封存", origin: "data-room", custodian: "安全组")))
        case 905..<925 where !state.evidence.isEmpty && custodyChanges < 300:
            custodyChanges += 1
            let item = state.evidence.randomElement(using: &random)!
            return .record(.transferEvidence(id: item.id, to: ["法务部", "安全组", "外部鉴定机构"].randomElement(using: &random)!, reason: "移交复核"))
        case 925..<950 where state.findings.count < 100:
            let kind = Finding.Kind.allCases.randomElement(using: &random)!
            return .record(.addFinding(FindingInput(kind: kind, text: "外包商账号在 \(n % 24) 时批量下载客户表", occurredAt: kind == .timeline ? now : nil)))
        case 950..<965 where state.actions.count < 60:
            return .record(.addAction(ActionInput(title: "为外包商访问增加审批与水印（\(n)）", owner: "王芳", due: DueDate(year: 2027, month: 1 + n % 12, day: 1 + n % 28)!)))
        case 965..<980 where !state.actions.isEmpty && actionUpdates < 300:
            actionUpdates += 1
            let action = state.actions.randomElement(using: &random)!
            return .record(.updateAction(ActionChange(id: action.id, status: [.open, .inProgress, .done].randomElement(using: &random)!, note: "进度更新")))
        case 980..<990 where state.scopeHistory.count < 30:
            let records = 10_000 + Int.random(in: 0...90_000, using: &random)
            return .record(.assessScope(ScopeInput(categories: [DataCategory.all[0], DataCategory.all[2]], records: records, people: records / 3, confidence: .medium, basis: "样本比对")))
        case 990..<995 where state.severityHistory.count < 12:
            return .classify(Severity.allCases.randomElement(using: &random)!, reason: "根据最新范围评估调整")
        case 995..<1000 where state.notices.count < 20:
            return .notify(audience: ["regulator", "nfra", "police"].randomElement(using: &random)!, channel: "电话", reference: "REF-\(n)")
        default:
            return .note("进展更新 \(n)：继续监测")
        }
    }
}

extension SeededGenerator {
    /// `true` with probability `percent`/100.
    mutating func chance(_ percent: Int) -> Bool {
        Int.random(in: 0..<100, using: &self) < percent
    }
}
