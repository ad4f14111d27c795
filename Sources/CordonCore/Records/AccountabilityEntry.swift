/// One finding of responsibility (追责): who, which duty was not met, the finding it rests on,
/// and the measure proposed. Shown only where a person asks for it, never in the main view.
public struct AccountabilityEntry: Sendable, Hashable, Codable, Identifiable {
    /// `R1`, `R2`, …
    public var id: String
    public var person: String
    public var duty: String
    /// The id of the finding it rests on.
    public var finding: String
    public var measure: String
    public var at: Timestamp
    public var by: String
    public var seq: Int
    public var withdrawal: Withdrawal?

    public var isWithdrawn: Bool { withdrawal != nil }
}
