import Foundation
import Testing
import KinoCore
@testable import KinoEngine

/// The engine contract: determinism, checkpoints, extend, refine, cancellation.
@Suite struct ProceduralEngineTests {
    let small = try! Resolution(width: 96, height: 54)

    @Test func identityIsProceduralTwoZero() {
        // 2.0: framing from the prompt, closed sets, products, the finished look.
        #expect(Fixture.engine(Fixture.phone).identity == EngineIdentity(name: "procedural", version: "2.0"))
    }

    @Test func renderingTwiceGivesIdenticalBytes() throws {
        let engine = Fixture.engine(Fixture.walker)
        let spec = Fixture.spec(frames: 12, resolution: small)
        let (a, _) = try Fixture.render(engine, spec, FrameRange(0, 12))
        let (b, _) = try Fixture.render(engine, spec, FrameRange(0, 12))
        #expect(a.images == b.images)
        #expect(a.indices == Array(0..<12))
        // And the frames are not all the same picture: the world moves.
        #expect(Fixture.meanDifference(a.images[0], a.images[11]) > 1)
    }

    @Test func renderingARangeEqualsThoseFramesOfAFullRender() throws {
        let engine = Fixture.engine(Fixture.walker)
        let spec = Fixture.spec(frames: 24, resolution: small)
        let (full, _) = try Fixture.render(engine, spec, FrameRange(0, 20))
        let (part, _) = try Fixture.render(engine, spec, FrameRange(10, 20))
        #expect(part.indices == Array(10..<20))
        #expect(part.images == Array(full.images[10..<20]))
    }

    @Test func aDifferentSeedGivesDifferentFrames() throws {
        let engine = Fixture.engine(Fixture.walker)
        let (a, _) = try Fixture.render(engine, Fixture.spec(frames: 4, seed: 1, resolution: small), FrameRange(0, 1))
        let (b, _) = try Fixture.render(engine, Fixture.spec(frames: 4, seed: 2, resolution: small), FrameRange(0, 1))
        #expect(a.images[0] != b.images[0])
    }

    @Test func checkpointsFallOnEverySecondAndAfterTheLastFrame() throws {
        let engine = Fixture.engine(Fixture.phone)
        let (_, result) = try Fixture.render(engine, Fixture.spec(frames: 60, resolution: small), FrameRange(0, 50))
        #expect(result.checkpoints.map(\.frame) == [0, 24, 48, 50])
        #expect(result.framesGenerated == 50)
        #expect(result.checkpoints.allSatisfy { $0.engine == engine.identity })
    }

    @Test func restoringACheckpointContinuesExactlyAsTheUninterruptedRun() throws {
        let engine = Fixture.engine(Fixture.walker)
        let spec = Fixture.spec(frames: 40, resolution: small)
        let (full, result) = try Fixture.render(engine, spec, FrameRange(0, 32))
        let at24 = try #require(result.checkpoints.first { $0.frame == 24 })
        let sink = CollectingSink()
        _ = try engine.generate(.extend(spec, from: at24, frames: 8), sink: sink, progress: GenerationProgress(), cancel: CancelToken())
        #expect(sink.indices == Array(24..<32))
        #expect(sink.images == Array(full.images[24..<32]))
    }

    @Test func simulateReturnsTheSameStateAsRendering() throws {
        let engine = Fixture.engine(Fixture.walker)
        let spec = Fixture.spec(frames: 40, resolution: small)
        let (_, result) = try Fixture.render(engine, spec, FrameRange(0, 25))
        let simulated = try engine.simulate(spec, from: nil, to: 24)
        #expect(simulated == result.checkpoints.first { $0.frame == 24 })
        let onward = try engine.simulate(spec, from: simulated, to: 25)
        #expect(onward == result.checkpoints.last)
    }

