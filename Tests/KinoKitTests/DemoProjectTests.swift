import Foundation
import Testing
import KinoCore
import KinoEngine
@testable import KinoKit

/// The demo, re-shot: its preset cameras are centred on the products at the distance their
/// shot sizes need, and the box opens.
@Suite struct DemoProjectTests {
    @Test func theProductShotsPresetsAreCentredOnTheProductsAtTheirFramingDistance() throws {
        let p = try DemoProject.build()
        let box = p.shots[0], phone = p.shots[1]
        let boxStart = box.camera.pose(at: 0), boxEnd = box.camera.pose(at: Double(box.duration - 1))
        // The box's centre stands on the 0.8 m studio table; the dolly starts a product shot
        // away and pushes in to about half that distance.
        #expect(abs(boxStart.target.y - 0.875) < 0.01 && abs(boxStart.target.x) < 1e-9)
        func length(_ v: Vec3) -> Double { (v * v).sum().squareRoot() }
        let d0 = length(boxStart.position - boxStart.target), d1 = length(boxEnd.position - boxEnd.target)
        #expect(d0 > 1 && d0 < 3, "starts \(d0) m away")
        #expect(d1 < 0.6 * d0, "pushes in to \(d1) m")
        // The phone's orbit circles it at a close-up's distance, under a metre.
        let radii = stride(from: 0, to: phone.duration, by: 12).map { f -> Double in
            let q = phone.camera.pose(at: Double(f))
            let dx = q.position.x - q.target.x, dz = q.position.z - q.target.z
            return (dx * dx + dz * dz).squareRoot()
        }
        #expect(radii.allSatisfy { $0 > 0.3 && $0 < 1.0 }, "\(radii)")
        #expect(box.prompt.contains("opening") && phone.prompt.contains("close-up"))
    }

    @Test func theBoxOfTheRevealOpens() throws {
        let p = try DemoProject.build()
        let shot = p.shots[0]
        let spec = ShotSpec(shot: shot, characters: [], lighting: p.effectiveLighting(for: shot),
                            sceneEnvironment: p.scene(shot.sceneID)?.environment ?? "", frameRate: p.frameRate,
                            resolution: try Resolution(width: 160, height: 90))
        var still = spec
        still.shot.prompt = shot.prompt.replacingOccurrences(of: "opening ", with: "")
        let engine = ProceduralEngine()
        // At the same frame and camera, the opened box (lid lifted, phone risen) covers more.
        let open = try #require(try engine.subjectMatte(spec, frame: 72)).filter { $0 >= 128 }.count
        let closed = try #require(try engine.subjectMatte(still, frame: 72)).filter { $0 >= 128 }.count
        #expect(closed > 0 && Double(open) > 1.15 * Double(closed), "closed \(closed) px, open \(open) px")
    }
}
