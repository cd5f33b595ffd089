import Foundation
import KinoCore
import KinoEngine
import KinoStore

/// The one API that the command line and the editor stand on: a project file opened for
/// editing, with the engine and the frame cache beside it. Thread-safe: the editor applies
/// edits on its UI thread while render jobs run on others.
public final class ProjectSession: @unchecked Sendable {
    public let path: String
    let store: ProjectStore
    let engine: any GenerationEngine
    let lock = NSRecursiveLock()
    private var _project: Project
    /// Files whose content hash was checked: path → (modification time, size).
    private var verifiedMedia: [String: (Date, Int64)] = [:]

    init(path: String, store: ProjectStore, engine: any GenerationEngine) throws {
        self.path = path
        self.store = store
        self.engine = engine
        self._project = try store.loadProject()
        // Takes a killed process left rendering: marked interrupted, their frames collected.
        for take in (try? store.settleInterruptedTakes()) ?? [] { cache.removeFrames(of: take) }
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
    /// On any error the project (in memory and on disk) is unchanged.
    @discardableResult
    public func apply(_ edit: Edit) throws -> Project {
        try lock.withLock {
            let next = try _project.applying(edit)
            try store.record(edit)
            _project = next
            return next
        }
    }

    /// Builds an edit from the current project and applies it, atomically with respect to
    /// other threads (so the edit is never built from a stale project).
    @discardableResult
    public func apply(_ build: (Project) throws -> Edit) throws -> Edit {
        try lock.withLock {
            let edit = try build(_project)
            try apply(edit)
            return edit
        }
    }

    /// Reverts the last edit; returns it, or nil when there is nothing to undo.
    @discardableResult
    public func undo() throws -> Edit? {
        try lock.withLock {
            guard let (seq, edit) = try store.lastDone(current: _project) else { return nil }
            let inverse = edit.inverse
            let next = try _project.applying(inverse)
            try store.markJournal(seq: seq, applying: inverse, newState: "undone")
            _project = next
            return edit
        }
    }

    /// Re-applies the last undone edit; returns it, or nil when there is nothing to redo.
    @discardableResult
    public func redo() throws -> Edit? {
        try lock.withLock {
            guard let (seq, edit) = try store.firstUndone(current: _project) else { return nil }
            let next = try _project.applying(edit)
            try store.markJournal(seq: seq, applying: edit, newState: "done")
            _project = next
            return edit
        }
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