    @Test func extendingByFortyEightFramesContinuesTheTake() throws {
        let engine = Fixture.engine(Fixture.walker)
        let spec = Fixture.spec(frames: 48, resolution: small)
        let (first, result) = try Fixture.render(engine, spec, FrameRange(40, 48))
        let end = try #require(result.checkpoints.last)
        #expect(end.frame == 48)
        let sink = CollectingSink()
        let progress = GenerationProgress()
        let extended = try engine.generate(.extend(spec, from: end, frames: 48), sink: sink, progress: progress, cancel: CancelToken())
        #expect(sink.indices == Array(48..<96))
        #expect(progress.completed == 48)
        #expect(extended.checkpoints.map(\.frame) == [48, 72, 96])
        // The same as a take that was 96 frames long from the start.
        let longer = Fixture.spec(frames: 96, resolution: small)
        let (reference, _) = try Fixture.render(engine, longer, FrameRange(48, 56))
        #expect(Array(sink.images[0..<8]) == reference.images)
        let frames = first.images + sink.images.prefix(8)
        #expect(seamJump(frames, seam: 8) <= 1.5)
    }

    @Test func refiningWithTheSameInputsReproducesTheTake() throws {
        let engine = Fixture.engine(Fixture.walker)
        let spec = Fixture.spec(frames: 120, resolution: small)
        let (original, result) = try Fixture.render(engine, spec, FrameRange(90, 104))
        let at96 = try #require(result.checkpoints.first { $0.frame == 96 })
        let sink = CollectingSink()
        _ = try engine.generate(.refine(spec, from: at96, range: FrameRange(96, 104)), sink: sink, progress: GenerationProgress(), cancel: CancelToken())
        #expect(sink.images == Array(original.images[6...]))
    }

    @Test func refiningWithANewSeedChangesOnlyFramesAfterTheSeamAndKeepsItContinuous() throws {
        let engine = Fixture.engine(Fixture.walker)
        let spec = Fixture.spec(frames: 120, seed: 7, resolution: small)
        let (original, result) = try Fixture.render(engine, spec, FrameRange(88, 120))
        let at96 = try #require(result.checkpoints.first { $0.frame == 96 })
        var reseeded = spec
        reseeded.shot.seed = 99
        let sink = CollectingSink()
        _ = try engine.generate(.refine(reseeded, from: at96, range: FrameRange(96, 120)), sink: sink,
                                progress: GenerationProgress(), cancel: CancelToken())
        #expect(sink.indices == Array(96..<120))
        // The new seed shows after the seam …
        #expect(sink.images.last != original.images.last)
        // … the frame at the seam still draws the checkpointed state, so it is unchanged …
        #expect(sink.images[0] == original.images[8])
        // … and neither the cut into the refined frames nor the first step taken with the new
        // seed is a jump.
        let joined = Array(original.images[0..<8]) + sink.images
        #expect(seamJump(joined, seam: 8) <= 1.5)
        #expect(seamJump(joined, seam: 9) <= 1.5)
    }

    @Test func refiningWithANewPromptKeepsTheSubjectWhereItWas() throws {
        let spec = Fixture.spec(frames: 120, resolution: small)
        let walking = Fixture.engine(Fixture.walker)
        let at96 = try walking.simulate(spec, from: nil, to: 96)
        var running = Fixture.walker
        running.subjects[0].action = .running
        let (world, _) = try Fixture.engine(running).world(for: spec, from: at96)
        let before = try CheckpointCodec.decode(at96.state)
        #expect(world.state.people[0].position == before.people[0].position)
        #expect(world.state.people[0].action == "running")
        #expect(world.state.people[0].feet == before.people[0].feet)
    }

