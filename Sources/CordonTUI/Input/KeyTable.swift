import CordonCore

/// Where keys are being read: each has its own bindings.
public enum KeyContext: Sendable, Hashable, CaseIterable {
    case home
    case console
    /// The replay player, over the console's keys.
    case replay
    /// A drill's keys, over the console's.
    case drill
    /// The review screen, opened from the home screen.
    case review
    case dialog

    public var title: LocalizedText {
        switch self {
        case .home: LocalizedText(zh: "主界面", en: "Home screen")
        case .console: LocalizedText(zh: "事件控制台", en: "Incident console")
        case .replay: LocalizedText(zh: "回放播放器", en: "Replay player")
        case .drill: LocalizedText(zh: "演练", en: "Drill")
        case .review: LocalizedText(zh: "年度回顾", en: "Year in review")
        case .dialog: LocalizedText(zh: "对话框与输入框", en: "Dialogs and text fields")
        }
    }
}

/// One line of the key table: the keys, what they ask for, and the words for the help screen
/// and the key hints.
public struct KeyBinding: Sendable {
    public var context: KeyContext
    public var keys: [Key]
    public var request: Request
    public var help: LocalizedText
    /// The short form shown in the hint line at the foot of the screen, if shown there.
    public var hint: LocalizedText?

    public func label(_ language: Language) -> String {
        keys.map { $0.label(language) }.joined(separator: "/")
    }
}

