import Foundation
import Testing
import KinoCore
@testable import KinoEngine

/// The rasteriser: projection against the pinhole formula, depth, colour, anti-aliasing.
@Suite struct RasteriserTests {
    @Test func projectionMatchesTheHandComputedPinholeFormula() throws {
        // 36 mm on a 1280-wide frame: the focal length is 1280 pixels.
        let pose = CameraPose(position: Vec3(0, 0, 0), target: Vec3(0, 0, -1), roll: 0, focalLength: 36)
        let cam = PinholeCamera(pose: pose, width: 1280, height: 720)
        #expect(cam.focalPixels == 1280)
        let p = try #require(cam.project(Vec3(1, 0.5, -4)))
        #expect(abs(p.x - 960) < 1e-9 && abs(p.y - 200) < 1e-9)
        #expect(cam.project(Vec3(0, 0, 3)) == nil)
        // A camera looking along +x from (2, 1, 0), focal 50 mm at 640x360.
        let side = PinholeCamera(pose: CameraPose(position: Vec3(2, 1, 0), target: Vec3(10, 1, 0), roll: 0, focalLength: 50), width: 640, height: 360)
        let q = try #require(side.project(Vec3(7, 2, 1)))
        let f = 50.0 * 640 / 36
        #expect(abs(q.x - (320 + f * 1 / 5)) < 1e-9)
        #expect(abs(q.y - (180 - f * 1 / 5)) < 1e-9)
    }

    @Test func rollTurnsTheImageAboutItsCentre() throws {
        // Positive roll turns the camera counter-clockwise as seen from behind it, so a point
        // on its right goes down the picture.
        let pose = CameraPose(position: .zero, target: Vec3(0, 0, -1), roll: 90, focalLength: 36)
        let cam = PinholeCamera(pose: pose, width: 1280, height: 720)
        let p = try #require(cam.project(Vec3(1, 0, -4)))
        #expect(abs(p.x - 640) < 1e-9)
        #expect(abs(p.y - 680) < 1e-9)
    }

    @Test func verticalFieldOfViewFollowsTheFrameAspect() {
        let v = PinholeCamera.verticalFieldOfView(focalLength: 35, width: 1280, height: 720)
        #expect(abs(v - 2 * atan(18.0 * 720 / 1280 / 35)) < 1e-12)
        let portrait = PinholeCamera.verticalFieldOfView(focalLength: 35, width: 720, height: 1280)
        #expect(abs(portrait - 2 * atan(18.0 / 35)) < 1e-12)
    }

    /// A dark scene with one small emissive marker.
    func markerScene(_ pose: CameraPose, marker: Vec3, width: Int, height: Int) -> RasterScene {
        var light = SceneLight.resolve(lighting: nil, timeOfDay: .night, weather: .clear, environment: .neutral)
        light.skyTop = .zero; light.skyHorizon = .zero; light.fogDensity = 0
        var b = MeshBuilder(light: light, eye: pose.position)
        b.emissive = true
        b.sphere(center: marker, radius: 0.04, color: SIMD3(1, 1, 1), rings: 8, slices: 12)
        return RasterScene(camera: PinholeCamera(pose: pose, width: width, height: height), light: light, scenery: TriangleSoup(),
                           actors: b.soup, shadows: [], rain: [], rainColor: .zero, backdrop: nil)
    }

    func centroid(_ f: Frame) -> SIMD2<Double>? {
        var sum = SIMD2<Double>(0, 0), weight = 0.0
        for y in 0..<f.height {
            for x in 0..<f.width {
                let v = Double(f.pixels[(y * f.width + x) * 4 + 1])
                if v > 0 { sum += SIMD2(Double(x) + 0.5, Double(y) + 0.5) * v; weight += v }
            }
        }
        return weight > 0 ? sum / weight : nil
    }

