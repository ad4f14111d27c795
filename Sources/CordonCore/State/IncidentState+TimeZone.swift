extension IncidentState {
    /// The UTC offset, in seconds, that all of the incident's times are shown and typed at: its
    /// declaration's. Events keep the offset of whoever wrote them; people read one clock.
    public var timeZoneOffset: Int32 { declaredAt.offsetSeconds }

    /// Formats moments at the incident's offset.
    public var times: MomentFormat { MomentFormat(offsetSeconds: timeZoneOffset) }

    /// The same instant at the incident's offset: what a typed `09:30` or `+30d` is read against.
    ///
    ///     MomentText.parse("09:30", now: state.local(clock.now()))
    public func local(_ moment: Timestamp) -> Timestamp {
        moment.shown(atOffset: timeZoneOffset)
    }
}