/// The one table that maps keys to requests. The help screen and the hint lines are
/// generated from it, so they cannot drift from what the keys do.
public enum KeyTable {
    public static let bindings: [KeyBinding] = {
        func bind(_ context: KeyContext, _ keys: [Key], _ request: Request, _ zh: String, _ en: String, hint: (String, String)? = nil) -> KeyBinding {
            KeyBinding(context: context, keys: keys, request: request, help: LocalizedText(zh: zh, en: en), hint: hint.map { LocalizedText(zh: $0.0, en: $0.1) })
        }
        return [
            bind(.console, [.up, .character("k")], .up, "上移（步骤、时间线或时限）", "Move up (steps, timeline or deadlines)"),
            bind(.console, [.down, .character("j")], .down, "下移", "Move down"),
            bind(.console, [.left, .character("h")], .left, "查看上一阶段的步骤", "Show the steps of the previous phase"),
            bind(.console, [.right, .character("l")], .right, "查看下一阶段的步骤", "Show the steps of the next phase"),
            bind(.console, [.tab], .nextPane, "切换窗格：步骤 → 时间线 → 时限", "Next pane: steps → timeline → deadlines", hint: ("切换", "pane")),
            bind(.console, [.backTab], .previousPane, "切换到上一个窗格", "Previous pane"),
            bind(.console, [.pageUp], .pageUp, "时间线向上翻页", "Timeline: page up"),
            bind(.console, [.pageDown], .pageDown, "时间线向下翻页", "Timeline: page down"),
            bind(.console, [.home, .character("g")], .first, "时间线：跳到最早的记录", "Timeline: jump to the oldest entry"),
            bind(.console, [.end, .character("G")], .last, "时间线：回到最新记录并跟随", "Timeline: back to the newest entry and follow it"),
            bind(.console, [.enter], .details, "详情：步骤的指引、记录全文、时限的依据", "Details: a step's guidance, an entry in full, a deadline's citation", hint: ("详情", "details")),
            bind(.console, [.space], .complete, "完成所选步骤", "Mark the selected step done", hint: ("完成", "done")),
            bind(.console, [.character("w")], .start, "开始所选步骤（进行中）", "Start the selected step (under way)"),
            bind(.console, [.character("s")], .skip, "跳过所选步骤（需说明原因）", "Skip the selected step (asks why)", hint: ("跳过", "skip")),
            bind(.console, [.character("b")], .block, "标记所选步骤受阻（需说明原因）", "Mark the selected step blocked (asks why)", hint: ("受阻", "block")),
            bind(.console, [.character("o")], .reopen, "重新打开所选步骤", "Reopen the selected step"),
            bind(.console, [.character("n")], .note, "添加备注", "Add a note", hint: ("备注", "note")),
            bind(.console, [.character(">")], .advance, "推进到下一阶段（最后阶段之后关闭事件）", "Advance to the next phase (closes the incident after the last)", hint: ("推进", "advance")),
            bind(.console, [.character("c")], .classify, "事件定级", "Grade the incident", hint: ("定级", "grade")),
            bind(.console, [.character("a")], .assign, "指派角色", "Assign a role", hint: ("指派", "assign")),
            bind(.console, [.character("r")], .records, "记录：证据、影响范围、调查结论、追责、改进措施、通报要素", "Records: evidence, scope, findings, accountability, actions, notice facts", hint: ("记录", "records")),
            bind(.console, [.character("S")], .sitrep, "态势报告：阶段、时限、待决事项和上期以来的变化", "Sitrep: phase, clocks, decisions waiting and what changed since the last one"),
            bind(.console, [.character("/")], .search, "搜索时间线；空白回车查找下一处", "Search the timeline; Enter on an empty search finds the next match", hint: ("搜索", "search")),
            bind(.console, [.escape], .back, "返回主界面（从主界面打开时）", "Back to the home screen (when opened from it)"),
            bind(.console, [.character("?")], .help, "帮助：全部按键", "Help: every key", hint: ("帮助", "help")),
            bind(.console, [.character("q"), .control("c")], .quit, "退出（会先确认）", "Quit (asks first)", hint: ("退出", "quit")),

            bind(.replay, [.space], .player(.togglePlay), "播放或暂停", "Play or pause", hint: ("播放", "play")),
            bind(.replay, [.left, .character(",")], .player(.stepBack), "后退一条记录", "One event back", hint: ("后退", "back")),
            bind(.replay, [.right, .character(".")], .player(.stepForward), "前进一条记录", "One event forward", hint: ("前进", "forward")),
            bind(.replay, [.character("[")], .player(.previousPhase), "上一个阶段分界", "Previous phase boundary"),
            bind(.replay, [.character("]")], .player(.nextPhase), "下一个阶段分界", "Next phase boundary", hint: ("阶段", "phase")),
            bind(.replay, [.home], .player(.toStart), "回到开头", "To the start"),
            bind(.replay, [.end], .player(.toEnd), "跳到结尾", "To the end"),
            bind(.replay, [.character("+"), .character("=")], .player(.faster), "加快播放（最快原速的 1000 倍）", "Play faster (up to 1000× the original pace)", hint: ("加速", "faster")),
            bind(.replay, [.character("-")], .player(.slower), "放慢播放（最慢为原速）", "Play slower (down to the original pace)"),

            bind(.drill, [.character("p")], .drill(.toggleClock), "暂停或继续演练时钟（主持人）", "Pause or resume the drill clock (facilitator)", hint: ("暂停", "pause")),
            bind(.drill, [.character("f")], .drill(.nextInject), "演练时钟跳到下一注入（主持人）", "Move the drill clock to the next inject (facilitator)", hint: ("下一注入", "next inject")),
            bind(.drill, [.character("i")], .drill(.injects), "查看已送达的注入，并以备注回应", "See the injects delivered and answer them with a note", hint: ("注入", "injects")),
            bind(.drill, [.character("+"), .character("=")], .drill(.faster), "演练时钟加速（主持人）", "Run the drill clock faster (facilitator)"),
            bind(.drill, [.character("-")], .drill(.slower), "演练时钟减速（主持人）", "Run the drill clock slower (facilitator)"),
            bind(.drill, [.character("H")], .drill(.toggleInjectHold), "注入弹出时是否暂停演练时钟，直到回应或关闭（主持人；默认暂停）", "Whether an inject on screen holds the drill clock until answered or dismissed (facilitator; on by default)"),
            bind(.drill, [.character("B")], .drill(.briefing), "再看一遍简报", "Read the briefing again"),
            bind(.drill, [.character("E")], .drill(.end), "结束演练并评分（会先确认）；结束后查看评估", "End the drill and score it (asks first); once ended, show the evaluation", hint: ("结束", "end")),
            bind(.drill, [.character("T")], .drill(.takeOver), "接管演练时钟：主持人的控制台崩溃或断线时（会先确认）", "Take over the drill clock when the facilitator's console crashed or lost its line (asks first)", hint: ("接管", "take over")),

            bind(.home, [.up, .character("k")], .up, "上移", "Move up"),
            bind(.home, [.down, .character("j")], .down, "下移", "Move down"),
            bind(.home, [.enter], .open, "打开所选事件或演练", "Open the selected incident or drill", hint: ("打开", "open")),
            bind(.home, [.character("d")], .declare, "宣布新事件或演练", "Declare a new incident or drill", hint: ("宣布", "declare")),
            bind(.home, [.character("r")], .replay, "回放所选事件或演练（只读播放器）", "Replay the selected incident or drill (a read-only player)", hint: ("回放", "replay")),
            bind(.home, [.character("D")], .startDrill, "开始演练：选择场景", "Start a drill: choose a scenario", hint: ("演练", "drill")),
            bind(.home, [.character("v")], .review, "年度回顾：事件、演练得分、覆盖与改进措施", "Year in review: incidents, drill scores, coverage and actions", hint: ("回顾", "review")),
            bind(.review, [.up, .character("k")], .up, "上滚", "Scroll up"),
            bind(.review, [.down, .character("j")], .down, "下滚", "Scroll down", hint: ("滚动", "scroll")),
            bind(.review, [.pageUp], .pageUp, "向上翻页", "Page up"),
            bind(.review, [.pageDown], .pageDown, "向下翻页", "Page down"),
            bind(.review, [.escape, .character("q"), .character("v")], .back, "返回主界面", "Back to the home screen", hint: ("返回", "back")),
            bind(.review, [.character("?")], .help, "帮助：全部按键", "Help: every key", hint: ("帮助", "help")),
            bind(.home, [.character("?")], .help, "帮助：全部按键", "Help: every key", hint: ("帮助", "help")),
            bind(.home, [.character("q"), .control("c")], .quit, "退出（会先确认）", "Quit (asks first)", hint: ("退出", "quit")),

            bind(.dialog, [.enter], .submit, "确认、提交", "Confirm, submit", hint: ("确认", "confirm")),
            bind(.dialog, [.escape, .control("c")], .cancel, "取消、关闭；表单中已写的内容在再次打开时恢复", "Cancel, close; what a form held comes back when it is opened again", hint: ("取消", "cancel")),
            bind(.dialog, [.tab], .nextField, "下一项", "Next field"),
            bind(.dialog, [.backTab], .previousField, "上一项", "Previous field"),
            bind(.dialog, [.up], .up, "在列表中上移；表单中到上一项", "Up in a list; the field above in a form"),
            bind(.dialog, [.down], .down, "在列表中下移；表单中到下一项", "Down in a list; the field below in a form"),
            bind(.dialog, [.left], .left, "光标左移一个字；选项中换上一个", "Cursor one character left; the previous option of a choice"),
            bind(.dialog, [.right], .right, "光标右移一个字；选项中换下一个", "Cursor one character right; the next option of a choice"),
            bind(.dialog, [.home, .control("a")], .lineStart, "光标到行首", "Cursor to the start"),
            bind(.dialog, [.end, .control("e")], .lineEnd, "光标到行尾", "Cursor to the end"),
            bind(.dialog, [.backspace], .deleteBackward, "删除光标前的一个字", "Delete the character before the cursor"),
            bind(.dialog, [.delete, .control("d")], .deleteForward, "删除光标处的一个字", "Delete the character at the cursor"),
            bind(.dialog, [.pageUp], .pageUp, "向上翻页", "Page up"),
            bind(.dialog, [.pageDown], .pageDown, "向下翻页", "Page down"),
        ]
    }()

