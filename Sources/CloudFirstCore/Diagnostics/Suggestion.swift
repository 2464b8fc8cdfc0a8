/// "Did you mean" for misspelt keys, values and ids.
public enum Suggestion {
    /// The candidate closest to `word` by edit distance (a swap of two neighbours counts as one edit), if it is close
    /// enough to be a likely typo: at most a third of the word's length (at least one edit), and never the whole
    /// word. Ties go to a name the word begins (a name cut short is the likelier slip: `nsh-ep` means `nsh-epr`, not
    /// `nsh-ed`), then to the name that sorts first.
    /// Case is ignored, so `Azure` suggests `azure`.
    public static func closest<S: Sequence>(to word: String, among candidates: S) -> String? where S.Element == String {
        let target = Array(word.lowercased().utf8)
        let allowed = max(1, min(3, target.count / 3))
        var best: (candidate: String, distance: Int, cut: Int)?
        for candidate in candidates where candidate != word {
            let bytes = Array(candidate.lowercased().utf8)
            guard abs(bytes.count - target.count) <= allowed else { continue }
            let distance = editDistance(target, bytes, limit: allowed)
            guard distance <= allowed, distance < target.count else { continue }
            // 0 when the word is the start of the candidate.
            let cut = bytes.starts(with: target) ? 0 : 1
            // Then the smaller name, so the suggestion does not depend on the order candidates come in.
            if let current = best, (current.distance, current.cut, current.candidate) <= (distance, cut, candidate) {
                continue
            }
            best = (candidate, distance, cut)
        }
        return best?.candidate
    }

    /// Optimal string alignment distance; gives up early (returning `limit + 1`) once every path exceeds `limit`.
    static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
