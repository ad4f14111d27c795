import CordonCore

/// What an incident looks like after the journal changed: enough for the console to redraw.
public struct IncidentSnapshot: Sendable {
    public var playbook: Playbook
    public var state: IncidentState

    public init(playbook: Playbook, state: IncidentState) {
        self.playbook = playbook
        self.state = state
    }

    public init(_ journal: any IncidentJournal) {
        self.init(playbook: journal.playbook, state: journal.state)
    }
}

/// What `AppModel.update` reacts to: keys, the clock, the terminal, and the results of effects.
public enum Message: Sendable {
    case key(Key)
    case request(Request)
    /// The clock moved (once a second).
    case tick(Timestamp)
    case resized(Size)
    /// `review` is what the review screen and the home screen's planned drills are made from.
    case homeLoaded(incidents: [IncidentListing], drills: [IncidentListing], playbooks: [PlaybookListing], scenarios: [Scenario] = [], review: ReviewSources = ReviewSources())
    case opened(IncidentSnapshot, ConsoleMode)
    /// New events are in the journal: `mine` when this console recorded them (and they are on disk).
    case journalChanged(IncidentSnapshot, new: [Event], mine: Bool)
    /// The replay player moved: the incident as it was at `at`, where the player now stands.
    case replayMoved(IncidentSnapshot, ReplayPlayer, at: Timestamp)
    /// An effect failed or was refused; the text says what happened and what to do.
    case failed(LocalizedText)
    /// An evidence file is being hashed and has come this far; `nil` once hashing is over
    /// (recorded, failed or cancelled: what follows says which).
    case hashing(HashProgress?)
    /// This console now conducts the drill, as the console told apart by `console`.
    case conducting(console: String)
    /// The console runs under `login`, which several people share: ask who is at the keyboard.
    case askWhoIsAtTheKeyboard(login: String)
    /// Entries from this console are now recorded under `name`, beside the login.
    case actingAs(String)
}

/// Work `update` asks the program to do; its result comes back as a `Message`.
public enum Effect: Sendable, Hashable {
    /// Check and record a command in the journal.
    case perform(Command)
    case loadHome
    case declare(DeclareRequest)
    /// Hash the evidence file at `path` (the driver reads it, away from the loop; the console
    /// never opens files), then record it as `input` once every byte is hashed.
    case addEvidenceFile(path: String, input: EvidenceInput)
    /// Hash the registered evidence file `id` again where it lies, then record what was found:
    /// the same bytes, changed ones, or that it could not be read.
    case checkEvidenceFile(id: String, path: String)
    /// Stop hashing the evidence file and record nothing.
    case cancelHashing
    /// Record the sitrep as it stands now as sent through `channel`, word for word with the
    /// SHA-256 of its text (the program seals it; the console computes no hashes).
    case sendSitrep(channel: String)
    case open(id: String, mode: ConsoleMode)
    /// Leave the incident for the home screen.
    case close
    case quit
    /// Move the replay player.
    case player(ReplayAction)
    /// Work the drill this console conducts.
    case drill(DrillEffect)
    /// Declare a drill from a scenario, start its clock at `speed` and conduct it here.
    case startDrill(scenario: String, speed: Int)
    /// Record what this console writes under `name` from now on, and remember it for the terminal.
    case actAs(String)
}

/// What the console asks of the drill it conducts; its `DrillConductor` carries it out.
public enum DrillEffect: Sendable, Hashable {
    case clock(DrillClockAction)
    case answer(inject: String, text: String)
    case lesson(String)
    case end
    /// Take the drill over from the console that conducted it.
    case takeOver
}

extension Effect {
    /// Whether the effect records something in the incident's journal (refused in replay).
    var writes: Bool {
        switch self {
        case .addEvidenceFile, .checkEvidenceFile, .sendSitrep: true
        default: false
        }
    }
}
