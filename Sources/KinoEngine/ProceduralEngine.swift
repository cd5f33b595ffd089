import Foundation
import KinoCore

/// The embedded, deterministic generator: interprets the prompt into a SceneSpec, simulates
/// a World from the shot seed and rasterises it. Same inputs + seed + identity give
/// bit-identical frames; its checkpoints let a take be extended or refined from any second.
public struct ProceduralEngine: GenerationEngine {
    public let identity = EngineIdentity(name: "procedural", version: "2.0")
    let interpreter: @Sendable (ShotSpec) -> SceneSpec

    /// An engine reading prompts with `interpreter` (tests and kino-bench pass scenes built by hand).
    public init(interpreter: @escaping @Sendable (ShotSpec) -> SceneSpec) {
        self.interpreter = interpreter
    }

    public func interpret(_ spec: ShotSpec) -> PromptReport { interpreter(spec).report }

    func world(for spec: ShotSpec, from checkpoint: Checkpoint?) throws -> (World, SceneSpec) {
        let scene = interpreter(spec)
        let setup = WorldSetup(spec: spec, scene: scene)
        guard let checkpoint else { return (World(setup: setup), scene) }
        guard checkpoint.engine == identity else {
            throw GenerationError.incompatibleCheckpoint("it was written by \(checkpoint.engine), not \(identity); render the shot again")
        }
        let state = try CheckpointCodec.decode(checkpoint.state)
        guard state.frame == checkpoint.frame else {
            throw GenerationError.incompatibleCheckpoint("it says frame \(checkpoint.frame) but holds frame \(state.frame)")
        }
        return (World(setup: setup, restoring: state), scene)
    }

    func checkpoint(_ world: World) -> Checkpoint {
        Checkpoint(frame: world.frame, engine: identity, state: CheckpointCodec.encode(world.state))
    }

    public func generate(_ request: GenerationRequest, sink: FrameSink, progress: GenerationProgress,
                         cancel: CancelToken) throws -> GenerationResult {
        switch request {
        case .render(let spec, let range):
            guard range.start >= 0, range.end >= range.start, range.end <= spec.shot.duration else {
                throw GenerationError.invalidRange("\(range) (the shot has \(spec.shot.duration) frames)")
            }
            var (world, scene) = try world(for: spec, from: nil)
            while world.frame < range.start {
                if world.frame % 64 == 0 && cancel.isCancelled { throw GenerationError.cancelled }
                world.step()
            }
            return try run(&world, scene: scene, spec: spec, count: range.count, sink: sink, progress: progress, cancel: cancel)
        case .extend(let spec, let from, let frames):
            guard frames >= 0 else { throw GenerationError.invalidRange("extend by \(frames) frames") }
            var (world, scene) = try world(for: spec, from: from)
            return try run(&world, scene: scene, spec: spec, count: frames, sink: sink, progress: progress, cancel: cancel)
        case .refine(let spec, let from, let range):
            guard from.frame == range.start, range.end >= range.start else {
                throw GenerationError.invalidRange("\(range) (the checkpoint is at frame \(from.frame); a refine starts there)")
            }
            var (world, scene) = try world(for: spec, from: from)
            return try run(&world, scene: scene, spec: spec, count: range.count, sink: sink, progress: progress, cancel: cancel)
        }
    }

    public func simulate(_ spec: ShotSpec, from: Checkpoint?, to frame: Int) throws -> Checkpoint {
        var (world, _) = try world(for: spec, from: from)
        guard frame >= world.frame else {
            throw GenerationError.invalidRange("\(frame) (simulation cannot go back from frame \(world.frame))")
        }
        while world.frame < frame { world.step() }
        return checkpoint(world)
    }

    /// The matte of the frame `render` draws at `frame`: the pixels of the prompt's subjects
    /// (people, products, cars it names), from the same rasterisation as the picture.
    public func subjectMatte(_ spec: ShotSpec, frame: Int) throws -> [UInt8]? {
        guard frame >= 0, frame < spec.shot.duration else {
            throw GenerationError.invalidRange("\(frame) (the shot has \(spec.shot.duration) frames)")
        }
        var (world, _) = try world(for: spec, from: nil)
        while world.frame < frame { world.step() }
        let raster = Rasteriser(width: spec.resolution.width, height: spec.resolution.height)
        return raster.renderLayers(world.rasterScene(width: raster.width, height: raster.height)).matte
    }

    /// Draws `count` frames from the world's current frame, with a checkpoint at every whole
    /// second of shot time and one after the last frame.
    private func run(_ world: inout World, scene: SceneSpec, spec: ShotSpec, count: Int, sink: FrameSink,
                     progress: GenerationProgress, cancel: CancelToken) throws -> GenerationResult {
        progress.start(total: count)
        let raster = Rasteriser(width: spec.resolution.width, height: spec.resolution.height)
        let second = max(1, Int(spec.frameRate.doubleValue.rounded()))
        var checkpoints: [Checkpoint] = []
        for _ in 0..<count {
            if cancel.isCancelled { throw GenerationError.cancelled }
            let f = world.frame
            if f % second == 0 { checkpoints.append(checkpoint(world)) }
            let frame = raster.render(world.rasterScene(width: raster.width, height: raster.height))
            try sink.receive(frameIndex: f, frame: frame)
            world.step()
            progress.advance()
        }
        if checkpoints.last?.frame != world.frame { checkpoints.append(checkpoint(world)) }
        return GenerationResult(framesGenerated: count, checkpoints: checkpoints, report: scene.report)
    }
}
