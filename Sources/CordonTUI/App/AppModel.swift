import CordonCore

/// The whole state of the program: which screen, which dialog, what the clock says.
/// `update` changes it in answer to messages and returns effects; rendering reads it.
public struct AppModel {
    /// Below this the screen says how large it needs to be instead of drawing.
    public static let minimumSize = Size(width: 60, height: 18)

    public var language: Language
    public var size: Size
    public var now: Timestamp
    /// Present when the program started on the home screen (`Esc` in the console returns to it).
    public var home: HomeModel?
    /// Present while an incident is open.
    public var console: ConsoleModel?
    /// The dialog on top, if any; it receives every key.
    public var dialog: (any Dialog)?
    /// Why the dialog's last submission was refused or failed.
    public var dialogError: LocalizedText?
    /// A dialog's command or declaration is being carried out; it closes once recorded.
    public var awaitingResult = false
    /// An evidence file being hashed for the form on top: how far it has come.
    public var hashing: HashProgress?
    public var flash: Flash?
    /// Who is at this console: the login and any name given with `--actor`. A drill's inject
    /// addressed to roles pops up here only for the people holding them (or the facilitator);
    /// empty when not known, and then every inject pops up.
    public var participants: [String] = []
    /// Forms cancelled with something typed in them, by their `draftKey`: each comes back as it
    /// was when the same form is opened again, until it is recorded or the incident is left.
    var drafts: [String: any Dialog] = [:]

    public init(language: Language, size: Size, now: Timestamp, home: HomeModel? = nil) {
        self.language = language
        self.size = size
        self.now = now
        self.home = home
    }

    /// `dialog`, or the draft of the same form kept when it was last cancelled.
    func restoringDraft(_ dialog: any Dialog) -> any Dialog {
        guard let key = dialog.draftKey, let draft = drafts[key] else { return dialog }
        return draft
    }

    public var isTooSmall: Bool { !size.contains(Self.minimumSize) }

    /// Which key bindings apply now, the first winning where two bind the same key.
    public var keyContexts: [KeyContext] {
        dialog == nil ? screenKeyContexts : [.dialog]
    }

    /// The bindings of the screen under any dialog.
    public var screenKeyContexts: [KeyContext] {
        guard let console else { return home?.showingReview == true ? [.review] : [.home] }
        if console.player != nil { return [.replay, .console] }
        return console.incident.isDrill ? [.drill, .console] : [.console]
    }
}

/// A bilingual text, written where it is used.
func localized(_ zh: String, _ en: String) -> LocalizedText { LocalizedText(zh: zh, en: en) }
