import CordonCore

extension AppModel {
    mutating func handleHome(_ request: Request) -> [Effect] {
        guard var home else { return [] }
        defer { self.home = home }
        if home.showingReview { return handleReview(request, home: &home) }
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
        case .review:
            guard home.review != nil else {
                flash = Flash(localized("正在读取，请稍候再按 v。", "Still reading; press v again in a moment."))
                return []
            }
            home.showingReview = true
            home.reviewScroll = 0
        case .help: dialog = HelpDialog()
        case .quit: dialog = QuitDialog()
        default: break
        }
        return []
    }

    /// Scrolling the review screen, and back to the home screen.
    private mutating func handleReview(_ request: Request, home: inout HomeModel) -> [Effect] {
        let rows = max(1, size.height - 4)
        let lines = home.review.map { ReviewScreen.lines($0, language: language, width: size.width).count } ?? 0
        let bottom = max(0, lines - rows)
        switch request {
        case .up: home.reviewScroll = max(0, home.reviewScroll - 1)
        case .down: home.reviewScroll = min(bottom, home.reviewScroll + 1)
        case .pageUp: home.reviewScroll = max(0, home.reviewScroll - (rows - 1))
        case .pageDown: home.reviewScroll = min(bottom, home.reviewScroll + rows - 1)
        case .back: home.showingReview = false
        case .help: dialog = HelpDialog()
        default: break
        }
        return []
    }
}
