import Foundation

/// Why a project file could not be opened, created or written. Each reads as one sentence.
public enum StoreError: Error, Hashable, Sendable, LocalizedError {
    case missing(String)
    case alreadyExists(String)
    case notSQLite(String)
    case foreignDatabase(String)
    case truncated(String, detail: String)
    case corrupt(String, detail: String)
    case newerSchema(String, detail: String)
    case unwritable(String, detail: String)
    case ioFailure(String, detail: String)
    case busy(String)

    public var errorDescription: String? {
        switch self {
        case .missing(let p): return "\(p): no such project file; create one with 'kino new \(p)' or 'kino demo \(p)'"
        case .alreadyExists(let p): return "\(p) already exists; choose another path or remove it first"
        case .notSQLite(let p): return "\(p) is not a Kino project (it is not an SQLite database)"
        case .foreignDatabase(let p): return "\(p) is an SQLite database but not a Kino project; it was left untouched"
        case .truncated(let p, let d): return "\(p) is truncated (\(d)); restore it from a backup — it was left untouched"
        case .corrupt(let p, let d): return "\(p) is corrupt (\(d)); restore it from a backup — it was left untouched"
        case .newerSchema(let p, let d): return "\(p) was written by a newer Kino (\(d)); upgrade Kino to open it — it was left untouched"
        case .unwritable(let p, let d): return "cannot write \(p): \(d)"
        case .ioFailure(let p, let d): return "\(p): \(d)"
        case .busy(let p): return "\(p) is busy: another process kept it locked for a minute; try again when it has finished"
        }
    }
}
