import CordonCore

extension ConsoleModel {
    /// This console conducts a drill whose clock has started and not ended, and nobody has
    /// taken it over since.
    var conductsRunningDrill: Bool {
        guard let conductor = mode.conductor, let drill = incident.drill, !drill.hasEnded else { return false }
        return drill.isConducted(from: conductor)
    }

    /// Whether the inject pops up here: always on the facilitator's console and where nobody
    /// knows who is at the keyboard, else for the people holding a role it is addressed to.
    func popsUp(_ inject: String, for participants: [String]) -> Bool {
        guard mode.conductor == nil, !participants.isEmpty, let found = mode.scenario?.inject(inject) else { return true }
        return found.isAddressed(to: participants, assignments: incident.assignments)
    }

    /// A running drill this console could take over: its scenario is known and another console
    /// (or none, since it crashed) conducts it.
    var canTakeOverDrill: Bool {
        guard player == nil, !mode.isReadOnly, mode.scenario != nil, let drill = incident.drill, !drill.hasEnded else { return false }
        return !conductsRunningDrill
    }
}

extension AppModel {
    /// The speeds `+` and `-` step the drill clock through.
    static let drillSpeeds = [1, 2, 5, 10, 20, 60, 120, 300, 600, 1200, 3600, 10_000]

    static let facilitatorOnly = localized(
        "演练时钟由主持人的控制台掌控；若它已断开，按 T 接管。这里可照常处置并回应注入（i）。",
        "The facilitator's console runs the drill clock; if it is gone, press T to take over. Here you work the drill and answer injects (i).")

    mutating func handleDrill(_ request: DrillRequest) -> [Effect] {
        guard let console else { return [] }
        let drill = console.incident.drill
        switch request {
        case .injects:
            guard let delivered = drill?.delivered, !delivered.isEmpty else {
                flash = Flash(localized("还没有注入送达。", "No inject has arrived yet."))
                return []
            }
            let waiting = delivered.last { drill?.answer(to: $0.inject) == nil } ?? delivered[delivered.count - 1]
            dialog = InjectDialog(inject: waiting.inject)
            return []
        case .briefing:
            guard let scenario = console.mode.scenario else {
                flash = Flash(localized("这场演练没有场景，因此没有简报。", "This drill has no scenario, so there is no briefing."))
                return []
            }
            dialog = DrillBriefingDialog(scenario: scenario)
            return []
        case .end:
            if drill?.hasEnded == true {
                guard console.mode.scenario != nil else {
                    flash = Flash(localized("演练已结束；没有场景，无法评估。", "The drill has ended; without its scenario it cannot be evaluated."))
                    return []
                }
                dialog = DrillEvaluationDialog()
                return []
            }
            guard console.conductsRunningDrill else { return refuse(Self.facilitatorOnly) }
            dialog = EndDrillDialog()
            return []
        case .takeOver:
            if console.conductsRunningDrill {
                flash = Flash(localized("这个控制台已在主持演练。", "This console already conducts the drill."))
                return []
            }
            if drill == nil {
                return refuse(localized("演练时钟尚未开始，无可接管。", "The drill clock has not started; there is nothing to take over."))
            }
            if drill?.hasEnded == true {
                return refuse(localized("演练已结束，时钟已停，无需接管。", "The drill has ended and its clock has stopped; there is nothing to take over."))
            }
            guard console.canTakeOverDrill else {
                return refuse(localized("这场演练没有场景（注入与评分），无法在控制台主持。", "This drill has no scenario (injects and scoring), so no console can conduct it."))
            }
            dialog = TakeOverDialog()
            return []
        case .toggleInjectHold:
            guard console.conductsRunningDrill else { return refuse(Self.facilitatorOnly) }
            self.console?.holdsClockOnInject.toggle()
            let holds = !console.holdsClockOnInject
            flash = Flash(holds
                ? localized("注入弹出时暂停演练时钟，直到回应或关闭（H 关闭）。", "An inject on screen holds the drill clock until it is answered or dismissed (H turns this off).")
                : localized("注入弹出时演练时钟照常走（H 重新开启暂停）。", "The drill clock runs on while an inject is on screen (H holds it again)."))
            return []
        case .toggleClock, .nextInject, .faster, .slower:
            // The facilitator takes the clock in hand: an inject no longer resumes it on closing.
            self.console?.heldForInject = false
            self.console?.clockInHand = true
            guard console.conductsRunningDrill, let clock = drill?.clock else {
                if drill?.hasEnded == true { return refuse(localized("演练已结束，时钟已停。", "The drill has ended; its clock has stopped.")) }
                return refuse(Self.facilitatorOnly)
            }
            switch request {
            case .toggleClock: return [.drill(.clock(clock.isRunning ? .pause : .resume))]
            case .nextInject: return [.drill(.clock(.skipToNextInject))]
            case .faster:
                guard let speed = Self.drillSpeeds.first(where: { $0 > clock.speed }) else { return [] }
                return [.drill(.clock(.speed(speed)))]
            default:
                guard let speed = Self.drillSpeeds.last(where: { $0 < clock.speed }) else { return [] }
                return [.drill(.clock(.speed(speed)))]
            }
        }
    }

