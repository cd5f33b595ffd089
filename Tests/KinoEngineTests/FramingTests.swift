import Foundation
import Testing
import KinoCore
@testable import KinoEngine

/// What a frame shows of its subject, measured from the engine's own matte.
struct FramedSubject {
    var width: Int, height: Int
    var camera: CameraPose
    /// Samples no surface covered (sky, or the outside of a set).
    var emptySamples: Int
    /// Pixels at least half covered by the subject.
    var pixels: Int
    var minX = Int.max, minY = Int.max, maxX = -1, maxY = -1
    var centroid = SIMD2<Double>(0, 0)

    init(_ r: RenderedFrame, camera: CameraPose) {
        width = r.frame.width; height = r.frame.height; self.camera = camera; emptySamples = r.emptySamples
        pixels = 0
        var sx = 0.0, sy = 0.0
        for y in 0..<height {
            for x in 0..<width where r.matte[y * width + x] >= 128 {
                pixels += 1; sx += Double(x) + 0.5; sy += Double(y) + 0.5
                minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
            }
        }
        if pixels > 0 { centroid = SIMD2(sx / Double(pixels) / Double(width), sy / Double(pixels) / Double(height)) }
    }

    /// The subject's height as a share of the frame's.
    var heightFraction: Double { pixels == 0 ? 0 : Double(maxY - minY + 1) / Double(height) }
    /// The centre of the subject's pixels lies in the middle two-thirds of the frame.
    var centredInMiddleThirds: Bool {
        pixels > 0 && (1.0 / 6...5.0 / 6).contains(centroid.x) && (1.0 / 6...5.0 / 6).contains(centroid.y)
    }
}

enum Shoot {
    static let size = try! Resolution(width: 192, height: 108)

    /// Every `every`th frame of a shot of `frames` frames (the others are simulated, not
    /// drawn), measured.
    static func frames(_ scene: SceneSpec, frames: Int = 48, every: Int = 1, resolution: Resolution = Shoot.size,
                       camera: CameraPath? = nil) -> [FramedSubject] {
        var world = World(setup: WorldSetup(spec: Fixture.spec(frames: frames, resolution: resolution, camera: camera), scene: scene))
        let raster = Rasteriser(width: resolution.width, height: resolution.height)
        var out: [FramedSubject] = []
        for f in 0..<frames {
            if f % every == 0 {
                let pose = world.cameraPose()
                out.append(FramedSubject(raster.renderLayers(world.rasterScene(width: raster.width, height: raster.height)), camera: pose))
            }
            world.step()
        }
        return out
    }
}

/// Framing from the prompt: shot sizes, angles and defaults per subject, checked on every
/// frame from the engine's subject matte.
@Suite struct FramingTests {
    @Test func aProductOrbitHoldsTheProductAtAProductShotSizeAndNeverShowsTheCycloramaEdge() {
        let shots = Shoot.frames(SceneSpec(environment: .studio, subjects: [.init(kind: .smartphone, action: .rotating)], cameraMoves: [.orbit]), frames: 96, every: 2)
        for (f, s) in shots.enumerated() {
            #expect((0.2...0.36).contains(s.heightFraction), "frame \(f): the phone is \(s.heightFraction) of the frame height")
            #expect(s.centredInMiddleThirds, "frame \(f): centre \(s.centroid)")
            #expect(s.emptySamples == 0, "frame \(f): \(s.emptySamples) samples see past the cyclorama")
        }
    }

    @Test func eachShotSizeFramesAProductWithinItsBand() {
        let bands: [(SceneSpec.ShotSize, ClosedRange<Double>)] = [(.closeUp, 0.55...0.85), (.medium, 0.2...0.36), (.wide, 0.07...0.14)]
        for (size, band) in bands {
            for angle in [nil, SceneSpec.CameraAngle.low, .high] {
                let scene = SceneSpec(environment: .studio, subjects: [.init(kind: .bottle)], cameraMoves: [.orbit], shotSize: size, angle: angle)
                for (f, s) in Shoot.frames(scene, frames: 48, every: 6).enumerated() {
                    #expect(band.contains(s.heightFraction), "\(size) \(String(describing: angle)) frame \(f): \(s.heightFraction)")
                    #expect(s.centredInMiddleThirds, "\(size) frame \(f): centre \(s.centroid)")
                    #expect(s.emptySamples == 0, "\(size) \(String(describing: angle)) frame \(f): the set's edge is in frame")
                }
            }
        }
    }

