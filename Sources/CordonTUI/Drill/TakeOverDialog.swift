import CordonCore

/// Asks before this console takes a drill over from the one that conducted it, saying who that
/// was and when their console last moved the clock, so a facilitator can tell a crashed console
/// from a colleague still at work.
struct TakeOverDialog: Confirmation {
    let width = 60
    let effect = Effect.drill(.takeOver)

    init() {}

    func title(_ language: Language) -> String { language == .zh ? "接管演练" : "Take over the drill" }

    func message(_ model: AppModel) -> String {
        let zh = model.language == .zh
        guard let drill = model.console?.incident.drill else { return "" }
        let who = drill.facilitator?.terminalSafe ?? (zh ? "先前的控制台" : "an earlier console")
        let when = model.times.shortWithSeconds(drill.clock.wallAt)
        return zh
            ? "接管演练时钟？上一位主持人：\(who)，其控制台最后一次推进时钟或送达注入在 \(when)。接管后时钟先暂停，按 p 继续；此后只有这个控制台推进时钟、送达注入并结束演练。若 \(who) 的控制台其实仍在运行，它会停止主持，注入不会重复送达。"
            : "Take over the drill clock? Last conducted by \(who), whose console last moved the clock or delivered an inject at \(when). The clock is held once you take over; press p to resume. From then on only this console moves the clock, delivers injects and ends the drill. If \(who)'s console is in fact still running, it stops conducting; no inject is delivered twice."
    }

    func hints(_ language: Language) -> String {
        language == .zh ? "y 接管  n 取消" : "y take over  n cancel"
    }
}
