import Foundation
import KinoCore
import KinoEditor
import KinoEngine
import KinoKit

/// What the editor's runtime needs from a project: the snapshot, edits with undo/redo, per-shot
/// status, generation with progress, cancellation and frames as they arrive, and preview
/// frames. `SessionBackend` provides it over KinoKit's ProjectSession. Must be thread-safe:
/// the runtime calls it from background queues.
public protocol EditorBackend: AnyObject, Sendable {
    var project: Project { get }
    @discardableResult func apply(_ edit: Edit) throws -> Project
    /// The edit undone, or nil when there is nothing to undo.
    func undo() throws -> Edit?
    func redo() throws -> Edit?
    func status(of shot: ShotID) -> ShotStatus
    /// Performs a verb of KinoKit's table, resolved against the current project with the
    /// selection it was typed with (the CLI and `kino batch` perform the same verbs).
    func perform(_ invocation: VerbInvocation, context: VerbContext) throws -> VerbOutcome
    /// Runs a verb's job to the end; returns the sentence the status line shows.
    func run(_ job: VerbJob, progress: GenerationProgress, cancel: CancelToken,
             onFrame: @escaping @Sendable (ShotID, Int, Frame) -> Void) throws -> String
    /// Whether the shot has a finished current take (so its frames can be had).
    func hasCurrentTake(_ shot: ShotID) -> Bool
    /// A preview frame if it can be had without rendering.
    func cachedPreviewFrame(shot: ShotID, frame: Int) -> Frame?
    /// A preview frame, rendering it if needed (only for shots with a take).
    func previewFrame(shot: ShotID, frame: Int) throws -> Frame
    /// Catches up with edits other processes committed to the file; the shots they may have
    /// changed, or nil when nothing changed (or the check must wait for an edit in progress).
    func followExternalEdits() -> Set<ShotID>?
    /// Changes whenever `project` changed other than by an edit applied exactly as given.
    var externalGeneration: Int { get }
}
