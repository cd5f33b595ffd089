import Foundation
import KinoCore
import KinoEditor
import KinoEngine

/// A job the runtime runs in the background for the editor.
public enum EditorJobRequest: Hashable, Sendable {
    case render(ShotID)
    case extend(ShotID, frames: Int, prompt: String?)
    case refine(ShotID, from: Int, to: Int?)
    case export(path: String)
}

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
    /// Runs a job to the end; returns the sentence the status line shows ("rendered sh2 (take 3)").
    func run(_ job: EditorJobRequest, progress: GenerationProgress, cancel: CancelToken,
             onFrame: @escaping @Sendable (ShotID, Int, Frame) -> Void) throws -> String
    /// Makes take number `number` (1-based) the shot's current take.
    func useTake(number: Int, of shot: ShotID) throws
    /// Adds a character; its appearance is derived from the description.
    func addCharacter(name: String, description: String) throws -> Character
    /// Sets a character's reference image (its appearance is derived again).
    func setCharacterReference(_ character: CharacterID, path: String) throws -> Character
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
