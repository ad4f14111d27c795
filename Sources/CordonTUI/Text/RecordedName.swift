import CordonCore

extension Event {
    /// The name an entry was recorded under, as the console shows it: the one given with
    /// `--actor` or typed at the console's start (`data.as`), else the login. `王磊`, not
    /// `root (王磊)`: on a shared login the login says nothing about who acted.
    var recordedName: String {
        (onBehalfOf ?? actor).terminalSafe
    }
}
