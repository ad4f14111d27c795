import CordonCore

/// Asks before the facilitator ends the drill: the score is fixed at that moment.
struct EndDrillDialog: Confirmation {
    let width = 56
    let effect = Effect.drill(.end)

    init() {}

    func title(_ language: Language) -> String { language == .zh ? "结束演练" : "End the drill" }

    func message(_ model: AppModel) -> String {
        let zh = model.language == .zh
        let banner = model.console?.drillBanner(now: model.now)
        let score = banner.flatMap { banner in banner.score.map { "\($0)/\(banner.maximumScore ?? 0)" } }
        let now = score.map { zh ? "（此刻得分 \($0)）" : " (now \($0))" } ?? ""
        return zh
            ? "现在结束演练？将按此刻评分\(now)。结束后只能再添加备注、经验教训和改进措施。"
            : "End the drill now? It is scored as it stands\(now). Afterwards only notes, lessons and improvement actions can be added."
    }

    func hints(_ language: Language) -> String {
        language == .zh ? "y 结束并评分  n 继续演练" : "y end and score  n carry on"
    }
}
