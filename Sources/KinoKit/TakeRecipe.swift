import Foundation
import KinoCore
import KinoEngine

/// The inputs of a generation, frozen when it ran: enough to regenerate a take's frames
/// bit for bit after the frame cache was deleted.
struct SpecSnapshot: Codable, Hashable, Sendable {
    var shot: Shot
    var characters: [Character]
    var lighting: LightingSetup?
    var environment: String
    var frameRate: FrameRate

    init(project p: Project, shot: Shot) {
        var s = shot
        s.currentTakeID = nil
        let context = p.renderContext(of: shot)
        self.init(shot: s, characters: context.characters, lighting: context.lighting,
                  environment: context.environment, frameRate: p.frameRate)
    }

    /// The inputs this snapshot was taken of (the one definition, in KinoCore).
    var inputs: ShotInputs {
        ShotInputs(shot: shot, characters: characters, lighting: lighting, environment: environment, frameRate: frameRate)
    }

    /// Hash of everything that decides the pixels, with the engine's identity.
    func inputHash(engine: EngineIdentity) -> String { inputs.hash(engine: engine) }

    private init(shot: Shot, characters: [Character], lighting: LightingSetup?, environment: String, frameRate: FrameRate) {
        self.shot = shot; self.characters = characters; self.lighting = lighting
        self.environment = environment; self.frameRate = frameRate
    }
}

extension ShotInputs {
    /// The input hash a take records: SHA-256 over the engine's identity and these inputs as
    /// sorted-key JSON, first 16 hex digits. A shot is rendered when its current take's hash
    /// equals this.
    public func hash(engine: EngineIdentity) -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        let bytes = Array(engine.description.utf8) + [UInt8]((try? e.encode(self)) ?? Data())
        return String(SHA256Digest.hex(bytes).prefix(16))
    }
}

/// How a take was made. A take's own frames are split into segments, each generated with one
/// spec; frames before `ownStart` belong to the parent take.
struct TakeRecipe: Codable, Hashable, Sendable {
    struct Segment: Codable, Hashable, Sendable {
        var start: Int
        var end: Int
        var spec: SpecSnapshot
        /// Set when this segment continues footage: it starts from the clip's last used frame
        /// (image to video), its frames numbered from `start`.
        var continuesFootage: Bool? = nil
    }
    enum Kind: Codable, Hashable, Sendable { case render, extend, refine, footage }

    var kind: Kind
    var parent: TakeID?
    /// First frame this take generated itself; frames before come from `parent`.
    var ownStart: Int
    var segments: [Segment]
    /// The shot as it was when this take was made (its inputs match the take's hash); using
    /// the take again restores them.
    var shotState: Shot? = nil
    var frameCount: Int { segments.last?.end ?? ownStart }

    func encoded() -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return String(decoding: (try? e.encode(self)) ?? Data(), as: UTF8.self)
    }

    static func decode(_ text: String) throws -> TakeRecipe {
        try JSONDecoder().decode(TakeRecipe.self, from: Data(text.utf8))
    }
}

/// The two sizes frames are made at.
public enum RenderQuality: String, Sendable, Hashable, CaseIterable, Codable {
    /// Small frames for the editor's preview (320 wide).
    case preview
    /// The project's resolution, for export.
    case full

    public func resolution(for project: Project) -> Resolution {
        switch self {
        case .full: return project.settings.resolution
        case .preview:
            let w = min(320, project.settings.resolution.width)
            let h = max(16, Int((Double(w) / project.settings.resolution.aspect / 2).rounded()) * 2)
            return (try? Resolution(width: w, height: h)) ?? .preview
        }
    }
}

/// Where a shot stands with respect to its frames.
public enum ShotRenderState: String, Sendable, Hashable, Codable {
    case notRendered = "not rendered"
    case rendered
    /// The shot changed since its current take was made.
    case stale
}