    @Test func aMarkerLandsWhereThePinholeFormulaSaysAlongAnOrbitAndADolly() throws {
        let marker = Vec3(0.3, 1.1, -0.2)
        var orbit = CameraPath.standard
        var dolly = CameraPath.standard
        var xs: [Keyframe] = [], zs: [Keyframe] = []
        for k in 0...8 {
            let a = Double(k) / 8 * 2 * Double.pi
            xs.append(Keyframe(frame: Double(k * 6), value: 5 * sin(a), interpolation: .linear))
            zs.append(Keyframe(frame: Double(k * 6), value: 5 * cos(a), interpolation: .linear))
        }
        orbit[.positionX] = AnimationCurve(keys: xs)
        orbit[.positionZ] = AnimationCurve(keys: zs)
        dolly[.positionZ] = AnimationCurve(keys: [Keyframe(frame: 0, value: 7, interpolation: .linear), Keyframe(frame: 48, value: 2.5)])
        dolly[.focalLength] = AnimationCurve(keys: [Keyframe(frame: 0, value: 28, interpolation: .linear), Keyframe(frame: 48, value: 50)])
        let raster = Rasteriser(width: 320, height: 180)
        var checked = 0
        for path in [orbit, dolly] {
            for frame in stride(from: 0, through: 48, by: 5) {
                let pose = path.pose(at: Double(frame))
                let scene = markerScene(pose, marker: marker, width: 320, height: 180)
                let expected = try #require(scene.camera.project(marker))
                // The pinhole formula by hand, in the camera's own axes.
                let d = marker - pose.position
                let fwd = (pose.target - pose.position).normalized
                let right = fwd.cross(Vec3(0, 1, 0)).normalized, up = right.cross(fwd)
                let f = pose.focalLength * 320 / 36
                let hand = SIMD2(160 + f * d.dot(right) / d.dot(fwd), 90 - f * d.dot(up) / d.dot(fwd))
                #expect(abs(hand.x - expected.x) < 1e-9 && abs(hand.y - expected.y) < 1e-9)
                let seen = try #require(centroid(raster.render(scene)))
                #expect(abs(seen.x - expected.x) < 0.5, "frame \(frame): x \(seen.x) vs \(expected.x)")
                #expect(abs(seen.y - expected.y) < 0.5, "frame \(frame): y \(seen.y) vs \(expected.y)")
                checked += 1
            }
        }
        #expect(checked == 20)
    }

    @Test func theNearerSurfaceWinsWhateverTheDrawingOrder() {
        var light = SceneLight.resolve(lighting: nil, timeOfDay: .noon, weather: .clear, environment: .neutral)
        light.fogDensity = 0
        let pose = CameraPose(position: Vec3(0, 0, 5), target: .zero, roll: 0, focalLength: 35)
        for nearFirst in [true, false] {
            var b = MeshBuilder(light: light, eye: pose.position)
            b.emissive = true
            let near = { (b: inout MeshBuilder) in b.box(center: Vec3(0, 0, 1), size: Vec3(1, 1, 0.1), color: RGB(255, 0, 0)) }
            let far = { (b: inout MeshBuilder) in b.box(center: Vec3(0, 0, 0), size: Vec3(2, 2, 0.1), color: RGB(0, 0, 255)) }
            if nearFirst { near(&b); far(&b) } else { far(&b); near(&b) }
            let scene = RasterScene(camera: PinholeCamera(pose: pose, width: 64, height: 36), light: light, scenery: TriangleSoup(),
                                    actors: b.soup, shadows: [], rain: [], rainColor: .zero, backdrop: nil)
            let frame = Rasteriser(width: 64, height: 36).render(scene)
            #expect(frame.pixel(x: 32, y: 18) == RGB(255, 0, 0))
            #expect(frame.pixel(x: 32, y: 6) == RGB(0, 0, 255))
        }
    }

    @Test func edgesAreAntiAliased() {
        var light = SceneLight.resolve(lighting: nil, timeOfDay: .noon, weather: .clear, environment: .neutral)
        light.skyTop = .zero; light.skyHorizon = .zero; light.fogDensity = 0
        let pose = CameraPose(position: Vec3(0, 0, 5), target: .zero, roll: 0, focalLength: 35)
        var b = MeshBuilder(light: light, eye: pose.position)
        b.emissive = true
        b.box(center: .zero, size: Vec3(1, 1, 0.1), yaw: 0, color: RGB(255, 255, 255))
        var tilted = b
        tilted.soup = TriangleSoup()
        tilted.box(center: .zero, x: Vec3(0.4, 0.2, 0), y: Vec3(-0.2, 0.4, 0), z: Vec3(0, 0, 0.05), color: SIMD3(1, 1, 1))
        let scene = RasterScene(camera: PinholeCamera(pose: pose, width: 96, height: 54), light: light, scenery: TriangleSoup(),
                                actors: tilted.soup, shadows: [], rain: [], rainColor: .zero, backdrop: nil)
        let frame = Rasteriser(width: 96, height: 54, supersample: 2).render(scene)
        let greys = Set(stride(from: 0, to: frame.pixels.count, by: 4).map { frame.pixels[$0] }).filter { $0 > 20 && $0 < 235 }
        #expect(greys.count >= 2)
        let hard = Rasteriser(width: 96, height: 54, supersample: 1).render(scene)
        let hardGreys = Set(stride(from: 0, to: hard.pixels.count, by: 4).map { hard.pixels[$0] }).filter { $0 > 20 && $0 < 235 }
        #expect(hardGreys.isEmpty)
    }

