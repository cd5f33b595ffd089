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

    public func status(of shot: ShotID) -> ShotStatus {
        let takes = session.takes(of: shot).filter { $0.status == .complete }
        let current = session.project.shot(shot)?.currentTakeID
        let render: ShotRenderStatus
        switch session.renderState(of: shot) {
        case .notRendered: render = .notRendered
        case .rendered: render = .rendered
        case .stale: render = .stale
        }
        let position = current.flatMap { id in takes.firstIndex { $0.id == id } }.map { $0 + 1 }
        // The middle thumbnail of the current take, small: the timeline shows it in a few cells.
        let thumbs = session.thumbnails(shot: shot)
        let thumbnail = thumbs.isEmpty ? nil : thumbs[thumbs.count / 2].image.resized(
            width: 32, height: max(2, 32 * thumbs[thumbs.count / 2].image.height / max(1, thumbs[thumbs.count / 2].image.width)))
        let report = session.interpret(shot: shot)
        return ShotStatus(render: render, currentTake: position, takeCount: takes.count,
                          ignoredWords: report.ignored, understoodWords: report.understood, thumbnail: thumbnail)
    }

    public func run(_ job: EditorJobRequest, progress: GenerationProgress, cancel: CancelToken,
                    onFrame: @escaping @Sendable (ShotID, Int, Frame) -> Void) throws -> String {
        switch job {
        case .render(let shot):
            let take = try session.render(shot: shot, quality: .preview, progress: progress, cancel: cancel) { onFrame(shot, $0, $1) }
            return "rendered \(shot) (\(take.id), \(take.frameCount) frames)"
        case .extend(let shot, let frames, let prompt):
            let take = try session.extend(shot: shot, frames: frames, prompt: prompt, quality: .preview, progress: progress,
                                          cancel: cancel) { onFrame(shot, $0, $1) }
            return "extended \(shot) by \(frames) frames (\(take.id))"
        case .refine(let shot, let from, let to):
            let take = try session.refine(shot: shot, fromFrame: from, toFrame: to, quality: .preview, progress: progress,
                                          cancel: cancel) { onFrame(shot, $0, $1) }
            return "refined \(shot) from frame \(from) (\(take.id))"
        case .export(let path):
            let codec = ExportCodecGuess.codec(for: path)
            let result = try session.export(to: path, codec: codec, progress: progress, cancel: cancel)
            return String(format: "exported %@ (%d frames, %.1f s, %@)", result.path, result.frames, result.seconds, result.codec)
        }
    }

    public func useTake(number: Int, of shot: ShotID) throws {
        let takes = session.takes(of: shot).filter { $0.status == .complete }
        guard number >= 1, number <= takes.count else { throw ValidationError.unknownTake("\(number)") }
        try session.useTake(takes[number - 1].id, for: shot)
    }

    public func addCharacter(name: String, description: String) throws -> Character {
        try session.addCharacter(name: name, description: description, referencePath: nil)
    }

    public func setCharacterReference(_ character: CharacterID, path: String) throws -> Character {
        try session.updateCharacter(character.raw, name: nil, description: nil, referencePath: path)
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

/// The export codec an output name asks for.
enum ExportCodecGuess {
    static func codec(for path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "mov": return "prores"
        case "mkv": return "ffv1"
        case "", "png": return "png"
        default: return "h264"
        }
    }
}
