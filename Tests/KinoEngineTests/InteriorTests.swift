import Foundation
import Testing
import KinoCore
@testable import KinoEngine

/// The camera never leaves the set and nothing hides the subject: rooms enclose the camera
/// path, every ray from the lens hits the set, furniture between the lens and a followed
/// subject is cut from the view.
@Suite struct InteriorTests {
    static let rooms: [SceneSpec.Environment] = [.livingRoom, .kitchen, .office]

    @Test func noCameraPositionLiesOutsideTheRoomAndEveryRayHitsTheSet() {
        for room in Self.rooms {
            let interior = Interior.of(room)!
            for (moves, size) in [([SceneSpec.CameraMove.followBehind], nil), ([], SceneSpec.ShotSize.wide), ([.orbit], .establishing),
                                  ([.pullOut], nil), ([.crane], .wide)] {
                do {
                    let scene = SceneSpec(environment: room, subjects: [.init(kind: .woman, action: .walking)], cameraMoves: moves, shotSize: size)
                    for (f, s) in Shoot.frames(scene, frames: 144, every: 12).enumerated() {
                        #expect(interior.contains(s.camera.position, margin: 0.3), "\(room) \(moves) \(String(describing: size)) frame \(f): camera at \(s.camera.position)")
                        #expect(s.emptySamples == 0, "\(room) \(moves) \(String(describing: size)) frame \(f): \(s.emptySamples) samples see outside the set")
                    }
                }
            }
        }
    }

    @Test func aFollowingCameraKeepsALineOfSightToItsSubjectInTheThreeRooms() {
        for room in Self.rooms {
            for moves in [[SceneSpec.CameraMove.followBehind], []] {
                let scene = SceneSpec(environment: room, subjects: [.init(kind: .woman, action: .walking)], cameraMoves: moves, shotSize: .wide)
                var world = World(setup: WorldSetup(spec: Fixture.spec(frames: 144), scene: scene))
                let raster = Rasteriser(width: 160, height: 90)
                var clear = 0, drawn = 0
                for f in 0..<144 {
                    if f % 3 == 0 {
                        // The subject's pixels with the set drawn, against the same frame with no set.
                        let withSet = FramedSubject(raster.renderLayers(world.rasterScene(width: 160, height: 90)), camera: world.cameraPose())
                        var bare = world.rasterScene(width: 160, height: 90)
                        bare.scenery = TriangleSoup()
                        let alone = FramedSubject(raster.renderLayers(bare), camera: world.cameraPose())
                        if alone.pixels > 0 && Double(withSet.pixels) >= 0.9 * Double(alone.pixels) { clear += 1 }
                        drawn += 1
                    }
                    world.step()
                }
                #expect(Double(clear) >= 0.95 * Double(drawn), "\(room) \(moves): clear on \(clear) of \(drawn) frames")
            }
        }
    }

    @Test func furnitureOnTheLineOfSightIsLeftOutAndOtherwiseDrawn() {
        let armchair = WorldScenery.furniture(.livingRoom)[3]
        let through = (Vec3(1.75, 0.3, 0), Vec3(1.75, 0.3, -4)), past = (Vec3(0, 1, 0), Vec3(0, 1, -4))
        #expect(armchair.blocks(from: through.0, to: through.1))
        #expect(!armchair.blocks(from: past.0, to: past.1))
        let setup = WorldSetup(spec: Fixture.spec(), scene: SceneSpec(environment: .livingRoom))
        let camera = PinholeCamera(pose: CameraPose(position: Vec3(0, 1.6, 3), target: Vec3(0, 1, -4), roll: 0, focalLength: 35), width: 64, height: 36)
        var all = MeshBuilder(light: setup.light, eye: camera.position), cut = all
        WorldScenery.build(&all, setup: setup, camera: camera)
        WorldScenery.build(&cut, setup: setup, camera: camera, sightLines: [through])
        #expect(all.soup.count - cut.soup.count == 2 * 12, "the armchair's two blocks, 12 triangles each")
    }

    @Test func theStudioIsACycloramaWithNoEdgeFromAnyAngle() {
        for angle in [nil, SceneSpec.CameraAngle.low, .high, .birdsEye, .dutch] {
            for size in [SceneSpec.ShotSize.medium, .wide, .establishing] {
                let scene = SceneSpec(environment: .studio, subjects: [.init(kind: .mug)], cameraMoves: [.orbit], shotSize: size, angle: angle)
                for (f, s) in Shoot.frames(scene, frames: 24, every: 4).enumerated() {
                    #expect(s.emptySamples == 0, "\(String(describing: angle)) \(size) frame \(f): the cyclorama's edge is in frame")
                }
            }
        }
    }
}
