import Foundation
import GRDB
import KinoCore

/// Where a project value stands in the shared journal: the newest done row and how many rows
/// are done. Done rows are always a prefix of the journal (undo takes the newest done row,
/// redo the oldest undone one, and a new edit discards every undone row), so two equal
/// positions mean the same project.
public struct JournalPosition: Hashable, Sendable {
    public var lastDone: Int64
    public var doneCount: Int
    public init(lastDone: Int64, doneCount: Int) { self.lastDone = lastDone; self.doneCount = doneCount }
}

/// How a project value was brought up to the file's state.
public enum JournalCatchUp: Sendable, Equatable {
    /// Nothing another process wrote changed the project.
    case unchanged
    /// The journal rows written since were replayed; these shots may have changed.
    case replayed(Set<ShotID>)
    /// The project was read again from the tables (the rows needed to replay are gone).
    case reloaded
}

/// One transaction on the project file, read-only or IMMEDIATE (holding the write lock).
/// Everything an edit validates against — the project, the id counter, the journal's last
/// row — is read inside it, so what it writes is never built on another process's old state.
public struct JournalTransaction {
    let db: Database
    let path: String

    /// SQLite's PRAGMA data_version: changes whenever another connection commits.
    public func dataVersion() throws -> Int64 {
        try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0
    }

    /// The journal's current position.
    public func position() throws -> JournalPosition {
        let last = try Int64.fetchOne(db, sql: "SELECT seq FROM journal WHERE state = 'done' ORDER BY seq DESC LIMIT 1") ?? 0
        let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM journal WHERE state = 'done'") ?? 0
        return JournalPosition(lastDone: last, doneCount: count)
    }

    /// Brings `project`, which matched the file at `position`, up to the file as it is now:
    /// replays the journal rows in between (undoing or redoing them) when they are all still
    /// there, else reads the project again. `position` becomes the file's.
    public func catchUp(_ project: inout Project, from position: inout JournalPosition) throws -> JournalCatchUp {
        let now = try self.position()
        guard now != position else { return .unchanged }
        defer { position = now }
        // Replayable when every row done at `position` is still in the file (none was undone
        // and then discarded by a newer edit) and the gap is not so long that reading is cheaper.
        let kept = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM journal WHERE seq <= ?", arguments: [position.lastDone]) ?? 0
        if kept == position.doneCount, abs(now.doneCount - position.doneCount) <= 2_000,
           let (replayed, touched) = try? replay(project, from: position.lastDone, to: now.lastDone) {
            project = replayed
            return .replayed(touched)
        }
        project = try ProjectLoader.load(db, path: path)
        return .reloaded
    }

    /// Returns the project and the shots whose status may have changed (by the one definition
    /// of a shot's inputs: `Project.shotDiff`), the removed ones included.
    private func replay(_ start: Project, from: Int64, to: Int64) throws -> (Project, Set<ShotID>) {
        var project = start
        if to < from {
            for row in try Row.fetchAll(db, sql: "SELECT edit FROM journal WHERE seq > ? AND seq <= ? ORDER BY seq DESC", arguments: [to, from]) {
                let edit = try JournalCoding.decode(row["edit"], current: project)
                try project.apply(edit.inverse)
            }
        } else {
            for row in try Row.fetchAll(db, sql: "SELECT edit FROM journal WHERE seq > ? AND seq <= ? ORDER BY seq ASC", arguments: [from, to]) {
                let edit = try JournalCoding.decode(row["edit"], current: project)
                try project.apply(edit)
            }
        }
        let diff = project.shotDiff(since: start)
        return (project, diff.needsStatus.union(diff.removed))
    }

    /// Persists `edit` (validated against the project read in this transaction) with its
    /// journal row; any redo history is discarded, as in every editor. Returns the row's seq.
    @discardableResult
    public func record(_ edit: Edit) throws -> Int64 {
        let json = try JournalCoding.encode(edit)
        try EditPersistence.persist(edit, in: db)
        try db.cachedStatement(sql: "DELETE FROM journal WHERE state = 'undone'").execute()
        try db.cachedStatement(sql: "INSERT INTO journal (edit, label, state, applied_at) VALUES (?, ?, 'done', ?)")
            .execute(arguments: [json, edit.label, Date().timeIntervalSince1970])
        return db.lastInsertedRowID
    }

    /// The edit an undo would revert, if any, completed against `current` (the project now).
    public func lastDone(current: Project) throws -> (seq: Int64, edit: Edit)? {
        guard let row = try Row.fetchOne(db, sql: "SELECT seq, edit FROM journal WHERE state = 'done' ORDER BY seq DESC LIMIT 1") else { return nil }
        return (row["seq"], try JournalCoding.decode(row["edit"], current: current))
    }

    /// The edit a redo would re-apply, if any, completed against `current`.
    public func firstUndone(current: Project) throws -> (seq: Int64, edit: Edit)? {
        guard let row = try Row.fetchOne(db, sql: "SELECT seq, edit FROM journal WHERE state = 'undone' ORDER BY seq ASC LIMIT 1") else { return nil }
        return (row["seq"], try JournalCoding.decode(row["edit"], current: current))
    }

    /// Applies `change` (the inverse for undo, the edit for redo) and flips journal row `seq`
    /// from the other state to `newState`.
    public func markJournal(seq: Int64, applying change: Edit, newState: JournalState) throws {
        try EditPersistence.persist(change, in: db)
        try db.execute(sql: "UPDATE journal SET state = ? WHERE seq = ? AND state = ?",
                       arguments: [newState.rawValue, seq, newState == .done ? "undone" : "done"])
        // Inside the write lock the row was read a moment ago; anything else is a bug, not a race.
        guard db.changesCount == 1 else { throw JournalError.unreadable("journal row \(seq) changed state under its own transaction") }
    }
}

/// A journal row's state: done (part of the project) or undone (redo history).
public enum JournalState: String, Sendable {
    case done, undone
}

extension Edit {
    /// This edit completed against `project`: a shot change built from an older copy of the
    /// shot keeps only the fields it changed, on top of the shot as it is now. It is refused
    /// (as stale) by `Project.apply` when another process changed one of those same fields.
    public func completed(against project: Project) throws -> Edit {
        switch self {
        case .updateShot:
            return try JournalCoding.decode(try JournalCoding.encode(self), current: project)
        case .group(let label, let edits):
            var p = project
            var out: [Edit] = []
            for e in edits {
                let c = try e.completed(against: p)
                try p.apply(c)
                out.append(c)
            }
            return .group(label: label, edits: out)
        default:
            return self
        }
    }
}
