import Foundation
import KinoCore

/// An engine's name and version, stored with every take: the same inputs, seed and identity
/// give bit-identical frames.
public struct EngineIdentity: Hashable, Sendable, Codable, CustomStringConvertible {
    public var name: String
    public var version: String
    public init(name: String, version: String) { self.name = name; self.version = version }
    public var description: String { "\(name)/\(version)" }
}

/// Everything the engine needs to draw one shot, resolved from the project: the shot, the
/// characters it casts (with their stored appearances), its effective lighting, its scene's
/// environment, and the decoded start picture when there is one.
public struct ShotSpec: Hashable, Sendable {
    public var shot: Shot
    public var characters: [Character]
    public var lighting: LightingSetup?
    public var sceneEnvironment: String
    public var frameRate: FrameRate
    /// Output size of the frames (preview or full resolution).
    public var resolution: Resolution
    /// The shot's start image, or the last frame of its source video for an extension, decoded.
    public var startFrame: Frame?
    /// The finish: every look feature on unless a preview turns them down.
    public var look: Look

    public init(shot: Shot, characters: [Character], lighting: LightingSetup?, sceneEnvironment: String,
                frameRate: FrameRate, resolution: Resolution, startFrame: Frame? = nil, look: Look = .full) {
        self.shot = shot; self.characters = characters; self.lighting = lighting
        self.sceneEnvironment = sceneEnvironment; self.frameRate = frameRate
        self.resolution = resolution; self.startFrame = startFrame; self.look = look
    }
}

/// A half-open range of frames within a shot, [start, end).
public struct FrameRange: Hashable, Sendable, Codable, CustomStringConvertible {
    public var start: Int
    public var end: Int
    public init(_ start: Int, _ end: Int) { self.start = start; self.end = end }
    public var count: Int { max(0, end - start) }
    public var description: String { "\(start)..<\(end)" }
}

/// The engine's whole simulation state at one frame, serialised. Opaque to everything but
/// the engine that wrote it (which checks `engine` before restoring).
public struct Checkpoint: Hashable, Sendable, Codable {
    public var frame: Int
    public var engine: EngineIdentity
    public var state: Data
    public init(frame: Int, engine: EngineIdentity, state: Data) {
        self.frame = frame; self.engine = engine; self.state = state
    }
}

/// What to generate.
public enum GenerationRequest: Sendable {
    /// Frames `range` of the shot from its start state.
    case render(ShotSpec, FrameRange)
    /// `frames` new frames continuing from `from` (usually the end checkpoint of a take);
    /// the new frames are numbered from `from.frame`.
    case extend(ShotSpec, from: Checkpoint, frames: Int)
    /// Frames `range` regenerated with the spec's (new) inputs, continuing the state of
    /// `from`, whose frame must equal `range.start`.
    case refine(ShotSpec, from: Checkpoint, range: FrameRange)
}

/// Receives frames as they are drawn, in order. Throwing stops the generation.
public protocol FrameSink: Sendable {
    func receive(frameIndex: Int, frame: Frame) throws
}

/// Thread-safe progress counter that a UI or CLI polls.
public final class GenerationProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var _completed = 0
    private var _total = 0
    public init() {}
    public var completed: Int { lock.withLock { _completed } }
    public var total: Int { lock.withLock { _total } }
    public func start(total: Int) { lock.withLock { _total = total; _completed = 0 } }
    public func advance(by n: Int = 1) { lock.withLock { _completed += n } }
    /// 0…1.
    public var fraction: Double { lock.withLock { _total == 0 ? 0 : Double(_completed) / Double(_total) } }
}

/// A cancellation flag shared between the job that runs and whoever may stop it.
public final class CancelToken: @unchecked Sendable {
    private let lock = NSLock()
    private var _cancelled = false
    /// Cancelling the parent cancels this token too.
    private let parent: CancelToken?
    public init(parent: CancelToken? = nil) { self.parent = parent }
    public var isCancelled: Bool { lock.withLock { _cancelled } || (parent?.isCancelled ?? false) }
    public func cancel() { lock.withLock { _cancelled = true } }
}

/// The words of a prompt the interpreter acted on and the ones it did not.
public struct PromptReport: Hashable, Sendable, Codable {
    public var understood: [String]
    public var ignored: [String]
    public init(understood: [String] = [], ignored: [String] = []) { self.understood = understood; self.ignored = ignored }
}

/// The outcome of a generation.
public struct GenerationResult: Sendable {
    /// Frames delivered to the sink.
    public var framesGenerated: Int
    /// Checkpoints taken on the way: every second of shot time, and one at the last frame
    /// generated (the state after it, ready for an extend).
    public var checkpoints: [Checkpoint]
    public var report: PromptReport
    public init(framesGenerated: Int, checkpoints: [Checkpoint], report: PromptReport) {
        self.framesGenerated = framesGenerated; self.checkpoints = checkpoints; self.report = report
    }
}

/// Errors every engine may throw.
public enum GenerationError: Error, Hashable, Sendable, LocalizedError {
    case cancelled
    case incompatibleCheckpoint(String)
    case invalidRange(String)
    case engineFailure(String)
    public var errorDescription: String? {
        switch self {
        case .cancelled: return "generation was cancelled"
        case .incompatibleCheckpoint(let s): return "the checkpoint cannot be used: \(s)"
        case .invalidRange(let s): return "frame range \(s) is outside the shot"
        case .engineFailure(let s): return "the engine failed: \(s)"
        }
    }
}

/// A video generator. ProceduralEngine is the embedded default; a model served elsewhere
/// plugs in behind the same protocol.
public protocol GenerationEngine: Sendable {
    var identity: EngineIdentity { get }
    /// Generates frames, delivering each to `sink` in order. Throws GenerationError.cancelled
    /// when `cancel` is set; frames already delivered stay delivered.
    func generate(_ request: GenerationRequest, sink: FrameSink, progress: GenerationProgress,
                  cancel: CancelToken) throws -> GenerationResult
    /// The state after simulating (without drawing) up to `frame`, starting from `from` or
    /// from the shot's start. Used to get an exact checkpoint where a refine begins.
    func simulate(_ spec: ShotSpec, from: Checkpoint?, to frame: Int) throws -> Checkpoint
    /// Interprets the prompt only: what it will draw and which words it ignored.
    func interpret(_ spec: ShotSpec) -> PromptReport
    /// Where camera presets should centre for this shot (its subject, at the distance its
    /// shot size needs); nil when the engine does not know, and presets use the standard.
    func presetFraming(_ spec: ShotSpec) -> PresetFraming?
    /// The subject's matte at `frame` (one byte per pixel at `spec.resolution`: 255 all
    /// subject … 0 none), or nil when the engine cannot tell which pixels are the subject.
    func subjectMatte(_ spec: ShotSpec, frame: Int) throws -> [UInt8]?
}

extension GenerationEngine {
    public func presetFraming(_ spec: ShotSpec) -> PresetFraming? { nil }
    public func subjectMatte(_ spec: ShotSpec, frame: Int) throws -> [UInt8]? { nil }
}
