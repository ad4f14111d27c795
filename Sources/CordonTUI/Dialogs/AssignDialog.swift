import CordonCore

/// Gives a role to a named person. Once recorded it stays open on the next role nobody holds,
/// so a team is staffed in one go; `Esc` closes it.
struct AssignDialog: Dialog {
    let roles: [Role]
    var selection: Int
    // Room past the limit, so that a name too long is refused with the reason, not cut short.
    var person = TextField(limit: TextLimits.text)
    /// The role to offer once the assignment being recorded is on disk; `nil` when none is left.
    private var nextRole: Int?

    init(playbook: Playbook, role: String) {
        roles = playbook.roles
        selection = playbook.roles.firstIndex { $0.id == role } ?? 0
    }

    func title(_ language: Language) -> String { language == .zh ? "指派角色" : "Assign a role" }

    func contentSize(available: Size, model: AppModel) -> Size {
        Size(width: min(available.width, 60), height: min(available.height, roles.count + 3))
    }

    func draw(into canvas: inout Canvas, content: Rect, model: AppModel) {
        let zh = model.language == .zh
        let listRows = max(1, content.height - 3)
        let top = max(0, selection - listRows + 1)
        let assignments = model.console?.incident.assignments ?? [:]
        for (row, index) in roles.indices.dropFirst(top).prefix(listRows).enumerated() {
            let role = roles[index]
            let holder = assignments[role.id] ?? (zh ? "（未指派）" : "(nobody)")
            let rect = content.row(row)
            let style = index == selection ? Style.selected : .plain
            canvas.line((index == selection ? "> " : "  ") + TextLayout.pad(role.title[model.language], to: 24), in: rect, style: style)
            canvas.putRight(holder.terminalSafe + " ", in: rect, style: index == selection ? style : .muted)
        }
        let fieldRow = content.y + listRows + 1
        canvas.put(zh ? "由谁担任（姓名）：" : "Who takes it (name):", x: content.x, y: fieldRow, width: content.width, style: .muted)
        person.draw(into: &canvas, rect: Rect(x: content.x, y: fieldRow + 1, width: content.width, height: 1), focused: true, style: Style(underline: true))
    }

    func hints(_ language: Language) -> String {
        (language == .zh ? "↑↓ 角色  Enter 指派  Esc 关闭" : "↑↓ role  Enter assign  Esc close")
    }

    var afterRecording: (any Dialog)? {
        guard let nextRole else { return nil }
        var next = self
        next.selection = nextRole
        next.person = TextField(limit: 200)
        next.nextRole = nil
        return next
    }

    /// The first role after the selected one, going round, that nobody holds once `person` takes
    /// the selected one.
    private func roleAfterSelection(assignments: [String: String]) -> Int? {
        let order = roles.indices.map { (selection + 1 + $0) % roles.count }.filter { $0 != selection }
        return order.first { assignments[roles[$0].id] == nil }
    }

    mutating func handle(_ request: Request, model: AppModel) -> DialogOutcome {
        switch request {
        case .up: selection = max(0, selection - 1)
        case .down: selection = min(roles.count - 1, selection + 1)
        case .submit:
            guard let name = IncidentRules.clean(person.text) else {
                return .invalid(localized("请写下担任该角色的人的姓名。", "Write the name of the person who takes the role."))
            }
            nextRole = roleAfterSelection(assignments: model.console?.incident.assignments ?? [:])
            return .perform(.assign(role: roles[selection].id, person: name))
        case .cancel: return .close
        default: person.apply(request)
        }
        return .stay
    }
}
