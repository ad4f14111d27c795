import CordonCore
import CordonStore
import CordonTestSupport
@testable import CordonTUI

/// Inputs for the record forms' tests: a playbook with grading thresholds, a stand-in for the
/// driver's file hashing, and records written by a colleague.
enum RecordsFixture {
    /// The mini playbook with thresholds like the bundled one: sensitive data of 10,000 people
    /// suggests serious, a million people major (a threshold legal must confirm).
    static let playbook: Playbook = {
        var playbook = Fixtures.playbook
        playbook.grading = [
            GradingRule(severity: .serious, peopleAtLeast: 10_000, sensitive: true, cite: "本公司政策：敏感个人信息 1 万人以上至少定为较大"),
            GradingRule(severity: .major, peopleAtLeast: 1_000_000, cite: "分级指南：100 万人以上为重大", verify: true),
        ]
        return playbook
    }()

    static let hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

    /// Hashes as the driver would, without touching the disk and at once: `logs/access.log`
    /// exists, nothing else.
    static func hashJob(_ path: String) -> any EvidenceHashJob {
        let job = HashJobStandIn(total: 2048)
        guard path == "logs/access.log" else {
            job.finish(.failure(StoreError("evidence-unreadable", zh: "找不到证据文件 \(path)；未记录。请检查路径。", en: "The evidence file \(path) cannot be found; nothing was recorded. Check the path.")))
            return job
        }
        job.finish(.success(EvidenceFile(path: "/srv/incident/logs/access.log", name: "access.log", sha256: hash, size: 2048)))
        return job
    }
}

/// Hashing as the driver runs it off the loop, moved on by the test: it reports what the test
/// says and finishes when the test says, so nothing sleeps or races.
final class HashJobStandIn: EvidenceHashJob {
    var progress: HashProgress
    private(set) var isCancelled = false
    private var finished: Result<EvidenceFile, any Error>?
    /// Finishes with `outcome` by itself once looked at `looks` times, as the loop does between frames.
    private var scheduled: (looks: Int, outcome: Result<EvidenceFile, any Error>)?

    init(total: Int64) {
        progress = HashProgress(hashed: 0, total: total)
    }

    var outcome: Result<EvidenceFile, any Error>? {
        if let (looks, outcome) = scheduled {
            scheduled = looks <= 1 ? nil : (looks - 1, outcome)
            if looks <= 1 { finish(outcome) }
        }
        return finished
    }

    func finish(_ outcome: Result<EvidenceFile, any Error>) {
        progress.hashed = progress.total
        finished = outcome
    }

    func finish(_ outcome: Result<EvidenceFile, any Error>, afterLooks looks: Int) {
        scheduled = (looks, outcome)
    }

    func cancel() { isCancelled = true }
}

extension ConsoleFixture {
    /// A console on the graded playbook whose program hashes through `RecordsFixture`.
    static func records(language: Language = .zh, size: Size = Size(width: 100, height: 30), severity: Severity? = nil) -> ConsoleFixture {
        let console = ConsoleFixture(language: language, size: size, severity: severity, playbook: RecordsFixture.playbook)
        console.program.hashEvidence = RecordsFixture.hashJob
        return console
    }

    /// Records `command` as a colleague at another terminal, and lets the console read it.
    func recordElsewhere(_ command: RecordCommand, actor: String = "lina") {
        let drafts = RecordRules.decide(command, state: journal.state, playbook: journal.playbook).events!
        journal.appendFromElsewhere(drafts, actor: actor)
        program.refresh()
    }

    /// An investigation under way: two items of evidence, a scope, two findings, an
    /// accountability entry resting on the root cause, and an action.
    func investigate() {
        recordElsewhere(.addEvidence(EvidenceInput(
            file: EvidenceFile(path: "/srv/export/sftp-access.log", name: "sftp-access.log", sha256: RecordsFixture.hash, size: 48_213),
            origin: "外包商 SFTP 服务器", custodian: "王芳")))
        recordElsewhere(.addEvidence(EvidenceInput(description: "封存的外包商笔记本电脑", custodian: "李明")))
        recordElsewhere(.assessScope(ScopeInput(
            categories: [DataCategory.named("id-number")!, DataCategory.named("phone")!, DataCategory.named("loan-record")!],
            records: 48_000, people: 31_000, confidence: .medium, basis: "按导出文件行数统计")))
        recordElsewhere(.addFinding(FindingInput(kind: .rootCause, text: "外包商共享账号未启用双因素认证", evidence: ["E1"])))
        recordElsewhere(.addFinding(FindingInput(kind: .timeline, text: "攻击者经 SFTP 导出催收名单", occurredAt: Fixtures.start.adding(seconds: -36_000), evidence: ["E1"])))
        recordElsewhere(.addAccountability(AccountabilityInput(person: "张伟", duty: "未执行外包账号审批制度", finding: "F1", measure: "通报批评，扣减季度绩效")))
        recordElsewhere(.addAction(ActionInput(title: "外包商账号启用双因素认证", owner: "李明", due: DueDate(year: 2026, month: 12, day: 31)!, finding: "F1")))
    }
}
