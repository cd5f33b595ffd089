import Foundation

/// Why a command line could not be resolved to a verb; each case is one sentence.
public enum VerbError: Error, LocalizedError, Hashable, Sendable {
    case unknownCommand(String, suggestion: String?)
    case unknownArgument(verb: String, argument: String, suggestion: String?)
    case missingArgument(verb: String, argument: String)
    case missingValue(verb: String, argument: String)
    case repeated(verb: String, argument: String)
    case extraWords(verb: String, words: String)
    case nothingToChange(verb: String, arguments: [String])
    case noSelection(String)
    case unbalancedQuote

    public var errorDescription: String? {
        switch self {
        case .unknownCommand(let c, let s):
            return "unknown command '\(c)'" + (s.map { "; did you mean '\($0)'?" } ?? "; 'kino help' lists the commands")
        case .unknownArgument(let v, let a, let s):
            return "\(v) has no argument --\(a)" + (s.map { "; did you mean --\($0)?" } ?? "")
        case .missingArgument(let v, let a): return "\(v) needs --\(a)"
        case .missingValue(let v, let a): return "\(v): --\(a) needs a value"
        case .repeated(let v, let a): return "\(v): --\(a) is given more than once"
        case .extraWords(let v, let w): return "\(v) does not take '\(w)'"
        case .nothingToChange(let v, let a): return "\(v) needs at least one of " + a.map { "--\($0)" }.joined(separator: ", ")
        case .noSelection(let s): return s
        case .unbalancedQuote: return "a quote is not closed (or a backslash ends the line) on this line"
        }
    }
}

/// Edit distance (Levenshtein) between two words, for "did you mean".
func editDistance(_ a: String, _ b: String) -> Int {
    let x = Array(a.lowercased()), y = Array(b.lowercased())
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var row = Array(0...y.count)
    for i in 1...x.count {
        var previous = row[0]
        row[0] = i
        for j in 1...y.count {
            let old = row[j]
            row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (x[i - 1] == y[j - 1] ? 0 : 1))
            previous = old
        }
    }
    return row[y.count]
}

/// The candidate nearest to `word`, when it is near enough to be a typo.
public func nearest(_ word: String, among candidates: [String]) -> String? {
    let scored = candidates.map { ($0, editDistance(word, $0)) }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
    return best.1 <= max(2, word.count / 3) ? best.0 : nil
}