    @Test func aFrameShowsTheCharactersClothingWhereTheCharacterStands() throws {
        let spec = Fixture.spec(frames: 24, resolution: try Resolution(width: 160, height: 90))
        for (top, channel) in [(RGB(40, 160, 70), 1), (RGB(190, 30, 40), 0)] {
            var character = Fixture.ada
            character.appearance.top = top
            var shotSpec = spec
            shotSpec.characters = [character]
            let scene = SceneSpec(environment: .livingRoom, subjects: [.init(kind: .character, characterID: "ch1", action: .standing)])
            let engine = Fixture.engine(scene)
            let (sink, _) = try Fixture.render(engine, shotSpec, FrameRange(0, 1))
            let (world, _) = try engine.world(for: shotSpec, from: nil)
            let s = world.state.people[0].skeleton()
            let chest = s.pelvis + (s.neck - s.pelvis) * 0.6 + s.forward * 0.1
            let camera = PinholeCamera(pose: world.cameraPose(), width: 160, height: 90)
            let p = try #require(camera.project(chest))
            let pixel = sink.images[0].pixel(x: Int(p.x), y: Int(p.y))
            let c = [Int(pixel.r), Int(pixel.g), Int(pixel.b)]
            #expect(c[channel] > 2 * c[(channel + 1) % 3] && c[channel] > 2 * c[(channel + 2) % 3], "\(pixel) for \(top)")
        }
    }

    @Test func framesAreBitIdenticalHoweverTheRowsAreSplitAcrossThreads() throws {
        let spec = Fixture.spec(frames: 10, resolution: try Resolution(width: 120, height: 68))
        var w = World(setup: WorldSetup(spec: spec, scene: Fixture.walker))
        for _ in 0..<5 { w.step() }
        let scene = w.rasterScene(width: 120, height: 68)
        let raster = Rasteriser(width: 120, height: 68)
        let oneBand = raster.render(scene, bandRows: 68)
        #expect(raster.render(scene, bandRows: 1) == oneBand)
        #expect(raster.render(scene, bandRows: 7) == oneBand)
        #expect(raster.render(scene) == oneBand)
    }

    @Test func colourTemperatureRunsFromWarmToCool() {
        let warm = SceneLight.kelvinToRGB(2700), daylight = SceneLight.kelvinToRGB(6500), cool = SceneLight.kelvinToRGB(10000)
        #expect(warm.x == 1 && warm.z < 0.6)
        #expect(daylight.min() > 0.95)
        #expect(cool.z == 1 && cool.x < 0.85)
    }

    @Test func castersDarkenTheGroundBesideThem() throws {
        let light = SceneLight.resolve(lighting: LightingSetup(id: "lt1", name: "sun", keyAzimuth: 90, keyElevation: 45),
                                       timeOfDay: .noon, weather: .clear, environment: .neutral)
        let pose = CameraPose(position: Vec3(0, 6, 6), target: .zero, roll: 0, focalLength: 35)
        var set = MeshBuilder(light: light, eye: pose.position)
        WorldScenery.ground(&set, x: -10...10, z: -10...10, color: RGB(200, 200, 200))
        var actors = MeshBuilder(light: light, eye: pose.position)
        actors.castsShadow = true
        actors.box(center: Vec3(0, 0.5, 0), size: Vec3(0.4, 1, 0.4), color: RGB(200, 200, 200))
        let camera = PinholeCamera(pose: pose, width: 160, height: 90)
        let scene = RasterScene(camera: camera, light: light, scenery: set.soup, actors: actors.soup, shadows: actors.shadows,
                                rain: [], rainColor: .zero, backdrop: nil)
        let frame = Rasteriser(width: 160, height: 90).render(scene)
        // The light is at +x, 45° up: the shadow lies on the ground towards -x.
        let inShadow = try #require(camera.project(Vec3(-0.6, 0, 0)))
        let inLight = try #require(camera.project(Vec3(0.8, 0, 0)))
        let dark = frame.pixel(x: Int(inShadow.x), y: Int(inShadow.y)), lit = frame.pixel(x: Int(inLight.x), y: Int(inLight.y))
        #expect(Int(dark.g) < Int(lit.g) - 40)
    }

    @Test func everyEnvironmentDrawsSomethingOtherThanSky() throws {
        for env in SceneSpec.Environment.allCases {
            let engine = Fixture.engine(SceneSpec(environment: env, subjects: [.init(kind: .woman, action: .standing)]))
            let (sink, _) = try Fixture.render(engine, Fixture.spec(frames: 2, resolution: try Resolution(width: 64, height: 36)), FrameRange(0, 1))
            let colours = Set(stride(from: 0, to: sink.images[0].pixels.count, by: 4).map { sink.images[0].pixels[$0] })
            #expect(colours.count > 12, "\(env)")
        }
    }
}
