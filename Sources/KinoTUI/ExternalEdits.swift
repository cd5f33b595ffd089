import Dispatch
import Foundation
import KinoCore

/// Follows edits other processes (the CLI, a second editor) make to the open file: `poll()`
/// asks the backend to catch up, on the queue the editor's own edits are saved on, and
/// `takeProject()` hands the UI loop the project to show — only when no edit of this
/// editor was issued after the poll was asked for, so the snapshot never drops one of them.
public final class ExternalEdits: @unchecked Sendable {
    let backend: EditorBackend
    private let queue: DispatchQueue
    private let lock = NSLock()
    private var issued = 0
    private var polling = false
    private var delivered: Int
    private var ready: (project: Project, generation: Int, ticket: Int)?
    private let onTouched: @Sendable ([ShotID]) -> Void
    private var lastPoll: UInt64 = 0

    /// How often the file is checked (PRAGMA data_version, nothing more when it is unchanged).
    /// With the UI loop waking at least every 40 ms, an edit shows within about two intervals.
    public static let intervalNanos: UInt64 = 40_000_000

    /// `queue` must be the serial queue the editor's edits are applied on; `onTouched` is
    /// told which shots another process changed (to refresh their status).
    public init(backend: EditorBackend, queue: DispatchQueue, onTouched: @escaping @Sendable ([ShotID]) -> Void = { _ in }) {
        self.backend = backend
        self.queue = queue
        self.onTouched = onTouched
        self.delivered = backend.externalGeneration
    }

    /// One turn of the UI loop (`now` in uptime nanoseconds): polls when an interval has passed
    /// and returns the project to show, if another process changed it.
    public func step(now: UInt64) -> Project? {
        if now &- lastPoll >= Self.intervalNanos {
            lastPoll = now
            poll()
        }
        return takeProject()
    }

    /// Called on the UI thread for every effect that changes the project through `queue`.
    public func noteIssuedEdit() { lock.withLock { issued += 1 } }

    /// Starts one catch-up unless one is on its way; returns at once.
    public func poll() {
        let ticket: Int? = lock.withLock {
            guard !polling else { return nil }
            polling = true
            return issued
        }
        guard let ticket else { return }
        let backend = self.backend
        queue.async {
            defer { self.lock.withLock { self.polling = false } }
            if let touched = backend.followExternalEdits() {
                let project = backend.project
                let present = touched.filter { project.shotIndex($0) != nil }.sorted()
                if !present.isEmpty { self.onTouched(present) }
            }
            let generation = backend.externalGeneration
            guard generation != self.lock.withLock({ self.delivered }) else { return }
            let project = backend.project
            self.lock.withLock { self.ready = (project, generation, ticket) }
        }
    }

    /// The project to show when another process changed it, or nil. A snapshot taken before
    /// an edit this editor issued since is dropped; the next poll takes a new one.
    public func takeProject() -> Project? {
        lock.withLock {
            guard let r = ready else { return nil }
            ready = nil
            guard r.ticket == issued else { return nil }
            delivered = r.generation
            return r.project
        }
    }
}