    private mutating func refuse(_ text: LocalizedText) -> [Effect] {
        flash = Flash(text, tone: .danger)
        return []
    }

    /// Injects delivered and the end of the drill, as they arrive: each opens its dialog at once,
    /// or as soon as the dialog in the way closes, so a note being typed is never lost to them.
    mutating func noticeDrillEvents(_ new: [Event]) {
        guard var console, console.player == nil, console.incident.isDrill else { return }
        for event in new {
            switch event.type {
            case EventType.injectDelivered:
                guard let inject = event.data.string("inject") else { break }
                if console.popsUp(inject, for: participants) {
                    console.unshownInjects.append(inject)
                } else if let roles = console.mode.scenario?.inject(inject)?.to {
                    let titles = roles.map { role in console.playbook.roles.first { $0.id == role }?.title ?? LocalizedText(role) }
                    flash = Flash(localized(
                        "注入已送达\(titles.map(\.zh).joined(separator: "、"))（按 i 查看）。",
                        "An inject went to \(titles.map(\.en).joined(separator: ", ")) (press i to see it)."))
                }
            case EventType.drillEnded:
                console.evaluationDue = console.mode.scenario != nil
            case EventType.drillClock where event.data.string("action") == "takeover":
                // Another console took the drill over: this one stops conducting it at once.
                guard let mine = console.mode.conductor, event.data.string("console") != mine else { break }
                console.mode.conductor = nil
                flash = Flash(localized(
                    "\(event.actorLabel.terminalSafe) 在另一控制台接管了演练时钟；这个控制台不再主持（不再推进时钟、送达注入）。",
                    "\(event.actorLabel.terminalSafe) took over the drill clock at another console; this one no longer conducts the drill (no clock, no injects)."), tone: .warning)
            default:
                break
            }
        }
        self.console = console
        if dialog != nil, !console.unshownInjects.isEmpty, new.contains(where: { $0.type == EventType.injectDelivered }) {
            flash = Flash(localized("▶ 新注入已送达；关闭当前窗口后显示（或按 i）。", "▶ A new inject has arrived; it shows when this window closes (or press i)."), tone: .warning)
        }
        showWaitingDrillDialog()
    }

    /// Pauses the drill clock this console conducts while an inject is on screen or waiting to
    /// be, and resumes it once none is: the clock never runs on while the team is still reading.
    /// Only a pause this made is undone; a clock the facilitator paused stays paused.
    mutating func holdClockForInjects() -> [Effect] {
        guard var console, console.conductsRunningDrill, let clock = console.incident.drill?.clock else { return [] }
        let reading = dialog is InjectDialog || !console.unshownInjects.isEmpty
        if !reading { console.clockInHand = false }
        var effects: [Effect] = []
        if reading, console.holdsClockOnInject, !console.clockInHand, clock.isRunning, !console.heldForInject {
            console.heldForInject = true
            effects = [.drill(.clock(.pause))]
        } else if console.heldForInject, !reading || !console.holdsClockOnInject {
            console.heldForInject = false
            if !clock.isRunning { effects = [.drill(.clock(.resume))] }
        }
        self.console = console
        return effects
    }

    /// Opens the next inject not yet shown, else the evaluation, when no dialog is up.
    mutating func showWaitingDrillDialog() {
        guard dialog == nil, var console else { return }
        if !console.unshownInjects.isEmpty {
            dialog = InjectDialog(inject: console.unshownInjects.removeFirst())
        } else if console.evaluationDue {
            console.evaluationDue = false
            dialog = DrillEvaluationDialog()
        }
        self.console = console
    }
}