    /// What `key` asks for in `contexts`, the first context first: the player's keys win over
    /// the console's in a replay. In a dialog, a printable key that is not bound types itself.
    public static func request(for key: Key, in contexts: [KeyContext]) -> Request? {
        for context in contexts {
            if let binding = bindings.first(where: { $0.context == context && $0.keys.contains(key) }) {
                return binding.request
            }
        }
        if contexts.contains(.dialog), case .character(let character) = key { return .insert(character) }
        return nil
    }

    /// The bindings in force in `contexts`, each with only the keys no earlier context takes:
    /// in a replay, `Space` plays and no longer completes a step. Bindings left without keys go.
    public static func bindings(in contexts: [KeyContext]) -> [KeyBinding] {
        var taken: [Key] = []
        var out: [KeyBinding] = []
        for context in contexts {
            let own = bindings.filter { $0.context == context }
            for var binding in own {
                binding.keys.removeAll { taken.contains($0) }
                if !binding.keys.isEmpty { out.append(binding) }
            }
            taken += own.flatMap(\.keys)
        }
        return out
    }

    /// The hints of `contexts`, `(request, "n 备注")`, leaving out what `hidden` excludes
    /// (write keys in a read-only console) and saying what `relabel` says instead of the table's
    /// word where the key does something else now (`p 继续` while the drill clock is held).
    public static func hints(
        for contexts: [KeyContext], language: Language, hiding hidden: (Request) -> Bool = { _ in false },
        relabel: (Request) -> LocalizedText? = { _ in nil }
    ) -> [(request: Request, text: String)] {
        bindings(in: contexts).filter { !hidden($0.request) }
            .compactMap { binding in
                (relabel(binding.request) ?? binding.hint).map { (binding.request, "\(binding.keys[0].label(language)) \($0[language])") }
            }
    }
}
