import CordonCore

/// The lines between the deadline clocks and the message: in a replay, the scrub bar and where
/// the player stands; in a drill, the drill clock, its speed, the next inject and the score.
enum StatusLines {
    static func draw<Timeline: RandomAccessCollection>(
        into canvas: inout Canvas, _ rect: Rect, model: AppModel, console: ConsoleModel, timeline: Timeline
    ) where Timeline.Element == Event, Timeline.Index == Int {
        var row = 0
        if let player = console.player {
            scrubBar(into: &canvas, rect.row(row), player: player)
            playerState(into: &canvas, rect.row(row + 1), model: model, console: console, player: player, current: timeline.last)
            row += 2
        }
        if console.incident.isDrill {
            drillLine(into: &canvas, rect.row(row), model: model, console: console)
        }
    }

    // MARK: - Replay

    /// `━━━┃━━━◆━━●─────≈───┃──`: played, the head, to come; phase changes, injects and compressed gaps.
    private static func scrubBar(into canvas: inout Canvas, _ rect: Rect, player: ReplayPlayer) {
        guard rect.width > 2 else { return }
        let bar = ScrubBar(timeline: player.timeline, width: rect.width - 2)
        for (column, cell) in bar.cells(at: player.position).enumerated() {
            let (glyph, style): (String, Style) = switch cell {
            case .played: ("━", Style(.accent))
            case .unplayed: ("─", .muted)
            case .head: ("●", Style(.accent, bold: true))
            case .phase: ("┃", Style(bold: true))
            case .inject: ("◆", Style(.warning, bold: true))
            case .gap: ("≈", .muted)
            }
            canvas.put(glyph, x: rect.x + 1 + column, y: rect.y, width: 1, style: style)
        }
    }

    /// `⏸ 已暂停 ×10 · 第 12/48 条 · 11-29 13:05:12 · ⋯ 3h12m 空档，压缩播放`, and what the marks mean.
    private static func playerState(into canvas: inout Canvas, _ rect: Rect, model: AppModel, console: ConsoleModel, player: ReplayPlayer, current: Event?) {
        let zh = model.language == .zh
        let state = player.isPlaying
            ? (zh ? "▶ 播放中" : "▶ playing")
            : player.isAtEnd ? (zh ? "■ 已到结尾" : "■ at the end") : (zh ? "⏸ 已暂停" : "⏸ paused")
        var parts = [
            "\(state) ×\(player.speed)",
            zh ? "第 \(player.position.seq)/\(player.timeline.count) 条" : "event \(player.position.seq)/\(player.timeline.count)",
            console.incident.times.shortWithSeconds(player.position.time),
        ]
        if let gap = player.gap {
            let span = DurationText.spoken(gap.seconds, language: model.language)
            parts.append(zh ? "⋯ \(span) 空档，压缩播放" : "⋯ a \(span) gap, compressed")
        } else if let current, current.type == EventType.injectDelivered {
            parts.append(EventText.summary(current, playbook: console.playbook, language: model.language).terminalSafe)
        }
        let legend = zh ? "┃ 阶段 ◆ 注入 ≈ 压缩空档 " : "┃ phase ◆ inject ≈ compressed gap "
        let text = " " + parts.joined(separator: " · ")
        canvas.line(text, in: rect, style: Style(player.isPlaying ? .accent : .normal, bold: true))
        if DisplayWidth.of(text) + DisplayWidth.of(legend) + 2 <= rect.width {
            canvas.putRight(legend, in: rect, style: .muted)
        }
    }

    // MARK: - Drill

    /// ` T+0:42:10/6:00:00 · ×600 · 下一注入 0:08:00 · 得分 20/100        未回应注入 1（i）`
    private static func drillLine(into canvas: inout Canvas, _ rect: Rect, model: AppModel, console: ConsoleModel) {
        let zh = model.language == .zh
        guard let drill = console.incident.drill else {
            canvas.line(zh ? " 演练时钟尚未开始。" : " The drill clock has not started.", in: rect, style: Style(.banner, bold: true))
            return
        }
        let banner = console.drillBanner(now: model.now)
        let style = banner.isPaused ? Style(.warning, bold: true) : Style(.banner, bold: true)
        var text = " ⏱ " + banner.details(model.language).joined(separator: " · ")
        if banner.isPaused, console.conductsRunningDrill { text += zh ? " · p 继续" : " · p resumes" }
        canvas.line(text, in: rect, style: style)
        let unanswered = drill.delivered.filter { drill.answer(to: $0.inject) == nil }.count
        if unanswered > 0, console.player == nil {
            let note = zh ? " 未回应注入 \(unanswered)（i） " : " \(unanswered) unanswered (i) "
            if DisplayWidth.of(text) + DisplayWidth.of(note) + 1 <= rect.width {
                canvas.putRight(note, in: rect, style: Style(.warning, bold: true, reverse: true))
            }
        }
    }
}
