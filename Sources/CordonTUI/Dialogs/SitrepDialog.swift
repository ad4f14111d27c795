import CordonCore

/// The situation report for management as it stands now, to read out or copy; recording that
/// it went out is `cordon sitrep ID --channel …`, which keeps its text with its SHA-256.
struct SitrepDialog: ReadingDialog {
    var scroll = 0

    func title(_ language: Language) -> String { language == .zh ? "态势报告（草稿）" : "Situation report (draft)" }

    func paragraphs(model: AppModel) -> [(String, Style)] {
        guard let console = model.console else { return [] }
        let state = console.incident
        let draft = Sitrep.draft(playbook: console.playbook, state: state, now: state.local(model.now), language: model.language)
        var out: [(String, Style)] = draft.body.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            (String(line), line.hasPrefix("- ") || line.isEmpty ? .plain : .heading)
        }
        out.append((model.language == .zh
            ? "发出后记录：cordon sitrep \(state.id) --channel …"
            : "Once sent, record it: cordon sitrep \(state.id) --channel …", .muted))
        return out
    }
}
