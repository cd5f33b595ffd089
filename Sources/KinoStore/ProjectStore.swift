import Foundation
import GRDB
import KinoCore

/// The .kino file: one SQLite database holding the project, its edit journal, takes,
/// checkpoints and thumbnails. Every edit is one transaction holding the change and its
/// journal row, so a crash loses at most the edit in flight.
public final class ProjectStore: @unchecked Sendable {
    public let path: String
    let db: DatabaseQueue
    private init(path: String, db: DatabaseQueue) {
        self.path = path
        self.db = db
    }

    static func configuration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(5)
        config.prepareDatabase { db in
            // WAL + NORMAL: a committed edit survives a killed process; see Docs/FileFormat.md.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        return config
    }

    /// Creates a new project file; refuses to overwrite anything.
    public static func create(at path: String, project: Project) throws -> ProjectStore {
        let fm = FileManager.default
        guard !fm.fileExists(atPath: path) else { throw StoreError.alreadyExists(path) }
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty, !fm.fileExists(atPath: dir) { throw StoreError.unwritable(path, detail: "folder \(dir) does not exist") }
        // Build in a temporary file and rename, so a crash never leaves a half-made project.
        let tmp = (dir.isEmpty ? "." : dir) + "/.\((path as NSString).lastPathComponent).creating-\(getpid())"
        try? fm.removeItem(atPath: tmp)
        do {
            let queue = try DatabaseQueue(path: tmp, configuration: configuration())
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA application_id = \(FileCheck.applicationID)")
                try db.execute(sql: "PRAGMA journal_mode = WAL")
            }
            try Schema.migrator.migrate(queue)
            try queue.write { db in
                try db.execute(sql: "PRAGMA user_version = \(Schema.version)")
                try EditPersistence.insertProjectRow(db, project: project)
                for (i, l) in project.lightingSetups.enumerated() { try EditPersistence.insertLighting(db, l, at: i) }
                for (i, s) in project.scenes.enumerated() { try EditPersistence.insertScene(db, s, at: i) }
                for (i, c) in project.characters.enumerated() { try EditPersistence.insertCharacter(db, c, at: i) }
                for (i, s) in project.shots.enumerated() { try EditPersistence.insertShot(db, s, at: i) }
                for (i, m) in project.markers.enumerated() { try EditPersistence.insertMarker(db, m, at: i) }
                try AudioPersistence.insertTimeline(db, project.audio)
            }
            try queue.close()
            guard rename(tmp, path) == 0 else {
                throw StoreError.unwritable(path, detail: String(cString: strerror(errno)))
            }
        } catch let e as DatabaseError {
            try? fm.removeItem(atPath: tmp)
            throw StoreError.unwritable(path, detail: e.message ?? "\(e.resultCode)")
        } catch {
            try? fm.removeItem(atPath: tmp)
            throw error
        }
        return try open(at: path)
    }

    /// Opens an existing project. A file that is not Kino's, is corrupt or truncated, or comes
    /// from a newer Kino is refused before anything is written to it.
    public static func open(at path: String) throws -> ProjectStore {
        try FileCheck.verify(path: path)
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration())
        } catch let e as DatabaseError {
            throw mapOpenError(e, path: path)
        }
        do {
            try queue.read { db in
                let appID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                guard appID == FileCheck.applicationID else { throw StoreError.foreignDatabase(path) }
                let userVersion = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                if userVersion > Schema.version {
                    throw StoreError.newerSchema(path, detail: "schema version \(userVersion), this Kino knows \(Schema.version)")
                }
                if try Schema.migrator.hasBeenSuperseded(db) {
                    let unknown = try Schema.migrator.appliedIdentifiers(db).subtracting(Schema.migrator.migrations)
                    throw StoreError.newerSchema(path, detail: "unknown migration \(unknown.sorted().joined(separator: ", "))")
                }
                let check = try String.fetchAll(db, sql: "PRAGMA quick_check")
                guard check == ["ok"] else {
                    throw StoreError.corrupt(path, detail: check.prefix(1).joined())
                }
                try Schema.checkBeforeMigrating(db, path: path)
            }
        } catch let e as DatabaseError {
            try? queue.close()
            throw mapOpenError(e, path: path)
        } catch {
            try? queue.close()
            throw error
        }
        do {
            try Schema.migrator.migrate(queue)
            // Only write what differs: opening an up-to-date file must not change its bytes.
            try queue.writeWithoutTransaction { db in
                if try String.fetchOne(db, sql: "PRAGMA journal_mode")?.lowercased() != "wal" {
                    try db.execute(sql: "PRAGMA journal_mode = WAL")
                }
                if try Int.fetchOne(db, sql: "PRAGMA user_version") != Schema.version {
                    try db.execute(sql: "PRAGMA user_version = \(Schema.version)")
                }
            }
        } catch let e as DatabaseError {
            try? queue.close()
            throw mapOpenError(e, path: path)
        }
        return ProjectStore(path: path, db: queue)
    }

    static func mapOpenError(_ e: DatabaseError, path: String) -> StoreError {
        switch e.resultCode {
        case .SQLITE_NOTADB: return .notSQLite(path)
        case .SQLITE_CORRUPT: return .corrupt(path, detail: e.message ?? "malformed")
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH: return .unwritable(path, detail: e.message ?? "cannot open")
        case .SQLITE_FULL: return .unwritable(path, detail: "the disk is full")
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(path)
        default: return .ioFailure(path, detail: e.message ?? "\(e.resultCode)")
        }
    }

    func mapped<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as DatabaseError {
            throw ProjectStore.mapOpenError(e, path: path)
        }
    }

    public func close() throws { try db.close() }

    /// The journal text written for `edit` (for benchmarks and tools that read the journal).
    public static func journalText(for edit: Edit) throws -> String { try JournalCoding.encode(edit) }

    // MARK: Project and journal

    /// Reads the whole project.
    public func loadProject() throws -> Project {
        try mapped { try db.read { try ProjectLoader.load($0, path: path) } }
    }

    /// Reads the whole project and the journal position it stands at, from one snapshot.
    public func loadProjectAndPosition() throws -> (project: Project, position: JournalPosition) {
        try read { tx in (try ProjectLoader.load(tx.db, path: path), try tx.position()) }
    }

    /// Runs `body` in one IMMEDIATE transaction: it holds the file's write lock from the
    /// start, so writers in other processes wait (busy timeout, then retry) instead of
    /// building on a state that is about to change. Committed when `body` returns.
    public func write<T>(_ body: (JournalTransaction) throws -> T) throws -> T {
        try retryingWhenBusy {
            try db.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(JournalTransaction(db: db, path: path))
                    return .commit
                }
                return result!
            }
        }
    }

    /// Runs `body` in one read transaction: a consistent snapshot of the file.
    public func read<T>(_ body: (JournalTransaction) throws -> T) throws -> T {
        try retryingWhenBusy { try db.read { try body(JournalTransaction(db: $0, path: path)) } }
    }

    /// PRAGMA data_version outside any transaction: changes when another connection commits,
    /// so polling it tells cheaply whether the file changed under this one.
    public func dataVersion() throws -> Int64 {
        try mapped { try db.writeWithoutTransaction { try Int64.fetchOne($0, sql: "PRAGMA data_version") ?? 0 } }
    }

    /// Another process holding the write lock longer than the busy timeout is waited for
    /// again, up to `busyLimit` seconds in all; only then is the edit refused, in one sentence.
    func retryingWhenBusy<T>(_ body: () throws -> T) throws -> T {
        let deadline = Date().addingTimeInterval(ProjectStore.busyLimit)
        while true {
            do { return try mapped(body) } catch StoreError.busy(let p) {
                guard Date() < deadline else { throw StoreError.busy(p) }
            }
        }
    }

    /// The longest a write waits for other processes before it is refused.
    static let busyLimit: TimeInterval = 60

    public func journalCounts() throws -> (done: Int, undone: Int) {
        try mapped {
            try db.read { db in
                let d = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM journal WHERE state = 'done'") ?? 0
                let u = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM journal WHERE state = 'undone'") ?? 0
                return (d, u)
            }
        }
    }

    /// Runs SQLite's full integrity check; "ok" when the file is sound.
    public func integrityCheck() throws -> String {
        try mapped { try db.read { try String.fetchAll($0, sql: "PRAGMA integrity_check").joined(separator: "; ") } }
    }
}

/// Edits are journaled as JSON: readable with the sqlite3 shell, stable across versions.
enum JournalCoding {
    static func encode(_ edit: Edit) throws -> String {
        if case .updateShot(let old, let new) = edit { return try ShotPatch.json(old: old, new: new) }
        return String(decoding: try ShotPatch.encoder.encode(edit), as: UTF8.self)
    }
    /// Decodes a journal entry; shot patches are completed from `current`.
    static func decode(_ text: String, current: Project) throws -> Edit {
        if text.hasPrefix("{\"shotPatch\"") {
            guard let obj = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
                  let patch = obj["shotPatch"] as? [String: Any] else { throw JournalError.unreadable("shot patch") }
            return try ShotPatch.edit(from: patch, current: current)
        }
        return try JSONDecoder().decode(Edit.self, from: Data(text.utf8))
    }
    static func encodeValue<T: Encodable>(_ v: T) throws -> String { try FieldJSON.encode(v) }
    static func decodeValue<T: Decodable>(_ type: T.Type, _ text: String) throws -> T { try FieldJSON.decode(T.self, text) }
}
