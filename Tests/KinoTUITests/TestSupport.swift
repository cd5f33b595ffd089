import Foundation
import KinoCore
import KinoEditor
import KinoEngine
import KinoKit
@testable import KinoTUI

/// A fresh temporary folder per test, removed afterwards.
final class TempFolder {
    let path: String
    init() {
        path = NSTemporaryDirectory() + "kino-tui-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
    func file(_ name: String) -> String { path + "/" + name }
}

/// A real project file with one scene and a shot per entry of `seconds`, small enough to render fast.
func makeProject(at path: String, seconds: [Double], size: String = "160x90") throws -> ProjectSession {
    let s = try ProjectSession.create(at: path, settings: ProjectSettings(name: "tui", frameRate: .fps24,
                                                                          resolution: try Resolution.parse(size)))
    var scene: SceneID!
    try s.apply { p in let (e, id) = try p.addingScene(name: "main", environment: "street", lighting: nil); scene = id; return e }
    for (i, sec) in seconds.enumerated() {
        let frames = try FrameRate.fps24.frames(seconds: sec)
        try s.apply { p in
            try p.addingShot({ Shot(id: $0, sceneID: scene, prompt: "a red car drives down a street, camera orbits",
                                    duration: frames, seed: UInt64(7 + i)) }).0
        }
    }
    return s
}

/// The SessionBackend, with every call counted: how many run now, and whether one started
/// after `close()` (the session is gone then; such a call is the crash of issue 10).
final class WatchedBackend: EditorBackend, @unchecked Sendable {
    let inner: SessionBackend
    private let lock = NSLock()
    private var running = 0
    private var closed = false
    private(set) var callsAfterClose = 0
    private(set) var calls = 0

    init(_ inner: SessionBackend) { self.inner = inner }

    var inFlight: Int { lock.withLock { running } }
    func close() { lock.withLock { closed = true } }

    private func watch<T>(_ body: () throws -> T) rethrows -> T {
        lock.withLock {
            calls += 1
            running += 1
            if closed { callsAfterClose += 1 }
        }
        defer { lock.withLock { running -= 1 } }
        return try body()
    }

    var project: Project { watch { inner.project } }
    func apply(_ edit: Edit) throws -> Project { try watch { try inner.apply(edit) } }
    func undo() throws -> Edit? { try watch { try inner.undo() } }
    func redo() throws -> Edit? { try watch { try inner.redo() } }
    func status(of shot: ShotID) -> ShotStatus { watch { inner.status(of: shot) } }
    func perform(_ invocation: VerbInvocation, context: VerbContext) throws -> VerbOutcome {
        try watch { try inner.perform(invocation, context: context) }
    }
    func run(_ job: VerbJob, progress: GenerationProgress, cancel: CancelToken,
             onFrame: @escaping @Sendable (ShotID, Int, Frame) -> Void) throws -> String {
        try watch { try inner.run(job, progress: progress, cancel: cancel, onFrame: onFrame) }
    }
    func hasCurrentTake(_ shot: ShotID) -> Bool { watch { inner.hasCurrentTake(shot) } }
    func cachedPreviewFrame(shot: ShotID, frame: Int) -> Frame? { watch { inner.cachedPreviewFrame(shot: shot, frame: frame) } }
    func previewFrame(shot: ShotID, frame: Int) throws -> Frame { try watch { try inner.previewFrame(shot: shot, frame: frame) } }
    func followExternalEdits() -> Set<ShotID>? { watch { inner.followExternalEdits() } }
    var externalGeneration: Int { watch { inner.externalGeneration } }
}

/// Collects what the runner posts, and waits for a condition on it (never a fixed sleep).
final class ActionLog {
    let queue: ActionQueue
    private(set) var seen: [Action] = []
    init(_ queue: ActionQueue) { self.queue = queue }

    /// Drains the queue until `condition` holds on everything seen, or `seconds` pass.
    @discardableResult
    func wait(seconds: Double, until condition: ([Action]) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            seen += queue.drain()
            if condition(seen) { return true }
            if Date() > deadline { return false }
            usleep(2_000)
        }
    }
}

extension Action {
    var finishedJob: (JobID, JobOutcome)? { if case .jobFinished(let id, let o) = self { return (id, o) }; return nil }
    var startedJob: JobID? { if case .jobStarted(let id) = self { return id }; return nil }
    var status: [ShotID: ShotStatus]? { if case .statusChanged(let s) = self { return s }; return nil }
    var progressFraction: Double? { if case .jobProgress(_, let f) = self { return f }; return nil }
}

/// The effect the editor's `r` (or `:render`) sends for `shot`, under job `id`.
func renderEffect(_ id: JobID, shot: ShotID) throws -> Effect {
    .perform(try Verbs.invocation(["render"]), context: VerbContext(selectedShot: shot), job: id)
}

/// The effect of `:export PATH`, under job `id`.
func exportEffect(_ id: JobID, to path: String) throws -> Effect {
    .perform(try Verbs.invocation(["export", path]), context: VerbContext(), job: id)
}
