import CordonCore

extension AppModel {
    mutating func handleHome(_ request: Request) -> [Effect] {
        guard var home else { return [] }
        defer { self.home = home }
        let count = home.entries.count
        switch request {
        case .up: home.selection = max(0, home.selection - 1)
        case .down: home.selection = min(max(0, count - 1), home.selection + 1)
        case .open, .replay:
            guard let listing = home.selected else {
                flash = Flash(localized("还没有事件；按 d 宣布一个。", "There are no incidents yet; press d to declare one."))
                return []
            }
            if let problem = listing.problem {
                flash = Flash(problem, tone: .danger)
                return []
            }
            return [.open(id: listing.id, mode: request == .replay ? .replay : .live)]
        case .declare:
            guard !home.playbooks.isEmpty else {
                flash = Flash(localized(
                    "未找到剧本，无法宣布事件；请把剧本放进主目录的 playbooks/ 或设置 CORDON_PLAYBOOKS。",
                    "No playbooks were found, so nothing can be declared; put one in the home folder's playbooks/ or set CORDON_PLAYBOOKS."), tone: .danger)
                return []
            }
            dialog = restoringDraft(DeclareDialog(playbooks: home.playbooks))
        case .startDrill:
            guard !home.scenarios.isEmpty else {
                flash = Flash(localized(
                    "未找到演练场景；请把场景放进剧本目录下的 drills/ 文件夹（见 cordon playbooks list）。",
                    "No drill scenarios were found; put them in a drills/ folder beside the playbooks (see cordon playbooks list)."), tone: .danger)
                return []
            }
            dialog = ScenarioPickerDialog(scenarios: home.scenarios)
        case .help: dialog = HelpDialog()
        case .quit: dialog = QuitDialog()
        default: break
        }
        return []
    }
}
