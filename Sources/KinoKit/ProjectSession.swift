import Foundation
import KinoCore
import KinoEngine
import KinoStore

/// The one API that the command line and the editor stand on: a project file opened for
/// editing, with the engine and the frame cache beside it. Thread-safe: the editor applies
/// edits on its UI thread while render jobs run on others. Other processes may edit the same
/// file: every edit, undo and redo first catches up with what they committed, inside its
/// write transaction, and `followFile()` catches up between edits.
public final class ProjectSession: @unchecked Sendable {
    public let path: String
    let store: ProjectStore
    let engine: any GenerationEngine
    let lock = NSRecursiveLock()
    private var _project: Project
    /// Where `_project` stands in the file's journal.
    private var position: JournalPosition
    /// PRAGMA data_version when `_project` last caught up: unchanged means no other process
    /// committed since, so nothing needs reading.
    private var seenDataVersion: Int64
    /// Counts the times `_project` changed other than by applying an edit exactly as given:
    /// another process's edits caught up with, or an edit completed against a newer shot.
    private var _externalGeneration = 0
    /// Files whose content hash was checked: path → (modification time, size).
    private var verifiedMedia: [String: (Date, Int64)] = [:]

    init(path: String, store: ProjectStore, engine: any GenerationEngine) throws {
        self.path = path
        self.store = store
        self.engine = engine
        // The version first: a commit landing between the two is caught up with later.
        self.seenDataVersion = try store.dataVersion()
        (self._project, self.position) = try store.loadProjectAndPosition()
    }

    /// Creates a new, empty project file (refuses to overwrite).
    public static func create(at path: String, settings: ProjectSettings,
                              engine: any GenerationEngine = ProjectSession.defaultEngine()) throws -> ProjectSession {
        let store = try ProjectStore.create(at: path, project: Project(settings: settings))
        return try ProjectSession(path: path, store: store, engine: engine)
    }

    /// Creates a project file holding `project` (with an empty history).
    public static func create(at path: String, project: Project,
                              engine: any GenerationEngine = ProjectSession.defaultEngine()) throws -> ProjectSession {
        let store = try ProjectStore.create(at: path, project: project)
        return try ProjectSession(path: path, store: store, engine: engine)
    }

    /// Opens an existing project file.
    public static func open(at path: String, engine: any GenerationEngine = ProjectSession.defaultEngine()) throws -> ProjectSession {
        let store = try ProjectStore.open(at: path)
        return try ProjectSession(path: path, store: store, engine: engine)
    }

    public func close() { try? store.close() }

    /// The project as it is now (a value: later edits do not change it).
    public var project: Project { lock.withLock { _project } }

    /// The sidecar folder for full-resolution frames: NAME.kino-cache beside NAME.kino.
    public var cacheDirectory: String {
        let base = path.hasSuffix(".kino") ? String(path.dropLast(5)) : path
        return base + ".kino-cache"
    }

    /// Validates and applies `edit`, persisting it with its journal row in one transaction.
    /// The edit is checked against the file as it is inside that transaction; a shot change
    /// built from an older copy of the shot is completed against the current one (see
    /// `Edit.completed(against:)`), and refused when another process changed the same field.
    /// On any error the project (in memory and on disk) is unchanged.
    @discardableResult
    public func apply(_ edit: Edit) throws -> Project {
        try lock.withLock { try commit { _ in edit }.project }
    }

    /// Builds an edit from the current project — the file's, read inside the write
    /// transaction, so ids and old values are never another process's stale ones — and
    /// applies it.
    @discardableResult
    public func apply(_ build: (Project) throws -> Edit) throws -> Edit {
        try lock.withLock { try commit(build).edit }
    }

    private func commit(_ build: (Project) throws -> Edit) throws -> (edit: Edit, project: Project) {
        let (edit, next, seq) = try store.write { tx in
            try catchUp(tx)
            var edit = try build(_project)
            let next: Project
            do {
                next = try _project.applying(edit)
            } catch let error as ValidationError {
                guard case .stale = error, let completed = try? edit.completed(against: _project), completed != edit,
                      let n = try? _project.applying(completed) else { throw error }
                (edit, next) = (completed, n)
                _externalGeneration += 1
            }
            return (edit, next, try tx.record(edit))
        }
        _project = next
        position = JournalPosition(lastDone: seq, doneCount: position.doneCount + 1)
        return (edit, next)
    }