    @Test func aPushInKeepsTheProductCentredAndGrowsItFromAProductShotToADetail() {
        let shots = Shoot.frames(SceneSpec(environment: .studio, subjects: [.init(kind: .productBox)], cameraMoves: [.pushIn]), frames: 49, every: 4)
        for (f, s) in shots.enumerated() { #expect(s.centredInMiddleThirds, "frame \(f * 4): centre \(s.centroid)") }
        let first = shots.first!.heightFraction, last = shots.last!.heightFraction
        #expect(first > 0.12 && first < 0.25, "starts wider than the product shot: \(first)")
        #expect(last > 0.3 && last < 0.5, "ends tighter: \(last)")
        for i in 1..<shots.count { #expect(shots[i].heightFraction >= shots[i - 1].heightFraction - 1.5 / 108) }
    }

    @Test func aWalkerFollowedFromBehindIsMediumWideWithHeadroomOnEveryFrame() {
        for place in [SceneSpec.Environment.street, .park, .livingRoom, .kitchen, .office] {
            let scene = SceneSpec(environment: place, subjects: [.init(kind: .woman, action: .walking)], cameraMoves: [.followBehind])
            for (f, s) in Shoot.frames(scene, frames: 120, every: 8).enumerated() {
                #expect(s.centredInMiddleThirds, "\(place) frame \(f): centre \(s.centroid)")
                #expect(Double(s.minY) >= 0.03 * Double(s.height), "\(place) frame \(f): no headroom (top row \(s.minY))")
                #expect(s.heightFraction >= 0.55 && s.heightFraction <= 0.97, "\(place) frame \(f): \(s.heightFraction)")
            }
        }
    }

    @Test func aWideShotShowsTheWholePersonAndACloseUpTheHeadAndShoulders() {
        let wide = Shoot.frames(SceneSpec(environment: .park, subjects: [.init(kind: .man)], shotSize: .wide), frames: 4)
        for s in wide {
            #expect((0.6...0.85).contains(s.heightFraction), "wide: \(s.heightFraction)")
            #expect(s.maxY < s.height - 1, "wide: the feet are in frame")
        }
        let close = Shoot.frames(SceneSpec(environment: .park, subjects: [.init(kind: .man)], shotSize: .closeUp), frames: 4)
        for s in close {
            #expect(s.maxY == s.height - 1, "close-up: cut below the shoulders")
            #expect(Double(s.minY) >= 0.03 * Double(s.height) && Double(s.minY) <= 0.2 * Double(s.height), "close-up: headroom \(s.minY)")
        }
    }

    @Test func anglesPutTheCameraBelowAboveOrOverTheSubject() {
        func cameraHeight(_ angle: SceneSpec.CameraAngle) -> (Double, Double) {
            let s = Shoot.frames(SceneSpec(environment: .park, subjects: [.init(kind: .woman)], angle: angle), frames: 1)[0]
            return (s.camera.position.y, s.camera.target.y)
        }
        let low = cameraHeight(.low), high = cameraHeight(.high), top = cameraHeight(.birdsEye)
        #expect(low.0 < low.1 && high.0 > high.1 && top.0 > high.0)
        let dutch = Shoot.frames(SceneSpec(environment: .park, subjects: [.init(kind: .woman)], angle: .dutch), frames: 1)[0]
        #expect(dutch.camera.roll != 0)
    }

    @Test func presetsCentreOnTheSubjectAtTheDistanceItsShotSizeNeeds() {
        let phone = World(setup: WorldSetup(spec: Fixture.spec(), scene: SceneSpec(environment: .studio, subjects: [.init(kind: .smartphone)],
                                                                                  shotSize: .closeUp))).presetFraming()
        #expect(abs(phone.subject.y - (0.8 + 0.155 / 2)) < 0.01)
        #expect(phone.distance > 0.3 && phone.distance < 1.0)
        // An orbit preset built on it frames the phone as the prompt's close-up does.
        let path = CameraPath.preset(.orbit, frames: 48, frameRate: .fps24, framing: phone)
        let scene = SceneSpec(environment: .studio, subjects: [.init(kind: .smartphone, action: .rotating)])
        for (f, s) in Shoot.frames(scene, frames: 48, every: 6, camera: path).enumerated() {
            #expect((0.55...0.85).contains(s.heightFraction), "frame \(f * 6): \(s.heightFraction)")
            #expect(s.centredInMiddleThirds && s.emptySamples == 0)
        }
    }
}
