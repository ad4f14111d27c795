import CordonCore
import CordonTestSupport
import Testing

/// Every step action from every step state, as a table: what is recorded, or which refusal.
@Suite("Step transitions")
struct StepTransitionTests {
    enum Outcome: CustomStringConvertible {
        case records(String)
        case refused(String)

        var description: String {
            switch self {
            case .records(let type): "records \(type)"
            case .refused(let code): "refused \(code)"
            }
        }
    }

    struct Row: CustomTestStringConvertible, Sendable {
        var from: StepState
        var action: StepAction
        var reason: String?
        var expected: String

        var testDescription: String { "\(from) + \(action)\(reason == nil ? "" : " (reason)") → \(expected)" }
    }

    static let rows: [Row] = [
        Row(from: .pending, action: .start, expected: "step.started"),
        Row(from: .pending, action: .done, expected: "step.completed"),
        Row(from: .pending, action: .skip, reason: "不适用", expected: "step.skipped"),
        Row(from: .pending, action: .skip, expected: "refused reason-required"),
        Row(from: .pending, action: .block, reason: "等待供应商", expected: "step.blocked"),
        Row(from: .pending, action: .block, expected: "refused reason-required"),
        Row(from: .pending, action: .reopen, expected: "refused step-not-settled"),
        Row(from: .active, action: .start, expected: "refused step-already-active"),
        Row(from: .active, action: .done, expected: "step.completed"),
        Row(from: .active, action: .skip, reason: "r", expected: "step.skipped"),
        Row(from: .active, action: .block, reason: "r", expected: "step.blocked"),
        Row(from: .active, action: .reopen, expected: "refused step-not-settled"),
        Row(from: .done, action: .start, expected: "refused step-settled"),
        Row(from: .done, action: .done, expected: "refused step-settled"),
        Row(from: .done, action: .skip, reason: "r", expected: "refused step-settled"),
        Row(from: .done, action: .block, reason: "r", expected: "refused step-settled"),
        Row(from: .done, action: .reopen, expected: "step.reopened"),
        Row(from: .skipped, action: .start, expected: "refused step-settled"),
        Row(from: .skipped, action: .done, expected: "refused step-settled"),
        Row(from: .skipped, action: .reopen, reason: "需要补做", expected: "step.reopened"),
        Row(from: .blocked, action: .start, expected: "step.started"),
        Row(from: .blocked, action: .done, expected: "step.completed"),
        Row(from: .blocked, action: .skip, reason: "r", expected: "step.skipped"),
        Row(from: .blocked, action: .block, reason: "r", expected: "refused step-already-blocked"),
        Row(from: .blocked, action: .reopen, expected: "step.reopened"),
    ]

    @Test(arguments: rows)
    func transition(_ row: Row) throws {
        let journal = MemoryJournal()
        try bring(journal, step: "isolate", to: row.from)
        #expect(journal.state.stepState("isolate") == row.from)

        let decision = IncidentRules.decide(.step("isolate", row.action, reason: row.reason), state: journal.state, playbook: journal.playbook)
        switch decision {
        case .accept(let drafts):
            #expect(drafts.map(\.type) == [row.expected])
            #expect(drafts.first?.data.string("step") == "isolate")
            #expect(drafts.first?.data.string("reason") == row.reason)
        case .refuse(let refusal):
            #expect("refused \(refusal.code)" == row.expected)
            #expect(!refusal.message.zh.isEmpty && !refusal.message.en.isEmpty)
        }
    }

    @Test("the fold puts the step where the event says")
    func foldFollowsEvents() throws {
        let journal = MemoryJournal()
        for (action, reason, expected) in [
            (StepAction.start, nil, StepState.active), (.block, "等待日志", .blocked), (.done, nil, .done),
            (.reopen, "证据不全", .pending), (.skip, "由外包商完成", .skipped),
        ] as [(StepAction, String?, StepState)] {
            try journal.perform(.step("preserve", action, reason: reason))
            #expect(journal.state.stepState("preserve") == expected)
            #expect(journal.state.steps["preserve"]?.reason == reason)
        }
    }

    @Test("an unknown step is refused with a pointer to the step ids")
    func unknownStep() {
        let journal = MemoryJournal()
        let refusal = IncidentRules.decide(.step("isolte", .done), state: journal.state, playbook: journal.playbook).refusal
        #expect(refusal?.code == "unknown-step")
        #expect(refusal?.message.en.contains("cordon status INC-20261129-001") == true)
    }

    @Test("a whitespace-only reason counts as none")
    func blankReason() {
        let journal = MemoryJournal()
        let refusal = IncidentRules.decide(.step("watch", .skip, reason: "   \n"), state: journal.state, playbook: journal.playbook).refusal
        #expect(refusal?.code == "reason-required")
    }

    /// Applies the actions that lead from pending to `target`.
    private func bring(_ journal: MemoryJournal, step: String, to target: StepState) throws {
        switch target {
        case .pending: break
        case .active: try journal.perform(.step(step, .start))
        case .done: try journal.perform(.step(step, .done))
        case .skipped: try journal.perform(.step(step, .skip, reason: "setup"))
        case .blocked: try journal.perform(.step(step, .block, reason: "setup"))
        }
    }
}
