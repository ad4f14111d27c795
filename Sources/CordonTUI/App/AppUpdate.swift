import CordonCore

extension AppModel {
    /// Answers one message: changes the model and returns the effects to run. No I/O happens
    /// here; `timeline` is read only to search it and to open an entry's details.
    ///
    ///     var model = AppModel(language: .zh, size: Size(width: 80, height: 24), now: now)
    ///     let effects = model.update(.key(.space), timeline: journal.events)
    ///     // [.perform(.step("isolate", .done))]
    public mutating func update<Timeline: RandomAccessCollection>(_ message: Message, timeline: Timeline) -> [Effect]
    where Timeline.Element == Event, Timeline.Index == Int {
        let effects = respond(to: message, timeline: timeline)
        return effects + holdClockForInjects()
    }

    private mutating func respond<Timeline: RandomAccessCollection>(to message: Message, timeline: Timeline) -> [Effect]
    where Timeline.Element == Event, Timeline.Index == Int {
        switch message {
        case .key(let key):
            guard let request = KeyTable.request(for: key, in: keyContexts) else { return [] }
            return update(.request(request), timeline: timeline)
        case .request(let request):
            flash = nil
            if dialog != nil { return handleDialog(request, timeline: timeline) }
            if console != nil { return handleConsole(request, timeline: timeline) }
            return handleHome(request)
        case .tick(let moment):
            now = moment
            settleConsole(count: timeline.count)
            return []
        case .resized(let newSize):
            size = newSize
            settleConsole(count: timeline.count)
            return []
        case .homeLoaded(let incidents, let drills, let playbooks, let scenarios, let sources):
            var model = home ?? HomeModel()
            model.load(incidents: incidents, drills: drills, playbooks: playbooks, scenarios: scenarios)
            model.review = sources.review(period: .year(endingOn: DueDate.today(now)), now: now)
            home = model
            return []
        case .opened(let snapshot, let mode):
            console = ConsoleModel(snapshot, mode: mode)
            dialog = nil
            drafts = [:]
            dialogError = nil
            awaitingResult = false
            settleConsole(count: timeline.count)
            return []
        case .journalChanged(let snapshot, let new, let mine):
            guard var current = console else { return [] }
            current.absorb(snapshot)
            if !current.timeline.following { current.timeline.unseen += new.count }
            console = current
            settleConsole(count: timeline.count)
            if mine {
                if awaitingResult {
                    if let key = dialog?.draftKey { drafts[key] = nil }
                    dialog = dialog?.afterRecording
                    dialogError = nil
                    awaitingResult = false
                }
                if let last = new.last {
                    let summary = EventText.summary(last, playbook: current.playbook, language: language).terminalSafe
                    flash = Flash(localized("已记录 #\(last.seq)：\(summary)", "Recorded #\(last.seq): \(summary)"), tone: .good)
                }
            }
            noticeDrillEvents(new)
            return []
        case .replayMoved(let snapshot, let player, let moment):
            guard var current = console else { return [] }
            current.absorb(snapshot)
            current.player = player
            console = current
            now = moment
            settleConsole(count: timeline.count)
            return []
        case .failed(let text):
            if awaitingResult, dialog != nil {
                dialogError = text
            } else {
                flash = Flash(text, tone: .danger)
            }
            awaitingResult = false
            return []
        case .hashing(let progress):
            hashing = progress
            return []
        case .conducting(let console):
            self.console?.mode.conductor = console
            return []
        case .askWhoIsAtTheKeyboard(let login):
            dialog = KeyboardDialog(login: login, underneath: dialog)
            dialogError = nil
            return []
        case .actingAs(let name):
            flash = Flash(localized("此终端的记录将署名：\(name.terminalSafe)", "Entries from this terminal are recorded under: \(name.terminalSafe)"), tone: .good)
            return []
        }
    }

    // MARK: - Dialogs

    private mutating func handleDialog<Timeline: RandomAccessCollection>(_ request: Request, timeline: Timeline) -> [Effect]
    where Timeline.Element == Event, Timeline.Index == Int {
        if hashing != nil {
            // While a file is hashed the form waits; only Esc does something: it stops.
            guard request == .cancel else { return [] }
            hashing = nil
            return [.cancelHashing]
        }
        guard var current = dialog, !awaitingResult else { return [] }
        let outcome = current.handle(request, model: self)
        dialog = current
        if request == .cancel, let key = current.draftKey {
            drafts[key] = current.hasDraft ? current : nil
        }
        switch outcome {
        case .stay:
            return []
        case .close:
            dialog = nil
            dialogError = nil
            showWaitingDrillDialog()
            return []
        case .perform(let command):
            if console?.mode.isReadOnly == true {
                dialogError = Self.readOnlyRefusal
                return []
            }
            dialogError = nil
            awaitingResult = true
            return [.perform(command)]
        case .effect(let effect):
            if effect.writes, console?.mode.isReadOnly == true {
                dialogError = Self.readOnlyRefusal
                return []
            }
            dialogError = nil
            switch effect {
            case .drill(.clock):
                // The facilitator's own pause or resume, from an inject: the clock is theirs now.
                console?.heldForInject = false
                console?.clockInHand = true
                awaitingResult = true
            case .declare, .addEvidenceFile, .checkEvidenceFile, .drill, .startDrill, .sendSitrep: awaitingResult = true
            case .actAs: dialog = current.afterRecording
            default: break
            }
            return [effect]
        case .invalid(let reason):
            dialogError = reason
            return []
        case .replace(let next):
            dialog = restoringDraft(next)
            dialogError = nil
            return []
        case .search(let query):
            dialog = nil
            dialogError = nil
            search(query, timeline: timeline)
            return []
        }
    }

    static let readOnlyRefusal = localized("回放为只读：不能记录任何内容。", "This is a read-only replay: nothing can be recorded.")

    /// Keeps the timeline viewport in line with the entries and the pane's height.
    mutating func settleConsole(count: Int) {
        guard let layout = consoleLayout else { return }
        console?.timeline.settle(count: count, rows: layout.timelineRows)
        if let console {
            let deadlineCount = console.deadlines(now: now).count
            self.console?.deadlineIndex = min(console.deadlineIndex, max(0, deadlineCount - 1))
        }
    }
}
