/// "Did you mean ...?" suggestions for misspelt names.
enum NameSuggestion {
    /// The candidate closest to `name` by Damerau–Levenshtein distance, if within max(2, length / 3) edits;
    /// on a tie, the earliest candidate (callers list the most likely first).
    static func closest(to name: String, among candidates: [String]) -> String? {
        let limit = max(2, name.count / 3)
        var best: (name: String, distance: Int)?
        let target = Array(name)
        for candidate in candidates where candidate != name {
            let distance = editDistance(target, Array(candidate))
            if distance <= limit, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.name
    }

    /// "did you mean 'x'?", or nil when nothing is close.
    static func didYouMean(_ name: String, among candidates: [String]) -> String? {
        closest(to: name, among: candidates).map { "did you mean '\($0)'?" }
    }

    /// Insertions, deletions, substitutions and swaps of adjacent characters (the optimal string alignment form).
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let width = b.count + 1
        var previousRow = [Int](repeating: 0, count: width)
        var row = Array(0...b.count)
        var current = [Int](repeating: 0, count: width)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var distance = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    distance = min(distance, previousRow[j - 2] + 1)
                }
                current[j] = distance
            }
            swap(&previousRow, &row)
            swap(&row, &current)
        }
        return row[b.count]
    }
}
