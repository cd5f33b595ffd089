import Foundation
import KinoCore
import KinoEditor
import KinoEngine
import KinoKit

/// Carries out the reducer's effects against a backend, off the UI thread, and answers with
/// Actions on the queue the UI loop drains. Edits, undo and redo run in order on one queue;
/// generation jobs on another (one at a time: the engine already uses the cores); preview
/// frames on a third, where only the newest request counts. A job that throws becomes a
/// message, never a crash of the UI.
final class EffectRunner: @unchecked Sendable {
    let backend: EditorBackend
    let actions: ActionQueue
    private let edits = DispatchQueue(label: "kino.editor.edits")
    private let jobs = DispatchQueue(label: "kino.editor.jobs", qos: .userInitiated)
    private let frames = DispatchQueue(label: "kino.editor.frames", qos: .userInitiated)
    private let status = DispatchQueue(label: "kino.editor.status", qos: .utility)
    private let lock = NSLock()
    private var tokens: [JobID: CancelToken] = [:]
    private var frameRequest = 0
    /// Other processes' edits, caught up with on the edits queue, in order with this editor's.
    private(set) lazy var external = ExternalEdits(backend: backend, queue: edits) { [weak self] in self?.refreshStatus($0) }

    init(backend: EditorBackend, actions: ActionQueue) {
        self.backend = backend
        self.actions = actions
    }

    /// Starts the effects; returns at once. `.quit` and `.loadTheme` are the UI loop's own.
    func perform(_ effects: [Effect]) {
        for effect in effects { perform(effect) }
    }

    private func perform(_ effect: Effect) {
        let backend = self.backend, actions = self.actions
        switch effect {
        // A verb may change the project (a take, a character): a snapshot taken before it is dropped.
        case .applyEdit, .undo, .redo, .perform: external.noteIssuedEdit()
        default: break
        }
        switch effect {
        case .applyEdit(let edit):
            edits.async {
                do { try backend.apply(edit) } catch {
                    actions.post(.error(error.localizedDescription))
                    actions.post(.projectChanged(backend.project))
                }
            }
        case .undo, .redo:
            let isUndo = effect == .undo
            edits.async {
                do {
                    if let edit = isUndo ? try backend.undo() : try backend.redo() {
                        actions.post(.projectChanged(backend.project))
                        // The reducer marks the affected shots stale and cancels their jobs.
                        actions.post(.info("\(isUndo ? "undid" : "redid") \(edit.label)"))
                    } else {
                        actions.post(.info(isUndo ? "nothing to undo" : "nothing to redo"))
                    }
                } catch {
                    actions.post(.error(error.localizedDescription))
                }
            }
        case .perform(let invocation, let context, let job?):
            start(job, invocation, context)
        case .perform(let invocation, let context, nil):
            // In order with the edits before it, so it sees the project they made.
            edits.async {
                do {
                    let outcome = try backend.perform(invocation, context: context)
                    actions.post(.projectChanged(backend.project))
                    if !outcome.message.isEmpty { actions.post(.info(outcome.message)) }
                    let touched = outcome.affectedShots.filter { backend.project.shotIndex($0) != nil }.sorted()
                    if !touched.isEmpty { self.refreshStatus(touched) }
                } catch {
                    actions.post(.error(error.localizedDescription))
                    actions.post(.projectChanged(backend.project))
                }
            }
        case .cancelJob(let id):
            lock.withLock { tokens[id] }?.cancel()
        case .requestFrame(let shot, let frame):
            let ticket = lock.withLock { frameRequest += 1; return frameRequest }
            frames.async {
                guard self.lock.withLock({ self.frameRequest == ticket }) else { return }
                if let f = backend.cachedPreviewFrame(shot: shot, frame: frame) {
                    actions.post(.frameArrived(shot: shot, frame: frame, image: f))
                    return
                }
                guard backend.hasCurrentTake(shot) else { return }
                guard self.lock.withLock({ self.frameRequest == ticket }) else { return }
                if let f = try? backend.previewFrame(shot: shot, frame: frame) {
                    actions.post(.frameArrived(shot: shot, frame: frame, image: f))
                }
            }
        case .refreshStatus(let shots):
            refreshStatus(shots)
        case .quit, .loadTheme:
            break
        }
    }

    /// Before the project closes: cancels every job, waits (a few seconds at most) for the
    /// running one to stop, and waits for every edit still queued to be saved.
    func shutdown() {
        lock.withLock { tokens.values.forEach { $0.cancel() } }
        let stopped = DispatchSemaphore(value: 0)
        jobs.async { stopped.signal() }
        _ = stopped.wait(timeout: .now() + 5)
        edits.sync {}
    }

    /// Reads the status of shots in the background, in batches so a long project's first
    /// screen does not wait for the last shot.
    func refreshStatus(_ shots: [ShotID]) {
        let backend = self.backend, actions = self.actions
        status.async {
            for batch in stride(from: 0, to: shots.count, by: 50) {
                var out: [ShotID: ShotStatus] = [:]
                for id in shots[batch..<min(shots.count, batch + 50)] { out[id] = backend.status(of: id) }
                actions.post(.statusChanged(out))
            }
        }
    }

    /// Runs a verb that hands back jobs: the verb is performed in order with the edits (so it
    /// sees them), its jobs one at a time on the jobs queue, under the reducer's job id.
    private func start(_ id: JobID, _ invocation: VerbInvocation, _ context: VerbContext) {
        let token = CancelToken()
        lock.withLock { tokens[id] = token }
        let backend = self.backend, actions = self.actions
        edits.async {
            let outcome: VerbOutcome
            do { outcome = try backend.perform(invocation, context: context) } catch {
                self.lock.withLock { self.tokens[id] = nil }
                actions.post(.jobFinished(id, .failed("\(invocation.verb) failed: \(error.localizedDescription)")))
                return
            }
            self.jobs.async { self.runJobs(id, outcome.jobs, token: token) }
        }
    }

    private func runJobs(_ id: JobID, _ work: [VerbJob], token: CancelToken) {
        let backend = self.backend, actions = self.actions
        defer { lock.withLock { tokens[id] = nil } }
        let label = work.map(\.label).joined(separator: ", ")
        if token.isCancelled {
            actions.post(.jobFinished(id, .cancelled("cancelled \(label)")))
            return
        }
        actions.post(.jobStarted(id))
        let progress = GenerationProgress()
        // Progress is polled: the engine advances the counter, a timer posts it.
        let timer = DispatchSource.makeTimerSource(queue: status)
        timer.schedule(deadline: .now() + .milliseconds(100), repeating: .milliseconds(100))
        timer.setEventHandler { actions.post(.jobProgress(id, progress.fraction)) }
        timer.resume()
        defer { timer.cancel() }
        do {
            var text = ""
            for job in work {
                text = try backend.run(job, progress: progress, cancel: token) { shot, frame, image in
                    actions.post(.frameArrived(shot: shot, frame: frame, image: image))
                }
            }
            actions.post(.jobFinished(id, .succeeded(text)))
        } catch let error as GenerationError where error == .cancelled {
            actions.post(.jobFinished(id, .cancelled("cancelled \(label)")))
        } catch {
            if token.isCancelled {
                actions.post(.jobFinished(id, .cancelled("cancelled \(label)")))
            } else {
                actions.post(.jobFinished(id, .failed("\(label) failed: \(error.localizedDescription)")))
            }
        }
        // Through the edits queue, so the snapshot includes every edit made meanwhile.
        edits.async { actions.post(.projectChanged(backend.project)) }
        let shots = work.compactMap(\.shot)
        if !shots.isEmpty { refreshStatus(shots) }
    }
}