    /// Reverts the latest edit of the shared journal (whichever process made it); returns it,
    /// or nil when there is nothing to undo.
    @discardableResult
    public func undo() throws -> Edit? {
        try lock.withLock { try step(undoing: true) }
    }

    /// Re-applies the oldest undone edit of the shared journal; returns it, or nil when there
    /// is nothing to redo.
    @discardableResult
    public func redo() throws -> Edit? {
        try lock.withLock { try step(undoing: false) }
    }

    private func step(undoing: Bool) throws -> Edit? {
        let done = try store.write { tx -> (Edit, Project, JournalPosition)? in
            try catchUp(tx)
            guard let (seq, edit) = undoing ? try tx.lastDone(current: _project) : try tx.firstUndone(current: _project) else { return nil }
            let change = undoing ? edit.inverse : edit
            let next = try _project.applying(change)
            try tx.markJournal(seq: seq, applying: change, newState: undoing ? .undone : .done)
            return (edit, next, try tx.position())
        }
        guard let (edit, next, now) = done else { return nil }
        _project = next
        position = now
        return edit
    }

    /// Catches up with what other processes committed since the last look; cheap when nothing
    /// was (one PRAGMA). Returns the shots that may have changed, all of them after a reload,
    /// nil when nothing changed. Skips (nil) while this session is busy with an edit of its own.
    public func followFile() throws -> Set<ShotID>? {
        guard lock.try() else { return nil }
        defer { lock.unlock() }
        switch try catchUpIfChanged() {
        case .unchanged: return nil
        case .replayed(let shots): return shots
        case .reloaded: return Set(_project.shots.map(\.id))
        }
    }

    /// The project as the file holds it now, other processes' edits included: what a verb's
    /// arguments (positions, names) are resolved against.
    public func currentProject() throws -> Project {
        try lock.withLock {
            try catchUpIfChanged()
            return _project
        }
    }

    /// Catches up outside an edit when the file's data_version moved (call with the lock held).
    @discardableResult
    private func catchUpIfChanged() throws -> JournalCatchUp {
        guard try store.dataVersion() != seenDataVersion else { return .unchanged }
        return try store.read { try catchUp($0) }
    }

    /// Changes with every catch-up that changed the project and every edit completed against
    /// a newer shot: a front end holding its own copy of the project compares it to know
    /// when to take `project` again.
    public var externalGeneration: Int { lock.withLock { _externalGeneration } }

    /// Brings `_project` up to the file inside `tx` (call with the lock held).
    @discardableResult
    private func catchUp(_ tx: JournalTransaction) throws -> JournalCatchUp {
        let version = try tx.dataVersion()
        guard version != seenDataVersion else { return .unchanged }
        var p = _project, at = position
        let result = try tx.catchUp(&p, from: &at)
        (_project, position, seenDataVersion) = (p, at, version)
        if result != .unchanged { _externalGeneration += 1 }
        return result
    }

    public var canUndo: Bool { (try? store.journalCounts().done) ?? 0 > 0 }
    public var canRedo: Bool { (try? store.journalCounts().undone) ?? 0 > 0 }
    public var historyCounts: (done: Int, undone: Int) { (try? store.journalCounts()) ?? (0, 0) }

    /// Every take of a shot, oldest first.
    public func takes(of shot: ShotID) -> [Take] { (try? store.takes(of: shot)) ?? [] }

    /// Refuses a referenced file whose content changed since it was added: regenerated frames
    /// would silently differ from the take's. Checked once per file version (mtime and size).
    func verifyUnchanged(_ ref: MediaReference) throws {
        guard let attrs = try? FileManager.default.attributesOfItem(atPath: ref.path),
              let mtime = attrs[.modificationDate] as? Date, let size = (attrs[.size] as? NSNumber)?.int64Value else {
            throw KinoKitError.missingFile(ref.path)
        }
        let key = ref.path + "\n" + ref.contentHash
        if let seen = lock.withLock({ verifiedMedia[key] }), seen.0 == mtime, seen.1 == size { return }
        guard try hashFile(ref.path) == ref.contentHash else { throw KinoKitError.changedFile(ref.path) }
        lock.withLock { verifiedMedia[key] = (mtime, size) }
    }

    /// SQLite's integrity check of the project file ("ok" when sound).
    public func integrityCheck() throws -> String { try store.integrityCheck() }
}