    @Test func refineMustStartAtItsCheckpoint() throws {
        let engine = Fixture.engine(Fixture.phone)
        let spec = Fixture.spec(frames: 48, resolution: small)
        let at24 = try engine.simulate(spec, from: nil, to: 24)
        #expect(throws: GenerationError.self) {
            try engine.generate(.refine(spec, from: at24, range: FrameRange(30, 48)), sink: CollectingSink(),
                                progress: GenerationProgress(), cancel: CancelToken())
        }
    }

    @Test func aCheckpointFromAnotherEngineIsRefused() throws {
        let engine = Fixture.engine(Fixture.phone)
        let spec = Fixture.spec(frames: 48, resolution: small)
        var foreign = try engine.simulate(spec, from: nil, to: 24)
        foreign.engine = EngineIdentity(name: "procedural", version: "0.9")
        #expect(throws: GenerationError.self) { try engine.simulate(spec, from: foreign, to: 30) }
        let damaged = Checkpoint(frame: 24, engine: engine.identity, state: Data("kino-world/1\n{".utf8))
        #expect(throws: GenerationError.self) { try engine.simulate(spec, from: damaged, to: 30) }
    }

    @Test func aRangeOutsideTheShotIsRefused() {
        let engine = Fixture.engine(Fixture.phone)
        #expect(throws: GenerationError.self) {
            try Fixture.render(engine, Fixture.spec(frames: 10, resolution: small), FrameRange(5, 11))
        }
    }

    @Test func cancellingStopsPromptlyAndThrowsCancelled() throws {
        let engine = Fixture.engine(Fixture.walker)
        let cancel = CancelToken()
        let sink = CollectingSink()
        sink.onReceive = { index in if index == 2 { cancel.cancel() } }
        let progress = GenerationProgress()
        #expect(throws: GenerationError.cancelled) {
            try engine.generate(.render(Fixture.spec(frames: 100, resolution: small), FrameRange(0, 100)), sink: sink,
                                progress: progress, cancel: cancel)
        }
        #expect(sink.indices == [0, 1, 2])
        #expect(progress.total == 100)
        #expect(progress.completed == 3)
    }

    @Test func anImageStartsTheShotAsThePicture() throws {
        var pixels = [UInt8](repeating: 255, count: 96 * 54 * 4)
        for y in 0..<54 {
            for x in 0..<96 {
                let i = (y * 96 + x) * 4
                pixels[i] = UInt8(x * 255 / 95); pixels[i + 1] = UInt8(y * 255 / 53); pixels[i + 2] = UInt8(((x / 8 + y / 8) & 1) * 200)
            }
        }
        let picture = Frame(width: 96, height: 54, pixels: pixels)
        let engine = Fixture.engine(SceneSpec(environment: .street, cameraMoves: [.pushIn]))
        let (sink, _) = try Fixture.render(engine, Fixture.spec(frames: 48, resolution: small, startFrame: picture), FrameRange(0, 48))
        #expect(psnr(sink.images[0], picture) > 35)
        #expect(psnr(sink.images[47], picture) < 25)
    }

    @Test func aSidewaysCameraMovesTheLowerPartOfThePictureMoreThanTheTop() throws {
        // Red runs 0…255 across the picture, so a pixel's red says which column it shows.
        var pixels = [UInt8](repeating: 255, count: 96 * 54 * 4)
        for y in 0..<54 { for x in 0..<96 { pixels[(y * 96 + x) * 4] = UInt8(x * 255 / 95); pixels[(y * 96 + x) * 4 + 1] = 0 } }
        let picture = Frame(width: 96, height: 54, pixels: pixels)
        var truck = CameraPath.standard
        truck[.positionX] = AnimationCurve(keys: [Keyframe(frame: 0, value: 0, interpolation: .linear), Keyframe(frame: 10, value: 0.5)])
        truck[.targetX] = truck[.positionX]
        let engine = Fixture.engine(SceneSpec(environment: .neutral))
        let (sink, _) = try Fixture.render(engine, Fixture.spec(frames: 11, resolution: small, camera: truck, startFrame: picture),
                                           FrameRange(0, 11))
        func column(_ f: Frame, row: Int) -> Double { Double(f.pixel(x: 48, y: row).r) * 95 / 255 }
        let farShift = column(sink.images[10], row: 5) - column(sink.images[0], row: 5)
        let nearShift = column(sink.images[10], row: 50) - column(sink.images[0], row: 50)
        // Far plane at 14 m, near at 6 m: 0.5 m of travel moves them 3.3 and 7.8 pixels.
        #expect(farShift > 2 && farShift < 5)
        #expect(nearShift > 6 && nearShift < 10)
    }
}

/// The jump across a seam with the project's metric: the difference between the two frames
/// either side of it, over the median step between the frames after it.
func seamJump(_ frames: [Frame], seam: Int) -> Double {
    Metrics.seamJump(before: frames[seam - 1], after: frames[seam], context: Array(frames[seam...]))
}
