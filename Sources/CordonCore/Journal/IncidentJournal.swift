/// A failure a person can read in either language. The store's errors conform, so the console
/// can show them without knowing about files.
public protocol LocalizedFailure: Error {
    var code: String { get }
    var message: LocalizedText { get }
    /// What went wrong as a plain finding, without what was or was not recorded or what to do
    /// next: for a record that quotes the failure (a file an integrity check could not read).
    var cause: LocalizedText? { get }
}

extension LocalizedFailure {
    public var cause: LocalizedText? { nil }
}

extension Refusal: LocalizedFailure {}

/// The console's window onto one incident. `CordonStore` implements it over the timeline file;
/// tests implement it in memory. The console never opens files itself.
public protocol IncidentJournal: AnyObject {
    var playbook: Playbook { get }
    /// The state after every event read so far.
    var state: IncidentState { get }
    /// Every event read so far, oldest first.
    var events: [Event] { get }
    /// Reads what others appended since the last call, folds it in and returns it.
    func refresh() throws -> [Event]
    /// Checks `command` against the latest state and, if accepted, records its events durably.
    /// Returns the events written, or throws the `Refusal`.
    @discardableResult
    func perform(_ command: Command) throws -> [Event]
}
