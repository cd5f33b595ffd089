import Foundation
import KinoCore
import KinoEditor
import KinoEngine
import KinoKit

/// The editor's backend over KinoKit's ProjectSession: edits and undo go through its journal,
/// generation renders preview-quality takes, frames come from its cache.
public final class SessionBackend: EditorBackend, @unchecked Sendable {
    public let session: ProjectSession

    public init(session: ProjectSession) { self.session = session }

    public var project: Project { session.project }

    @discardableResult
    public func apply(_ edit: Edit) throws -> Project { try session.apply(edit) }
    public func undo() throws -> Edit? { try session.undo() }
    public func redo() throws -> Edit? { try session.redo() }
    public func followExternalEdits() -> Set<ShotID>? { try? session.followFile() }
    public var externalGeneration: Int { session.externalGeneration }

    public func status(of shot: ShotID) -> ShotStatus {
        let takes = session.takeList(of: shot)
        let current = session.project.shot(shot)?.currentTakeID
        let render: ShotRenderStatus
        switch session.renderState(of: shot) {
        case .notRendered: render = .notRendered
        case .rendered: render = .rendered
        case .stale: render = .stale
        }
        let position = takes.number(of: current)
        // The middle thumbnail of the current take, small: the timeline shows it in a few cells.
        let thumbs = session.thumbnails(shot: shot)
        let thumbnail = thumbs.isEmpty ? nil : thumbs[thumbs.count / 2].image.resized(
            width: 32, height: max(2, 32 * thumbs[thumbs.count / 2].image.height / max(1, thumbs[thumbs.count / 2].image.width)))
        return ShotStatus(render: render, currentTake: position, takeCount: takes.complete.count,
                          ignoredWords: session.interpret(shot: shot).ignored, thumbnail: thumbnail,
                          segmentWords: segmentWords(of: shot))
    }

    /// The words of the current take's own segment when an extend or refine gave it new ones.
    func segmentWords(of shot: ShotID) -> String? {
        guard let t = session.currentTake(of: shot), t.prompt != session.project.shot(shot)?.prompt else { return nil }
        switch t.lineage {
        case .extended, .refined: return t.prompt
        case .rendered, .imported: return nil
        }
    }

    public func perform(_ invocation: VerbInvocation, context: VerbContext) throws -> VerbOutcome {
        try Verbs.resolve(invocation, in: try session.currentProject(), context: context).perform(on: session)
    }

    public func run(_ job: VerbJob, progress: GenerationProgress, cancel: CancelToken,
                    onFrame: @escaping @Sendable (ShotID, Int, Frame) -> Void) throws -> String {
        try session.run(job, progress: progress, cancel: cancel, onFrame: onFrame)
    }

    public func hasCurrentTake(_ shot: ShotID) -> Bool {
        session.currentTake(of: shot)?.status == .complete
    }

    public func cachedPreviewFrame(shot: ShotID, frame: Int) -> Frame? {
        session.cachedFrame(shot: shot, at: frame, quality: .preview)
    }

    /// Regenerates missing frames of the current take only when it matches the shot: a stale
    /// shot is never re-rendered (a new take) just because the playhead passed over it.
    public func previewFrame(shot: ShotID, frame: Int) throws -> Frame {
        guard session.renderState(of: shot) == .rendered else { throw KinoKitError.shotHasNoFrames(shot.raw) }
        return try session.frame(shot: shot, at: frame, quality: .preview)
    }
}
