import CordonCore

/// A seeded responder that picks commands at random from what an incident allows: notes with
/// awkward text (quotes, backslashes, newlines, CJK, emoji), step work, roles, grading, phase
/// changes, notices and records. Some of its commands are refused, as some of a person's are.
/// The same seed picks the same commands for the same states.
///
///     var responder = RandomResponder(seed: 7, playbook: playbook)
///     try? session.perform(responder.next(session.state))
public struct RandomResponder {
    public let playbook: Playbook
    private var random: SeededGenerator

    public init(seed: UInt64, playbook: Playbook) {
        self.playbook = playbook
        random = SeededGenerator(seed: seed)
    }

    private static let fragments = [
        "已联系外包商", "法务已通知网信办", "quote \" and backslash \\", "line\nbreak", "tab\there", "😀 emoji",
        "SFTP 账号已关闭", "control \u{01} byte", "  spaced  ", "李娜", "Preserve evidence first",
    ]

    public mutating func draw(_ range: ClosedRange<Int>) -> Int { random.draw(range) }

    private mutating func pick<T>(_ items: [T]) -> T { items[random.draw(0...items.count - 1)] }

    private mutating func text() -> String {
        (0..<random.draw(1...3)).map { _ in pick(Self.fragments) }.joined(separator: " ")
    }

    public mutating func next(_ state: IncidentState) -> Command {
        let steps = playbook.phases.flatMap(\.steps)
        switch random.draw(0...99) {
        case 0..<40:
            return .note(text())
        case 40..<62:
            let step = pick(steps)
            return .step(step.id, pick(StepAction.allCases), reason: random.draw(0...1) == 0 ? text() : nil)
        case 62..<68:
            return .assign(role: pick(playbook.roles).id, person: pick(["张伟", "李娜", "wang"]))
        case 68..<72:
            return .classify(pick(Severity.allCases), reason: text())
        case 72..<75:
            return .advance(force: true, reason: text())
        case 75..<78:
            return .notify(audience: pick(["regulator", "individuals", "police"]), channel: "电话", reference: nil)
        case 78..<82:
            return .record(.addEvidence(EvidenceInput(description: text(), custodian: pick(["安全组", "法务"]))))
        case 82..<84:
            let files = state.evidence.filter { $0.file != nil }
            guard !files.isEmpty, random.draw(0...2) > 0 else {
                let name = "export-\(random.draw(1...999)).csv"
                let file = EvidenceFile(path: "/srv/evidence/" + name, name: name, sha256: String(repeating: "ab", count: 32), size: random.draw(0...1_000_000))
                return .record(.addEvidence(EvidenceInput(file: file, origin: text(), custodian: pick(["安全组", "法务"]))))
            }
            let item = pick(files)
            var file = item.file!
            var found = EvidenceObservation.read(file)
            switch random.draw(0...2) {
            case 0:
                file.sha256 = String(repeating: "cd", count: 32)
                found = .read(file)
            case 1: found = .unreadable(LocalizedText(zh: "文件不存在", en: "the file does not exist"))
            default: break
            }
            return .record(.checkEvidence(id: item.id, found: found, started: state.lastEventAt))
        case 84..<88:
            let id = state.evidence.isEmpty ? "E1" : pick(state.evidence).id
            return .record(.transferEvidence(id: id, to: pick(["法务", "鉴定机构"]), reason: text()))
        case 88..<92:
            let kind = pick(Finding.Kind.allCases)
            return .record(.addFinding(FindingInput(kind: kind, text: text(), occurredAt: kind == .timeline ? state.lastEventAt : nil)))
        case 92..<95:
            return .record(.addAction(ActionInput(title: text(), owner: "王芳", due: DueDate(year: 2027, month: random.draw(1...12), day: random.draw(1...28))!)))
        case 95..<97:
            let id = state.actions.isEmpty ? "A1" : pick(state.actions).id
            return .record(.updateAction(ActionChange(id: id, status: pick(ActionStatus.allCases), note: text())))
        default:
            let records = random.draw(0...100_000)
            return .record(.assessScope(ScopeInput(categories: [pick(DataCategory.all)], records: records, people: records / 2, confidence: pick(Confidence.allCases), basis: text())))
        }
    }
}
