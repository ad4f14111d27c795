/// The id a typo most likely meant: `prepare-suport` → `prepare-support`, `stauts` → `status`.
///
///     NearestId.suggest("prepare-suport", among: ["prepare-support", "notify-regulator"])
///     // "prepare-support"
public enum NearestId {
    /// The candidate closest to `typed` by edit distance (an adjacent swap counts as one edit),
    /// compared without regard to case; `nil` when none is close enough to be a plausible typo:
    /// at most one edit for short ids, two from five characters, three from twelve.
    public static func suggest(_ typed: String, among candidates: some Sequence<String>) -> String? {
        let needle = Array(typed.lowercased())
        guard !needle.isEmpty else { return nil }
        let allowed = needle.count >= 12 ? 3 : needle.count >= 5 ? 2 : 1
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = self.distance(needle, Array(candidate.lowercased()))
            guard distance <= allowed, distance < best?.distance ?? .max else { continue }
            best = (candidate, distance)
        }
        return best.map(\.candidate)
    }

    /// `did you mean` as a sentence ends with it: `；您是要 prepare-support 吗？` / ` Did you mean prepare-support?`,
    /// or empty when nothing is close.
    public static func hint(_ typed: String, among candidates: some Sequence<String>) -> LocalizedText {
        guard let nearest = suggest(typed, among: candidates) else { return LocalizedText(zh: "", en: "") }
        return LocalizedText(zh: "您是要“\(nearest)”吗？", en: " Did you mean '\(nearest)'?")
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of
    /// two neighbours, each one edit.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [Int](repeating: 0, count: b.count + 1)
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            previous2 = previous
            previous = current
        }
        return previous[b.count]
    }
}
