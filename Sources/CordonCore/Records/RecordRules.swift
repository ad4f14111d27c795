import Foundation

/// The rules for records of the investigation and its aftermath. Like `IncidentRules`, they
/// answer with events or a refusal that says what to do, and never mutate anything.
///
/// On a closed incident only improvement-action updates, evidence hand-overs and checks, and
/// notice facts pass: actions and custody outlive the response, and a notice can still be owed after it
/// (notices sent are recorded on closed incidents too).
public enum RecordRules {
    public static func decide(_ command: RecordCommand, state: IncidentState, playbook: Playbook) -> Decision {
        func stillOpen() throws(Refusal) {
            if let refusal = IncidentRules.refuseIfClosed(state) { throw refusal }
        }
        do throws(Refusal) {
            switch command {
            case .transferEvidence(let id, let to, let reason):
                return .accept(try EvidenceRules.transfer(id, to: to, reason: reason, state: state))
            case .checkEvidence(let id, let found, let started):
                return .accept(try EvidenceRules.check(id, found: found, started: started, state: state))
            case .updateAction(let change):
                return .accept(try ActionRules.update(change, state: state))
            case .addEvidence(let input):
                try stillOpen()
                return .accept(try EvidenceRules.add(input, state: state))
            case .assessScope(let input):
                try stillOpen()
                return .accept(try ScopeRules.assess(input, state: state))
            case .addFinding(let input):
                try stillOpen()
                return .accept(try FindingRules.add(input, state: state))
            case .withdrawFinding(let id, let reason):
                try stillOpen()
                return .accept(try FindingRules.withdraw(id, reason: reason, state: state))
            case .addAccountability(let input):
                try stillOpen()
                return .accept(try AccountabilityRules.add(input, state: state))
            case .withdrawAccountability(let id, let reason):
                try stillOpen()
                return .accept(try AccountabilityRules.withdraw(id, reason: reason, state: state))
            case .addAction(let input):
                // An ended drill's debrief is where its improvement actions come from; they
                // change nothing it was scored on.
                if state.drill?.hasEnded != true { try stillOpen() }
                return .accept(try ActionRules.add(input, state: state))
            case .setNoticeFacts(let facts):
                return .accept(try NoticeFactsRules.record(facts, state: state))
            }
        } catch {
            return .refuse(error)
        }
    }

    /// The registered evidence `reference` names and its file, or the refusal that says why it
    /// cannot be checked (unknown, or a described item with no file). For the command line, so
    /// it refuses before hashing anything.
    public static func evidenceToCheck(_ reference: String, in state: IncidentState) throws(Refusal) -> (EvidenceRecord, EvidenceFile) {
        let item = try EvidenceRules.find(reference, in: state)
        guard let file = item.file else {
            throw Refusal(
                "evidence-not-a-file", zh: "\(item.id) 是实物或描述，没有可校验的文件。",
                en: "\(item.id) is a description, with no file to check.")
        }
        return (item, file)
    }

    // MARK: - Shared

    /// The id the next record of a kind gets: `E3` after `E1` and `E2`.
    static func nextId(_ prefix: String, after existing: [String]) -> String {
        // An id past a billion can only come from an edited timeline; it must not trap the count.
        let highest = existing.compactMap { Int($0.dropFirst(prefix.count)) }.filter { (0..<1_000_000_000).contains($0) }.max() ?? 0
        return "\(prefix)\(highest + 1)"
    }

    /// `E1` from `E1`, `e1` or `1`, so that a responder can type a reference any of these ways.
    public static func normalizedId(_ text: String, prefix: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.uppercased().hasPrefix(prefix) ? trimmed.dropFirst(prefix.count) : Substring(trimmed)
        guard let number = Int(digits), number > 0 else { return trimmed }
        return "\(prefix)\(number)"
    }

    /// The cleaned text of a field a person must fill, or the refusal that asks for it.
    static func required(_ text: String?, _ code: String, zh: String, en: String) throws(Refusal) -> String {
        guard let cleaned = IncidentRules.clean(text) else { throw Refusal(code, zh: zh, en: en) }
        if let refusal = IncidentRules.refuseIfTooLong(cleaned) { throw refusal }
        return cleaned
    }

    /// A person's name a field must hold, held to the limits of `TextLimits.name`.
    static func requiredName(_ text: String?, _ code: String, field: LocalizedText, zh: String, en: String) throws(Refusal) -> String {
        guard let name = try TextLimits.name(text, field: field) else { throw Refusal(code, zh: zh, en: en) }
        return name
    }

    /// A title a field must hold, held to the limits of `TextLimits.title`.
    static func requiredTitle(_ text: String?, _ code: String, zh: String, en: String) throws(Refusal) -> String {
        guard let title = try TextLimits.title(text) else { throw Refusal(code, zh: zh, en: en) }
        return title
    }

    /// The cleaned text of an optional field, refused only when it is too long.
    static func optional(_ text: String?) throws(Refusal) -> String? {
        let cleaned = IncidentRules.clean(text)
        if let refusal = IncidentRules.refuseIfTooLong(cleaned) { throw refusal }
        return cleaned
    }

    /// A reason for withdrawing something; the record stays, so the reason must say why.
    static func reason(_ text: String?) throws(Refusal) -> String {
        try required(text, "reason-required", zh: "撤回需要说明原因：加上 --reason \"…\"。", en: "Withdrawing needs a reason: add --reason \"…\"")
    }
}
