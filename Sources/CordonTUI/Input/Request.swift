import CordonCore

/// What a key asks for. The key table turns keys into requests; screens and dialogs decide
/// what a request means where they are (`left` picks the previous phase in the console and
/// moves the cursor in a text field).
public enum Request: Sendable, Hashable {
    // Moving about
    case up, down, left, right, pageUp, pageDown, first, last
    case nextPane, previousPane, details
    // Working the incident
    case complete, start, skip, block, reopen, note, advance, classify, assign, search
    /// The records menu: evidence, scope, findings, accountability, actions, notice facts.
    case records
    /// The situation report for management, drafted as things stand.
    case sitrep
    // The home screen
    case open, replay, declare, startDrill, review
    // The replay player and the drill
    case player(ReplayAction)
    case drill(DrillRequest)
    // Everywhere
    case help, quit, back
    // Dialogs and text fields
    case submit, cancel, nextField, previousField
    case lineStart, lineEnd, deleteBackward, deleteForward
    case insert(Character)

    /// Whether the request records something, and so is refused in a read-only console.
    public var writes: Bool {
        switch self {
        case .complete, .start, .skip, .block, .reopen, .note, .advance, .classify, .assign: true
        default: false
        }
    }
}
