import CordonCore

/// Asks before leaving: a stray `q` at 3 a.m. should not close the console.
struct QuitDialog: Confirmation {
    /// This console conducts a drill still running, which quitting ends and scores.
    let endsDrill: Bool
    let width = 48
    let effect = Effect.quit

    init(endsDrill: Bool = false) {
        self.endsDrill = endsDrill
    }

    func title(_ language: Language) -> String { language == .zh ? "退出" : "Quit" }

    func message(_ model: AppModel) -> String {
        let zh = model.language == .zh
        if endsDrill {
            return zh
                ? "退出 Cordon？演练仍在进行：退出会结束演练并按此刻评分。想先看评估，按 n 后按 E。"
                : "Quit Cordon? The drill is still running: quitting ends it and scores it as it stands. To see the evaluation first, press n, then E."
        }
        return zh ? "退出 Cordon？已记录的一切都已保存在磁盘上。" : "Quit Cordon? Everything recorded is safe on disk."
    }

    func hints(_ language: Language) -> String {
        language == .zh ? "y 退出  n 留下" : "y quit  n stay"
    }
}
